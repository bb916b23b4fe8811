public import Foundation

/// One normalized item of a feed, whatever format it came from.
///
/// Text fields (`title`, `summary`, `authors`, `categories`) are plain text; `content` is HTML as the
/// feed gave it and must be sanitized before it is shown to anyone.
public struct Entry: Sendable, Hashable {
  /// The entry id as the feed gives it (RSS `guid`, Atom `id`, JSON `id`), else the entry's link.
  public var id: String?
  public var title: String?
  public var link: String?
  public var published: Date?
  public var updated: Date?
  public var authors: [String]
  public var categories: [String]
  public var summary: String?
  public var content: String?
  public var enclosures: [Enclosure]
  /// Number of comments (`slash:comments`, else `thr:total`).
  public var comments: Int?
  /// The language the entry declares (`xml:lang`, or the feed's), lower-cased; nil when unknown.
  public var language: String?

  public init(
    id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
    updated: Date? = nil, authors: [String] = [], categories: [String] = [], summary: String? = nil,
    content: String? = nil, enclosures: [Enclosure] = [], comments: Int? = nil, language: String? = nil
  ) {
    self.id = id
    self.title = title
    self.link = link
    self.published = published
    self.updated = updated
    self.authors = authors
    self.categories = categories
    self.summary = summary
    self.content = content
    self.enclosures = enclosures
    self.comments = comments
    self.language = language
  }

  /// A key that stays the same for this entry across fetches, even when the feed gives no id:
  /// the id (or link), else a digest of title and dates, else a digest of the summary.
  public var stableKey: String {
    if let id, !id.isEmpty { return id }
    var hasher = StableHasher()
    hasher.combine(title ?? "")
    hasher.combine(published.map { String(Int64($0.timeIntervalSince1970)) } ?? "")
    hasher.combine(updated.map { String(Int64($0.timeIntervalSince1970)) } ?? "")
    if title == nil { hasher.combine(summary ?? content ?? "") }
    return "lingkar:" + hasher.hexDigest
  }
}
