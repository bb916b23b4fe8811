public import LingkarModel

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

  /// The error as the fetch report says it: a document that is no feed.
  public var failure: FetchFailure {
    switch self {
    case .htmlPage: .webPage
    case .empty: .unreadable(FetchFailure.Unreadable.empty)
    case .notAFeed(let root): .unreadable(FetchFailure.Unreadable.notAFeed(root: root))
    case .unreadable(let why): .unreadable(why)
    }
  }

  /// What is wrong, for people.
  public var message: Message { failure.message }

  public var description: String { message.description }
}
