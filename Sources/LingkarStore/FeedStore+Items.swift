import Foundation
import LingkarModel

extension FeedStore {
  /// Inserts new entries and updates edited ones (content hash changed); unchanged ones cost one
  /// dictionary lookup. Returns how many were new and how many updated.
  func storeItems(_ entries: [Entry], feedID: Int, time: Date) throws(StoreError) -> (new: Int, updated: Int) {
    let existing = try connection.statement("SELECT key, content_hash, comments FROM items WHERE feed_id = ?")
    try existing.bind([.integer(feedID)])
    var known: [String: (hash: String, comments: Int?)] = [:]
    while try existing.step() {
      if let key = existing.text(0) { known[key] = (existing.text(1) ?? "", existing.integer(2)) }
    }
    var new = 0
    var updated = 0
    for entry in entries {
      let key = entry.stableKey
      let hash = Self.contentHash(entry)
      if let old = known[key] {
        let unchanged =
          old.hash == hash || (!old.hash.hasPrefix(ContentHasher.prefix) && old.hash == Self.legacyContentHash(entry))
        if !unchanged {
          try connection.statement(
            """
            UPDATE items SET entry_id = ?, changed = ?, published = ?, updated = ?, title = ?, link = ?,
              canonical_link = ?, summary = ?, content = ?, authors = ?, categories = ?, enclosures = ?,
              comments = ?, language = ?, content_hash = ?
            WHERE feed_id = ? AND key = ?
            """
          ).bind(
            [SQLValue(entry.id), SQLValue(time)] + Self.fields(entry, hash: hash) + [.integer(feedID), .text(key)]
          )
          .run()
          updated += 1
        } else if old.comments != entry.comments || old.hash != hash {
          // New comments are not an edit; a hash stored the old way is rewritten the new way.
          try connection.statement("UPDATE items SET comments = ?, content_hash = ? WHERE feed_id = ? AND key = ?")
            .bind([SQLValue(entry.comments), .text(hash), .integer(feedID), .text(key)]).run()
        }
      } else {
        try connection.statement(
          """
          INSERT INTO items (feed_id, key, entry_id, first_seen, changed, published, updated, title, link,
            canonical_link, summary, content, authors, categories, enclosures, comments, language, content_hash)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
        ).bind(
          [.integer(feedID), .text(key), SQLValue(entry.id), SQLValue(time), SQLValue(time)]
            + Self.fields(entry, hash: hash)
        ).run()
        new += 1
      }
      known[key] = (hash, entry.comments)
    }
    return (new, updated)
  }

  /// published … content_hash, in the column order both statements above use.
  private static func fields(_ entry: Entry, hash: String) -> [SQLValue] {
    [
      SQLValue(entry.published), SQLValue(entry.updated), SQLValue(entry.title), SQLValue(entry.link),
      SQLValue(entry.link.flatMap(CanonicalLink.of)), SQLValue(entry.summary), SQLValue(entry.content),
      .text(jsonArray(entry.authors)), .text(jsonArray(entry.categories)),
      .text(jsonArray(entry.enclosures.compactMap(\.url))), SQLValue(entry.comments), SQLValue(entry.language),
      .text(hash),
    ]
  }

  /// A digest of what a reader sees; the comment count is left out, so new comments are not an edit.
  static func contentHash(_ entry: Entry) -> String {
    var hasher = ContentHasher()
    combineContent(entry, into: &hasher)
    return hasher.digest
  }

  /// The digest stored before `ContentHasher` (FNV-1a, no prefix): an item stored with it and not
  /// edited since must not count as edited.
  static func legacyContentHash(_ entry: Entry) -> String {
    var hasher = StableHasher()
    combineContent(entry, into: &hasher)
    return hasher.hexDigest
  }

  /// What both digests cover, in this order.
  private static func combineContent(_ entry: Entry, into hasher: inout some ContentHashing) {
    hasher.combine(entry.title ?? "")
    hasher.combine(entry.link ?? "")
    hasher.combine(entry.summary ?? "")
    hasher.combine(entry.content ?? "")
    hasher.combine(entry.published.map { String($0.timeIntervalSince1970) } ?? "")
    hasher.combine(entry.updated.map { String($0.timeIntervalSince1970) } ?? "")
    for author in entry.authors { hasher.combine(author) }
    hasher.combine("|")
    for category in entry.categories { hasher.combine(category) }
    hasher.combine("|")
    for enclosure in entry.enclosures { hasher.combine(enclosure.url ?? "") }
  }

  private static func jsonArray(_ values: [String]) -> String {
    var writer = JSONWriter()
    writer.strings(values)
    return writer.output
  }
}
