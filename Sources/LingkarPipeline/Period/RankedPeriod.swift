public import Foundation
public import LingkarModel
import LingkarParse
public import LingkarRank
import LingkarStore

/// A period's stored items, ranked once: the one place the digest, the agenda and `lingkar topics`
/// get their ranking from, so they agree on which items a period holds, what the ranker says of
/// them and how an item is shown.
///
/// The items are those of `PeriodSpec.items` (for `last` after an earlier end: first seen since
/// then, within the look-back window); the history is the `historyDays` before the period's
/// start (by placement), without the period's own items (an item fetched late belongs to the
/// period, not to its history as well). The history teaches the ranker related terms; it is not
/// ranked.
public struct RankedPeriod {
  public let topics: TopicsFile
  public let start: Date
  public let end: Date
  /// The period's stored items, oldest placement first.
  public let items: [StoredItem]
  /// The same items as the ranker reads them.
  let rankItems: [RankItem]
  let history: [RankItem]
  public let ranking: Ranking
  /// The period's items and scores by item key (`ItemKey.of`).
  let stored: [String: StoredItem]
  let scored: [String: ScoredItem]

  /// Loads the period from the store and ranks it.
  /// - Parameters:
  ///   - previousEnd: where `last` starts: the end of the previous digest (or, for an agenda,
  ///     the previous meeting); nil when there is none.
  ///   - discussed: topics discussed at recent meetings, damped in the ranking.
  static func load(
    store: FeedStore, since: PeriodSpec, now: Date, previousEnd: Date?, lookbackDays: Int, historyDays: Int,
    topics: TopicsFile, discussed: [DiscussedTopic] = []
  ) throws(StoreError) -> RankedPeriod {
    let (start, items) = try since.items(in: store, now: now, previousDigest: previousEnd, lookbackDays: lookbackDays)
    let periodKeys = Set(items.map(ItemKey.of))
    let history = try store.items(since: start.addingTimeInterval(-Double(historyDays) * 86_400), until: start)
      .filter { !periodKeys.contains(ItemKey.of($0)) }
    return RankedPeriod(topics: topics, start: start, end: now, items: items, history: history, discussed: discussed)
  }

  /// Ranks the given items (tests and `load`).
  init(
    topics: TopicsFile, start: Date, end: Date, items: [StoredItem], history: [StoredItem], discussed: [DiscussedTopic]
  ) {
    self.topics = topics
    self.start = start
    self.end = end
    self.items = items
    let text = ItemText()
    rankItems = items.map { RankItem(stored: $0, text: text) }
    self.history = history.map { RankItem(stored: $0, text: text) }
    ranking = Ranker(topics: topics).rank(rankItems, history: self.history, discussed: discussed, now: end)
    stored = Dictionary(items.map { (ItemKey.of($0), $0) }, uniquingKeysWith: { first, _ in first })
    scored = Dictionary(ranking.items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The ranking of the same items with the book club's chapter as one more topic
  /// (`BookClubReadings.ranker`), kept apart so that the period's topics stay as they are.
  func chapterRanking(_ chapter: BookChapter) -> Ranking {
    BookClubReadings.ranker(topics, chapter: chapter).rank(rankItems, history: history, now: end)
  }

  /// Every ranked item as the renderers show it, in rank order.
  var digestItems: [DigestItem] {
    ranking.items.compactMap { scored in stored[scored.key].map { DigestItem(stored: $0, scored: scored) } }
  }

  /// A topic's best readings (`ReadingPicker`) from `ranking`: this period's, or the chapter's
  /// (`chapterRanking`), whose scores the items then carry.
  func readings(_ topicID: String, picker: ReadingPicker, in ranking: Ranking? = nil) -> [DigestItem] {
    let keys = (ranking ?? self.ranking).topics.first { $0.id == topicID }?.items ?? []
    let scores =
      ranking.map { Dictionary($0.items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }) } ?? scored
    return picker.pick(
      keys.compactMap { key in
        guard let item = stored[key], let scored = scores[key] else { return nil }
        return DigestItem(stored: item, scored: scored)
      })
  }
}

/// The digest's item key: stable across runs, unique across feeds.
public enum ItemKey {
  public static func of(_ item: StoredItem) -> String {
    var hasher = StableHasher()
    hasher.combine(item.feed)
    hasher.combine(item.key)
    return hasher.hexDigest
  }
}

extension RankItem {
  /// A stored item as the ranker reads it (`text` is shared by a batch: one HTML parser).
  init(stored item: StoredItem, text: ItemText) {
    self.init(entry: item.entry, key: ItemKey.of(item), source: item.feed, link: item.canonicalLink, text: text)
  }

  /// An entry as the ranker reads it; `link` is its canonical link when known.
  init(entry: Entry, key: String, source: String, link: String?, text itemText: ItemText) {
    self.init(
      key: key, source: source, title: entry.title ?? "",
      text: itemText.plain(summary: entry.summary, content: entry.content),
      link: link ?? entry.link.flatMap(CanonicalLink.of), published: entry.published ?? entry.updated,
      comments: entry.comments ?? 0, declaredLanguage: entry.language)
  }
}

extension DigestItem {
  /// Characters of an item's text kept as its summary (renderers shorten it further).
  static let summaryLimit = 1000

  /// A stored item as every page shows it (digest, agenda, book club), with what the ranker says
  /// of it. The one rule for each field: the published date only when it was not in the future
  /// when Lingkar first saw it (a future date is a feed's mistake; `updated` is when it was edited,
  /// not written); the summary as plain text (`summary(_:)`); only non-empty author names.
  init(stored: StoredItem, scored: ScoredItem) {
    let entry = stored.entry
    let authors = entry.authors.filter { !$0.isEmpty }
    let summary = Self.summary(entry)
    self.init(
      key: scored.key, entryID: entry.id, feedURL: stored.feed, feedTitle: stored.feedTitle, title: entry.title,
      link: entry.link, author: authors.isEmpty ? nil : authors.joined(separator: ", "),
      published: entry.published.flatMap { $0 <= stored.firstSeen ? $0 : nil }, language: scored.language.rawValue,
      summary: summary, comments: entry.comments,
      topics: Self.readable(scored.topics, title: entry.title, summary: summary),
      duplicates: scored.duplicates)
  }

  /// The matches with their evidence as people read it (`EvidenceWords`): the words of the title
  /// and summary that matched, as written there, never a stem or a mark. Scores are untouched.
  static func readable(_ matches: [ItemTopicMatch], title: String?, summary: String) -> [ItemTopicMatch] {
    guard matches.contains(where: { !$0.matched.isEmpty }) else { return matches }
    let text = (title ?? "") + "\n" + summary
    return matches.map { match in
      var readable = match
      readable.matched = evidenceWords.surface(match.matched, in: text)
      return readable
    }
  }

  private static let evidenceWords = EvidenceWords()

  /// Plain text: the feed's summary, else its content without the markup; at most `summaryLimit`
  /// characters, cut at a space.
  static func summary(_ entry: Entry, limit: Int = summaryLimit) -> String {
    // The parser's summaries are plain text, already folded; only the start is kept, so only the
    // start is looked at.
    var text = String((entry.summary ?? "").prefix(limit * 2))
    if text.allSatisfy(\.isWhitespace), let content = entry.content {
      text = HTMLText().text(of: content, byteLimit: limit * 4) ?? ""
    }
    text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard text.count > limit else { return text }
    let cut = text.prefix(limit)
    return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
  }
}
