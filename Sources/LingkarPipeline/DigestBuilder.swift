import Foundation
import LingkarModel
import LingkarParse
import LingkarRank
import LingkarStore

/// Turns a ranked period into a `Digest`: the ranker's topics and items, the stored entries behind
/// them, the feeds' health, the earlier digests (for the chart and each topic's trend), and the
/// discussion prompts of the topics file. Pure: the same input gives the same digest.
struct DigestBuilder {
  var topics: TopicsFile
  var suggestionCount = 3
  var readingsPerSuggestion = 3
  /// Topics suggested before the last meeting but not picked there (`MeetingHistory.carriedOver`).
  var carriedOver: [String] = []
  /// When meetings last discussed each topic (shown with the damping: "discussed 2 weeks ago").
  var lastDiscussed: [String: Date] = [:]
  /// Characters of an item's text kept as its summary (renderers shorten it further).
  var summaryLimit = 1000

  /// - Parameters:
  ///   - items: the period's stored items (any order).
  ///   - ranking: the ranker's answer for exactly those items, keyed by `TopicRun.itemKey`.
  ///   - previous: earlier digests, newest first.
  func digest(
    period: DigestPeriod, language: DigestLanguage, utcOffset: Int, items: [StoredItem], ranking: Ranking,
    feeds: [DigestFeed], previous: [DigestRecord]
  ) -> Digest {
    let stored = Dictionary(items.map { (TopicRun.itemKey($0), $0) }, uniquingKeysWith: { first, _ in first })
    let digestItems = ranking.items.compactMap { scored in stored[scored.key].map { self.item($0, scored) } }
    let digestTopics = ranking.topics.map { ranked in
      var topic = Self.topic(ranked)
      topic.lastDiscussed = lastDiscussed[ranked.id]
      return topic
    }
    var digest = Digest(
      period: period, language: language, utcOffset: utcOffset, topics: digestTopics,
      other: Self.other(ranking.items), items: digestItems, feeds: feeds,
      volume: Self.volume(digestTopics, periodEnd: period.to, previous: previous))
    let withItems = digestTopics.filter { !$0.items.isEmpty }
    let byID = Dictionary(withItems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let chosen = MeetingHistory.suggestions(ranked: withItems.map(\.id), carried: carriedOver, count: suggestionCount)
    digest.suggestions = chosen.compactMap { choice in
      guard let topic = byID[choice.topicID] else { return nil }
      return TopicSuggestion(
        topicID: topic.id, readings: readings(topic, in: digest).map(\.key), prompts: Array(prompts(topic.id).prefix(3)),
        carriedOver: choice.carriedOver)
    }
    return digest
  }

  /// The record the store keeps of a digest.
  static func record(_ digest: Digest) -> DigestRecord {
    DigestRecord(
      date: digest.dateStamp, generated: digest.period.generated, from: digest.period.from, to: digest.period.to,
      language: digest.language.rawValue, itemCount: digest.itemCount, sourceCount: digest.sourceCount,
      topics: digest.topics.enumerated().map { index, topic in
        DigestRecord.Topic(id: topic.id, rank: index + 1, score: topic.score, itemKeys: topic.items)
      })
  }

  // MARK: - Pieces

  func item(_ stored: StoredItem, _ scored: ScoredItem) -> DigestItem {
    let entry = stored.entry
    let authors = entry.authors.filter { !$0.isEmpty }
    return DigestItem(
      key: scored.key, entryID: entry.id, feedURL: stored.feed, feedTitle: stored.feedTitle, title: entry.title,
      link: entry.link, author: authors.isEmpty ? nil : authors.joined(separator: ", "),
      published: entry.published.flatMap { $0 <= stored.firstSeen ? $0 : nil }, language: scored.language.rawValue,
      summary: summary(entry), comments: entry.comments,
      topics: scored.topics,
      duplicates: scored.duplicates)
  }

  /// Plain text: the feed's summary, else its content without the markup; at most `summaryLimit`
  /// characters, cut at a space.
  func summary(_ entry: Entry) -> String {
    // The parser's summaries are plain text, already folded; only the start is kept, so only the
    // start is looked at.
    var text = String((entry.summary ?? "").prefix(summaryLimit * 2))
    if text.allSatisfy(\.isWhitespace), let content = entry.content {
      text = HTMLText().text(of: content, byteLimit: summaryLimit * 4) ?? ""
    }
    text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard text.count > summaryLimit else { return text }
    let cut = text.prefix(summaryLimit)
    return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
  }

  static func topic(_ ranked: RankedTopic) -> DigestTopic {
    DigestTopic(
      id: ranked.id, label: BilingualText(id: ranked.labelID, en: ranked.labelEN), score: ranked.score,
      breakdown: ranked.breakdown, items: ranked.items)
  }

  /// Items with no topic, one per story, in rank order; a story already shown under a topic (one
  /// of its copies has a topic) is left out.
  static func other(_ items: [ScoredItem]) -> [String] {
    let withTopic = Set(items.filter { !$0.topics.isEmpty }.map(\.key))
    var listed = Set<String>()
    var keys: [String] = []
    for item in items where item.topics.isEmpty {
      if item.duplicates.contains(where: { withTopic.contains($0) || listed.contains($0) }) { continue }
      listed.insert(item.key)
      keys.append(item.key)
    }
    return keys
  }

  /// Each topic's story count in the earlier digests (oldest first) and in this one.
  static func volume(_ topics: [DigestTopic], periodEnd: Date, previous: [DigestRecord]) -> VolumeHistory {
    let earlier = previous.reversed()
    return VolumeHistory(
      periodEnds: earlier.map(\.to) + [periodEnd],
      series: topics.map { topic in
        VolumeHistory.Series(
          topicID: topic.id,
          counts: earlier.map { $0.topics.first { $0.id == topic.id }?.itemKeys.count ?? 0 } + [topic.items.count])
      })
  }

  /// The best readings of a topic: its best item first, then, slot by slot, the best-ranked item
  /// that brings a source or a language (Indonesian, English) not yet on the list; only items
  /// fit to recommend (`ReadingEligibility`).
  func readings(_ topic: DigestTopic, in digest: Digest) -> [DigestItem] {
    var candidates = topic.items.compactMap { digest.item($0) }.filter {
      ReadingEligibility.isEligible(title: $0.title, link: $0.link)
    }
    var picked: [DigestItem] = []
    var sources = Set<String>()
    var languages = Set<String>()
    while picked.count < readingsPerSuggestion, !candidates.isEmpty {
      var best = 0
      var bestGain = -1
      for (index, item) in candidates.enumerated() {
        let gain = (sources.contains(item.feedURL) ? 0 : 2) + (languages.contains(Self.language(item)) ? 0 : 2)
        if gain > bestGain {
          (best, bestGain) = (index, gain)
          if gain == 4 { break }
        }
      }
      let item = candidates.remove(at: best)
      picked.append(item)
      sources.insert(item.feedURL)
      languages.insert(Self.language(item))
    }
    return picked
  }

  /// `en`, or `id` for Indonesian and for Indonesian–English code-switching.
  private static func language(_ item: DigestItem) -> String { item.language == "en" ? "en" : "id" }

  /// The topic's prompts from the topics file; for a topic of the default taxonomy written without
  /// prompts, the built-in ones.
  func prompts(_ topicID: String) -> [BilingualText] {
    if let own = topics.topics.first(where: { $0.id == topicID })?.prompts, !own.isEmpty { return own }
    return TopicsFile.builtIn.topics.first { $0.id == topicID }?.prompts ?? []
  }
}
