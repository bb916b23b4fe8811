import Foundation
public import LingkarModel
public import LingkarRank
import LingkarStore

/// `lingkar topics`: reads a period's items from the store and ranks their topics.
public struct TopicRun {
  public var options: TopicRunOptions

  public init(options: TopicRunOptions) {
    self.options = options
  }

  public func run() throws(LingkarFailure) -> TopicReport {
    let topics = try Self.loadTopics(path: options.topicsPath)
    let start: Date
    let stored: [StoredItem]
    let history: [StoredItem]
    do {
      let store = try FeedStore(path: options.databasePath)
      // `last`: since the end of the previous digest (today's, which a rerun would replace, left out).
      let today = String(Timestamp.iso8601(options.now.addingTimeInterval(TimeInterval(options.utcOffset))).prefix(10))
      let previous = try store.digests(excluding: today, endingBy: options.now, limit: 1).first
      (start, stored) = try options.since.items(
        in: store, now: options.now, previousDigest: previous?.to, lookbackDays: options.lookbackDays)
      let periodKeys = Set(stored.map(Self.itemKey))
      let historyStart = start.addingTimeInterval(-Double(options.historyDays) * 86_400)
      history = try store.items(since: historyStart, until: start).filter { !periodKeys.contains(Self.itemKey($0)) }
    } catch {
      throw LingkarFailure("cannot read \(options.databasePath): \(error)", cause: error)
    }
    let items = Self.rankItems(stored)
    let ranking = Ranker(topics: topics).rank(
      items, history: Self.rankItems(history), discussed: options.discussed, now: options.now)
    return TopicReport(
      from: start, to: options.now, topics: topics, ranking: ranking,
      items: Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
      entryIDs: Dictionary(stored.map { (Self.itemKey($0), $0.entry.id ?? "") }, uniquingKeysWith: { first, _ in first }))
  }

  /// The topics file at `path`, or the built-in default when there is none.
  public static func loadTopics(path: String) throws(LingkarFailure) -> TopicsFile {
    // Opened without blocking and judged as a regular file first: a FIFO would wait for ever.
    let read: Data?
    do {
      read = try RegularFile.read(path)
    } catch {
      if case .notRegular = error { throw LingkarFailure(error.description, cause: error) }
      throw LingkarFailure("cannot read \(path)", cause: error)
    }
    guard let data = read else { return .builtIn }
    let name = (path as NSString).lastPathComponent
    let (file, errors) = TopicsFile.parseCollectingErrors(String(decoding: data, as: UTF8.self), file: name)
    if !errors.isEmpty { throw LingkarFailure(errors.map(\.description).joined(separator: "\n"), cause: errors[0]) }
    return file
  }

  /// The digest's item key: stable across runs, unique across feeds.
  public static func itemKey(_ item: StoredItem) -> String {
    var hasher = StableHasher()
    hasher.combine(item.feed)
    hasher.combine(item.key)
    return hasher.hexDigest
  }

  /// Stored items as the ranker reads them (one HTML parser for the batch).
  public static func rankItems(_ items: [StoredItem]) -> [RankItem] {
    let text = ItemText()
    return items.map { rankItem(entry: $0.entry, key: itemKey($0), source: $0.feed, link: $0.canonicalLink, text: text) }
  }

  static func rankItem(entry: Entry, key: String, source: String, link: String?, text itemText: ItemText) -> RankItem {
    RankItem(
      key: key, source: source, title: entry.title ?? "",
      text: itemText.plain(summary: entry.summary, content: entry.content),
      link: link ?? entry.link.flatMap(CanonicalLink.of), published: entry.published ?? entry.updated,
      comments: entry.comments ?? 0, declaredLanguage: entry.language)
  }
}
