public import Foundation
import LingkarModel

extension FeedStore {
  /// How much a feed has brought: for `lingkar feeds list` and `lingkar feeds check`.
  public struct FeedActivity: Sendable, Hashable {
    /// Items held.
    public var items: Int
    /// The newest item's date (published, else when Lingkar first saw it); nil without items.
    public var newestItem: Date?

    public init(items: Int = 0, newestItem: Date? = nil) {
      self.items = items
      self.newestItem = newestItem
    }
  }

  /// Items held and the newest item, per feed (by its address as written in `feeds.txt`).
  public func feedActivity() throws(StoreError) -> [String: FeedActivity] {
    let statement = try connection.statement(
      """
      SELECT feeds.url, count(items.id), max(coalesce(items.published, items.first_seen))
      FROM feeds LEFT JOIN items ON items.feed_id = feeds.id GROUP BY feeds.id
      """)
    var activity: [String: FeedActivity] = [:]
    while try statement.step() {
      guard let url = statement.text(0) else { continue }
      activity[url] = FeedActivity(
        items: statement.integer(1) ?? 0, newestItem: statement.date(2))
    }
    return activity
  }

  /// Moves what is remembered about a feed to a new address as written, when `feeds.txt` changes
  /// it (a moved feed fixed by `lingkar feeds check --fix`), so its items are not seen as new.
  /// Does nothing when the old address is unknown or the new one is already remembered.
  public func renameFeed(_ written: String, to newWritten: String, resolvedURL: String) throws(StoreError) {
    try connection.statement(
      """
      UPDATE feeds SET url = ?, resolved_url = ?, moved_to = NULL, status = CASE WHEN status = 'moved' THEN 'ok' ELSE status END
      WHERE url = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)
      """
    ).bind([.text(newWritten), .text(resolvedURL), .text(written), .text(newWritten)]).run()
  }
}
