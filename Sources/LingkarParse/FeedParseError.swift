/// Why a document could not be read as a feed.
public enum FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The document is empty or holds only white space.
  case empty
  /// The document is an HTML page, not a feed.
  case htmlPage
  /// The document is XML or JSON, but not a feed format Lingkar knows (the root element is given).
  case notAFeed(root: String)
  /// The bytes could not be read as XML or JSON at all.
  case unreadable(String)

  public var description: String {
    switch self {
    case .empty: "the document is empty"
    case .htmlPage: "this is a web page, not a feed"
    case .notAFeed(let root): "not a feed (the document is <\(root)>)"
    case .unreadable(let why): "unreadable feed: \(why)"
    }
  }
}
