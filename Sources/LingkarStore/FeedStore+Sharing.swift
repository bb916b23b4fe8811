internal import CSQLite
public import Foundation
public import LingkarModel

extension FeedStore {
  /// The address of the one feed that is not in `feeds.txt`: the articles teachers shared. Its items
  /// are stored, placed in time and ranked like any feed's; only who shared them is kept apart
  /// (`shares`). Not a URL any feed can have, so no line of `feeds.txt` can clash with it.
  public static let sharedFeedURL = "lingkar:shared"

  /// What `recordShare` did.
  public struct ShareRecord: Sendable, Hashable {
    /// True when nobody had shared the article before (a new item).
    public var isNewArticle: Bool
    /// True when this person had already shared it (their note is updated, nothing else).
    public var alreadySharedByThem: Bool
    /// Everyone who shared it, first share first.
    public var shares: [ArticleShare]
  }

  /// Records that `share.name` shared the article `entry` (its id is the article's canonical link,
  /// which makes every share of one article one item). The first share makes the item, first seen
  /// at that moment, so the next digest holds it; a later share by someone else adds them and moves
  /// the item's first sighting to then (the next digest lists it again, with both names); a second
  /// share by the same person (any spelling of their name) keeps their first time and takes a new
  /// note when one is given. One transaction.
  public func recordShare(_ entry: Entry, share: ArticleShare) throws(StoreError) -> ShareRecord {
    try connection.transaction { () throws(StoreError) -> ShareRecord in
      let feed = try connection.statement(
        """
        INSERT INTO feeds (url, resolved_url, host, status) VALUES (?, ?, '', 'ok')
        ON CONFLICT (url) DO UPDATE SET url = excluded.url
        RETURNING id
        """)
      try feed.bind([.text(Self.sharedFeedURL), .text(Self.sharedFeedURL)])
      guard try feed.step(), let feedID = feed.integer(0) else {
        throw .sqlite(code: SQLITE_ERROR, message: "the shared articles' feed row was not created")
      }
      feed.reset()
      let key = entry.stableKey
      let exists = try connection.statement("SELECT 1 FROM items WHERE feed_id = ? AND key = ?")
      try exists.bind([.integer(feedID), .text(key)])
      let isNew = try !exists.step()
      exists.reset()
      if isNew { _ = try storeItems([entry], feedID: feedID, time: share.time) }
      let person = ArticleShare.personKey(share.name)
      let before = try connection.statement("SELECT 1 FROM shares WHERE item_key = ? AND sharer_key = ?")
      try before.bind([.text(key), .text(person)])
      let already = try before.step()
      before.reset()
      if already {
        if let note = share.note {
          try connection.statement("UPDATE shares SET note = ? WHERE item_key = ? AND sharer_key = ?")
            .bind([.text(note), .text(key), .text(person)]).run()
        }
      } else {
        try connection.statement(
          "INSERT INTO shares (item_key, sharer, sharer_key, note, shared) VALUES (?, ?, ?, ?, ?)"
        ).bind([.text(key), .text(share.name), .text(person), SQLValue(share.note), SQLValue(share.time)]).run()
        // Someone new shared it: it is news again, so the next digest lists it (with every sharer)
        // even when an earlier digest already did.
        if !isNew {
          try connection.statement("UPDATE items SET first_seen = max(first_seen, ?) WHERE feed_id = ? AND key = ?")
            .bind([SQLValue(share.time), .integer(feedID), .text(key)]).run()
        }
      }
      return ShareRecord(
        isNewArticle: isNew, alreadySharedByThem: already, shares: try shares(itemKeys: [key])[key] ?? [])
    }
  }

  /// Who shared each shared article, by the item's key (`StoredItem.key` of the shared feed's
  /// items), first share first; every shared article when `itemKeys` is nil.
  public func shares(itemKeys: Set<String>? = nil) throws(StoreError) -> [String: [ArticleShare]] {
    let statement = try connection.statement(
      "SELECT item_key, sharer, note, shared FROM shares ORDER BY shared, sharer_key")
    var result: [String: [ArticleShare]] = [:]
    while try statement.step() {
      guard let key = statement.text(0), itemKeys?.contains(key) ?? true else { continue }
      result[key, default: []].append(
        ArticleShare(
          name: statement.text(1) ?? "", note: statement.text(2),
          time: statement.date(3) ?? Date(timeIntervalSince1970: 0)))
    }
    return result
  }

  /// The shared articles first shared at or after `since` (every one when nil), newest first.
  public func sharedItems(since: Date? = nil) throws(StoreError) -> [StoredItem] {
    let start = since ?? Date(timeIntervalSince1970: 0)
    return try items(
      firstSeenAfter: start.addingTimeInterval(-0.001), through: .distantFuture, placedSince: .distantPast
    )
    .filter { $0.feed == Self.sharedFeedURL }
    .sorted { ($0.firstSeen, $0.key) > ($1.firstSeen, $1.key) }
  }
}
