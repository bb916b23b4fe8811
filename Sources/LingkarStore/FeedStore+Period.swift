public import Foundation
public import LingkarModel

extension FeedStore {
  /// Items of a period: published (or, without a date, first seen) at or after `since` and before
  /// `until`, oldest first; ties by feed and key, so the order is stable.
  public func items(since: Date, until: Date? = nil) throws(StoreError) -> [StoredItem] {
    let statement = try connection.statement(
      """
      SELECT items.key, feeds.url, feeds.title, items.entry_id, items.title, items.link, items.canonical_link,
             items.published, items.updated, items.summary, items.content, items.comments, items.language,
             items.first_seen
      FROM items JOIN feeds ON feeds.id = items.feed_id
      WHERE coalesce(items.published, items.first_seen) >= ? AND coalesce(items.published, items.first_seen) < ?
      ORDER BY coalesce(items.published, items.first_seen), feeds.url, items.key
      """)
    try statement.bind([.real(since.timeIntervalSince1970), .real((until ?? .distantFuture).timeIntervalSince1970)])
    var items: [StoredItem] = []
    while try statement.step() {
      let entry = Entry(
        id: statement.text(3), title: statement.text(4), link: statement.text(5),
        published: statement.real(7).map(Date.init(timeIntervalSince1970:)),
        updated: statement.real(8).map(Date.init(timeIntervalSince1970:)), summary: statement.text(9),
        content: statement.text(10), comments: statement.integer(11), language: statement.text(12))
      items.append(
        StoredItem(
          key: statement.text(0) ?? "", feed: statement.text(1) ?? "", feedTitle: statement.text(2), entry: entry,
          canonicalLink: statement.text(6),
          firstSeen: Date(timeIntervalSince1970: statement.real(13) ?? 0)))
    }
    return items
  }
}
