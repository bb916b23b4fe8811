import Foundation
import LingkarModel
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
  /// The suggestions of a digest being rebuilt (`lingkar mail --date`): the recorded ones, kept
  /// as they were made rather than made again from today's meetings.
  var recordedSuggestions: [DigestRecord.Suggestion]?

  /// - Parameters:
  ///   - ranked: the period, ranked.
  ///   - previous: earlier digests, newest first.
  func digest(
    period: DigestPeriod, language: DigestLanguage, utcOffset: Int, ranked: RankedPeriod,
    feeds: [DigestFeed], previous: [DigestRecord]
  ) -> Digest {
    let ranking = ranked.ranking
    let digestItems = ranked.digestItems
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
    let chosen =
      recordedSuggestions.map { $0.map { (topicID: $0.topicID, carriedOver: $0.carriedOver) } }
      ?? MeetingHistory.suggestions(ranked: withItems.map(\.id), carried: carriedOver, count: suggestionCount)
    let picker = ReadingPicker(minimum: readingsPerSuggestion, maximum: readingsPerSuggestion)
    digest.suggestions = chosen.compactMap { choice in
      guard let topic = byID[choice.topicID] else { return nil }
      return TopicSuggestion(
        topicID: topic.id, readings: picker.pick(topic.items.compactMap { digest.item($0) }).map(\.key),
        prompts: Array(prompts(topic.id).prefix(3)), carriedOver: choice.carriedOver)
    }
    return digest
  }

  /// The record the store keeps of a digest: besides its period and topics, its suggestions as
  /// shown (with their labels in both languages), its clock and the files written.
  static func record(_ digest: Digest, files: [String]) -> DigestRecord {
    DigestRecord(
      date: digest.dateStamp, generated: digest.period.generated, from: digest.period.from, to: digest.period.to,
      language: digest.language.rawValue, itemCount: digest.itemCount, sourceCount: digest.sourceCount,
      topics: digest.topics.enumerated().map { index, topic in
        DigestRecord.Topic(id: topic.id, rank: index + 1, score: topic.score, itemKeys: topic.items)
      },
      utcOffset: digest.utcOffset,
      suggestions: digest.suggestions.map { suggestion in
        let label = digest.topic(suggestion.topicID)?.label
        return DigestRecord.Suggestion(
          topicID: suggestion.topicID, carriedOver: suggestion.carriedOver, labelID: label?.id ?? suggestion.topicID,
          labelEN: label?.en ?? suggestion.topicID)
      },
      files: files)
  }

  // MARK: - Pieces

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

  /// The topic's prompts (`MeetingPrompts`).
  func prompts(_ topicID: String) -> [BilingualText] {
    MeetingPrompts.prompts(for: topicID, in: topics)
  }
}
