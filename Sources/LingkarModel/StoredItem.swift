public import Foundation

/// An item as the store remembers it: the entry, its key, its feed, and when Lingkar first saw it.
public struct StoredItem: Sendable, Hashable {
  /// `Entry.stableKey`, unique within its feed.
  public var key: String
  /// The feed's address as written in `feeds.txt`.
  public var feed: String
  public var feedTitle: String?
  public var entry: Entry
  public var canonicalLink: String?
  public var firstSeen: Date

  public init(
    key: String, feed: String, feedTitle: String? = nil, entry: Entry, canonicalLink: String? = nil, firstSeen: Date
  ) {
    self.key = key
    self.feed = feed
    self.feedTitle = feedTitle
    self.entry = entry
    self.canonicalLink = canonicalLink
    self.firstSeen = firstSeen
  }

  /// When the item counts as new: its publication date, else (no date, or a date still in the
  /// future when Lingkar first saw it) when it was first seen.
  public var date: Date {
    guard let published = entry.published, published <= firstSeen else { return firstSeen }
    return published
  }
}
