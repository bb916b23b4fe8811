public import Foundation

/// One new item of the period, with what the ranker says about it. Every text is plain text.
public struct DigestItem: Sendable, Hashable, Identifiable {
  /// The stable item key (unique in the digest).
  public var key: String
  /// The entry id as the feed gives it, if any.
  public var entryID: String?
  /// The address of the feed it came from.
  public var feedURL: String
  /// The feed's title, if it has one.
  public var feedTitle: String?
  public var title: String?
  /// The item's web page; renderers emit it as a link only when it is http or https.
  public var link: String?
  /// The authors, joined for display.
  public var author: String?
  /// The published date, nil when the feed gives none.
  public var published: Date?
  /// `id`, `en` or `mixed`, as the ranker judges the item's words.
  public var language: String
  /// A plain-text summary (renderers shorten it to an excerpt).
  public var summary: String
  /// The comment count the feed reports, if any.
  public var comments: Int?
  /// The topics the item fits, best first; empty for "Lainnya / Other".
  public var topics: [ItemTopicMatch]
  /// Keys of the other items judged to be the same story.
  public var duplicates: [String]
  /// Who shared it, first share first: empty unless a teacher shared it (`lingkar share`).
  public var sharedBy: [ArticleShare] = []

  public var id: String { key }

  public init(
    key: String, entryID: String? = nil, feedURL: String, feedTitle: String? = nil, title: String?, link: String?,
    author: String? = nil, published: Date?, language: String, summary: String, comments: Int? = nil,
    topics: [ItemTopicMatch] = [], duplicates: [String] = []
  ) {
    self.key = key
    self.entryID = entryID
    self.feedURL = feedURL
    self.feedTitle = feedTitle
    self.title = title
    self.link = link
    self.author = author
    self.published = published
    self.language = language
    self.summary = summary
    self.comments = comments
    self.topics = topics
    self.duplicates = duplicates
  }
}
