public import Foundation

/// A parsed feed in the normalized form: one shape for RSS, Atom and JSON Feed.
public struct FeedDocument: Sendable, Hashable {
  public var format: FeedFormat?
  public var title: String?
  /// The feed's alternate (web page) link.
  public var link: String?
  public var description: String?
  /// Lower-cased language tag with `-` separators (`id`, `en-us`).
  public var language: String?
  public var updated: Date?
  public var entries: [Entry]

  public init(
    format: FeedFormat? = nil, title: String? = nil, link: String? = nil, description: String? = nil,
    language: String? = nil, updated: Date? = nil, entries: [Entry] = []
  ) {
    self.format = format
    self.title = title
    self.link = link
    self.description = description
    self.language = language
    self.updated = updated
    self.entries = entries
  }
}
