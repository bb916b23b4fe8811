import Foundation
import LingkarModel

/// Ranks a period's topics from scored items: relevance of their stories, a cap per source (one
/// prolific account cannot carry a topic), breadth of sources, recency, comments, and novelty (topics
/// discussed at recent meetings are damped). Everything is ordered with explicit tie-breaks, so the
/// same input always gives the same output.
struct TopicRanker {
  let topics: [Topic]
  let threshold: Double
  let options: PeriodOptions

  func rank(
    items: [RankItem], scored: [ScoredItem], groups: [Int], discussed: [DiscussedTopic], now: Date
  ) -> Ranking {
    var members: [Int: [Int]] = [:]
    for (index, group) in groups.enumerated() { members[group, default: []].append(index) }

    // Per story, computed once: its newest date and its comments.
    var newestOf: [Int: Date] = [:]
    var commentsOf: [Int: Int] = [:]
    for (index, group) in groups.enumerated() {
      if let published = items[index].published, newestOf[group].map({ published > $0 }) ?? true { newestOf[group] = published }
      commentsOf[group, default: 0] += max(0, items[index].comments)
    }
    // Per topic, the items that fit it, with their score.
    let topicNumbers = Dictionary(topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var fitting = [[(item: Int, score: Double)]](repeating: [], count: topics.count)
    for (index, item) in scored.enumerated() {
      var seen = Set<Int>()
      for match in item.topics {
        if let number = topicNumbers[match.topicID], seen.insert(number).inserted { fitting[number].append((index, match.score)) }
      }
    }

    var ranked: [(topic: RankedTopic, order: Int, values: [Int: Double])] = []
    for (order, topic) in topics.enumerated() {
      // The best-scoring item of each story that fits this topic represents the story.
      var representatives: [Int: (item: Int, score: Double)] = [:]
      for (index, score) in fitting[order] {
        let group = groups[index]
        if let current = representatives[group],
          current.score > score || (current.score == score && items[current.item].key < items[index].key)
        {
          continue
        }
        representatives[group] = (index, score)
      }
      guard !representatives.isEmpty else { continue }

      var perSource: [String: Double] = [:]
      var sources = Set<String>()
      var relevance = 0.0
      var recencySum = 0.0
      var engagementSum = 0.0
      var values: [Int: Double] = [:]
      for group in representatives.keys.sorted() {
        guard let (index, score) = representatives[group] else { continue }
        let story = members[group] ?? [index]
        let storyRelevance = score / (score + threshold)
        let newest = newestOf[group]
        let age = newest.map { max(0, now.timeIntervalSince($0) / 86_400) } ?? options.recencyHalfLifeDays
        let recency = pow(0.5, age / options.recencyHalfLifeDays)
        let comments = commentsOf[group] ?? 0
        let engagement = 1 + options.engagementWeight * log(1 + Double(comments))
        let value = storyRelevance * recency * engagement
        relevance += storyRelevance
        recencySum += recency
        engagementSum += engagement
        perSource[items[index].source, default: 0] += value
        for member in story { sources.insert(items[member].source) }
        values[index] = value
      }
      var capped = 0.0
      var atCap = 0
      for source in perSource.keys.sorted() {
        let value = perSource[source] ?? 0
        if value >= options.perSourceCap { atCap += 1 }
        capped += min(value, options.perSourceCap)
      }
      let spread = 1 + options.spreadWeight * log(Double(max(1, sources.count)))
      let novelty = noveltyFactor(topic.id, discussed: discussed, now: now)
      let stories = Double(representatives.count)
      let breakdown = TopicScoreBreakdown(
        relevance: rounded(relevance), capped: rounded(capped), sources: sources.count, sourcesAtCap: atCap,
        recency: rounded(recencySum / stories), engagement: rounded(engagementSum / stories),
        spread: rounded(spread), novelty: rounded(novelty))
      let keys = values.sorted { $0.value != $1.value ? $0.value > $1.value : items[$0.key].key < items[$1.key].key }
        .map { items[$0.key].key }
      let result = RankedTopic(
        id: topic.id, labelID: topic.labelID, labelEN: topic.labelEN, score: rounded(capped * spread * novelty),
        breakdown: breakdown, items: keys)
      ranked.append((result, order, values))
    }
    ranked.sort { $0.topic.score != $1.topic.score ? $0.topic.score > $1.topic.score : $0.order < $1.order }

    // Items: by the rank of their first topic, then by their value in it; items without a topic last.
    let topicRank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.topic.id, $0) })
    let valueIn = Dictionary(uniqueKeysWithValues: ranked.map { ($0.topic.id, $0.values) })
    let keys = scored.indices.map { sortKey(scored[$0], items[$0], index: $0, topicRank: topicRank, valueIn: valueIn) }
    let order = scored.indices.sorted { first, second in
      let (a, b) = (keys[first], keys[second])
      if a.rank != b.rank { return a.rank < b.rank }
      if a.value != b.value { return a.value > b.value }
      if a.time != b.time { return a.time > b.time }
      return items[first].key < items[second].key
    }
    return Ranking(topics: ranked.map(\.topic), items: order.map { scored[$0] })
  }

  private func sortKey(
    _ scored: ScoredItem, _ item: RankItem, index: Int, topicRank: [String: Int], valueIn: [String: [Int: Double]]
  ) -> (rank: Int, value: Double, time: Double) {
    let time = item.published?.timeIntervalSince1970 ?? 0
    guard let first = scored.topics.first, let rank = topicRank[first.topicID] else { return (Int.max, 0, time) }
    return (rank, valueIn[first.topicID]?[index] ?? 0, time)
  }

  func noveltyFactor(_ topicID: String, discussed: [DiscussedTopic], now: Date) -> Double {
    var factor = 1.0
    for entry in discussed where entry.topicID == topicID {
      let days = max(0, now.timeIntervalSince(entry.date) / 86_400)
      let damping = options.noveltyDamping * max(0, 1 - days / options.noveltyWindowDays)
      factor = min(factor, 1 - damping)
    }
    return factor
  }

  private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
