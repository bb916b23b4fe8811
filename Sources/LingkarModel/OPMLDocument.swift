/// A list of feeds as OPML carries it between feed readers: what `lingkar feeds import` reads and
/// `lingkar feeds export` writes.
public struct OPMLDocument: Sendable, Hashable {
  public var title: String?
  public var feeds: [OPMLFeed]

  public init(title: String? = nil, feeds: [OPMLFeed] = []) {
    self.title = title
    self.feeds = feeds
  }
}

/// One feed of an OPML file.
public struct OPMLFeed: Sendable, Hashable {
  /// The feed's address (`xmlUrl`).
  public var xmlURL: String
  /// The site's address (`htmlUrl`), when given.
  public var htmlURL: String?
  /// The feed's name (`title`, else `text`).
  public var title: String?
  /// The folders the feed sits in (outermost first), then its `category` entries; no repeats.
  public var tags: [String]

  public init(xmlURL: String, htmlURL: String? = nil, title: String? = nil, tags: [String] = []) {
    self.xmlURL = xmlURL
    self.htmlURL = htmlURL
    self.title = title
    self.tags = tags
  }
}
