public import Foundation
public import LingkarModel

extension FeedStore {
  /// Where an item is placed in time, in SQL: its published date, else (no date, or a date that was
  /// still in the future when Lingkar first saw it) when it was first seen. `StoredItem.date` is the
  /// same rule in Swift.
  static let placement = """
    (CASE WHEN items.published IS NULL OR items.published > items.first_seen
      THEN items.first_seen ELSE items.published END)
    """

  /// Items of a period: placed (see `placement`) at or after `since` and before `until`, oldest
  /// first; ties by feed and key, so the order is stable.
  public func items(since: Date, until: Date? = nil) throws(StoreError) -> [StoredItem] {
    let statement = try connection.statement(
      """
      SELECT \(Self.itemColumns)
      FROM items JOIN feeds ON feeds.id = items.feed_id
      WHERE \(Self.placement) >= ? AND \(Self.placement) < ?
      ORDER BY \(Self.placement), feeds.url, items.key
      """)
    try statement.bind([.real(since.timeIntervalSince1970), .real((until ?? .distantFuture).timeIntervalSince1970)])
    return try storedItems(statement)
  }

  /// Items Lingkar first saw after `seenAfter` and at or before `seenBy`, leaving out those placed
  /// (see `placement`) before `placedSince`; oldest placement first, ties by feed and key.
  ///
  /// This is the period of a `--since last` digest: every item enters the first digest written
  /// after Lingkar first saw it, whatever its published date (a new feed, a feed that was failing,
  /// a slow feed), so no post is lost to a period already written; `placedSince` keeps a new feed's
  /// years of backlog out.
  public func items(firstSeenAfter seenAfter: Date, through seenBy: Date, placedSince: Date) throws(StoreError)
    -> [StoredItem]
  {
    let statement = try connection.statement(
      """
      SELECT \(Self.itemColumns)
      FROM items JOIN feeds ON feeds.id = items.feed_id
      WHERE items.first_seen > ? AND items.first_seen <= ? AND \(Self.placement) >= ?
      ORDER BY \(Self.placement), feeds.url, items.key
      """)
    try statement.bind([
      .real(seenAfter.timeIntervalSince1970), .real(seenBy.timeIntervalSince1970),
      .real(placedSince.timeIntervalSince1970),
    ])
    return try storedItems(statement)
  }

  /// The columns `storedItems` reads, in its order.
  static let itemColumns = """
    items.key, feeds.url, feeds.title, items.entry_id, items.title, items.link, items.canonical_link,
    items.published, items.updated, items.summary, items.content, items.comments, items.language,
    items.first_seen, items.authors
    """

  func storedItems(_ statement: Statement) throws(StoreError) -> [StoredItem] {
    var items: [StoredItem] = []
    while try statement.step() {
      let entry = Entry(
        id: statement.text(3), title: statement.text(4), link: statement.text(5),
        published: statement.date(7),
        updated: statement.date(8),
        authors: Self.strings(json: statement.text(14)), summary: statement.text(9), content: statement.text(10),
        comments: statement.integer(11).map { Self.count($0) }, language: statement.text(12))
      items.append(
        StoredItem(
          key: statement.text(0) ?? "", feed: statement.text(1) ?? "", feedTitle: statement.text(2), entry: entry,
          canonicalLink: statement.text(6),
          firstSeen: (statement.date(13) ?? Date(timeIntervalSince1970: 0))))
    }
    return items
  }

  /// The newest placement of any item, per feed (by its address as written): when each feed last
  /// said something, for "silent for more than 60 days".
  public func lastItemDates() throws(StoreError) -> [String: Date] {
    let statement = try connection.statement(
      "SELECT feeds.url, max(\(Self.placement)) FROM items JOIN feeds ON feeds.id = items.feed_id GROUP BY feeds.id")
    var dates: [String: Date] = [:]
    while try statement.step() {
      if let url = statement.text(0), let time = statement.date(1) { dates[url] = time }
    }
    return dates
  }

  /// A JSON array of strings as the store writes it (`[]` in most rows, so that case costs nothing).
  static func strings(json: String?) -> [String] {
    guard let json, json != "[]", let data = json.data(using: .utf8) else { return [] }
    return ((try? JSONSerialization.jsonObject(with: data)) as? [String]) ?? []
  }
}
