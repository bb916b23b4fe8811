import Foundation
public import LingkarModel

extension FeedStore {
  /// The newest `limit` items of each feed named (by its address as written), newest placement
  /// first: what "our teachers" shows under each teacher's blog or account.
  public func latestItems(feeds: [String], limit: Int) throws(StoreError) -> [String: [StoredItem]] {
    let statement = try connection.statement(
      """
      SELECT \(Self.itemColumns)
      FROM items JOIN feeds ON feeds.id = items.feed_id
      WHERE feeds.url = ?
      ORDER BY \(Self.placement) DESC, items.key
      LIMIT ?
      """)
    var result: [String: [StoredItem]] = [:]
    for feed in feeds where result[feed] == nil {
      statement.reset()
      try statement.bind([.text(feed), .integer(max(0, limit))])
      result[feed] = try storedItems(statement)
    }
    return result
  }
}
