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
    items: [RankItem], scored: [ScoredItem], groups: [Int], sources: SourceNumbers, discussed: [DiscussedTopic],
    now: Date
  ) -> Ranking {
    // Groups are numbered by item (a story's number is one of its items), so plain arrays hold
    // what is known per story.
    let count = items.count
    // Keys read once (not through copies of whole items in the loops and comparisons).
    let itemKeys = items.map(\.key)
    var storySize = [Int](repeating: 0, count: count)
    for group in groups { storySize[group] += 1 }
    var members = [[Int]](repeating: [], count: count)
    for (index, group) in groups.enumerated() where storySize[group] > 1 { members[group].append(index) }

    // Per story, computed once: its newest date and its comments.
    var newestOf = [Date?](repeating: nil, count: count)
    var commentsOf = [Int](repeating: 0, count: count)
    items.withUnsafeBufferPointer { items in
      for (index, group) in groups.enumerated() {
        if let published = items[index].published, newestOf[group].map({ published > $0 }) ?? true {
          newestOf[group] = published
        }
        commentsOf[group] += max(0, items[index].comments)
      }
    }
    let sourceOf = sources.ofItem
    // Per topic, the items that fit it, with their score.
    let topicNumbers = Dictionary(topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var fitting = [[(item: Int, score: Double)]](repeating: [], count: topics.count)
    var firstTopic = [Int](repeating: -1, count: count)
    for (index, item) in scored.enumerated() {
      var seen: [Int] = []
      for match in item.topics {
        guard let number = topicNumbers[match.topicID], !seen.contains(number) else { continue }
        seen.append(number)
        fitting[number].append((index, match.score))
      }
      firstTopic[index] = seen.first ?? -1
    }

    // Per topic, scratch arrays reset after use: the representative of each story, and the value
    // and stamp of each source.
    var representative = [Int](repeating: -1, count: count)
    var representativeScore = [Double](repeating: 0, count: count)
    var perSource = [Double](repeating: 0, count: sources.names.count)
    var valuedIn = [Int](repeating: -1, count: sources.names.count)
    var countedIn = [Int](repeating: -1, count: sources.names.count)
    // The value of each item in its first topic (for the order of items).
    var valueInFirstTopic = [Double](repeating: 0, count: count)
    var ranked: [(topic: RankedTopic, order: Int)] = []
    for (order, topic) in topics.enumerated() {
      // The best-scoring item of each story that fits this topic represents the story.
      var stories: [Int] = []
      for (index, score) in fitting[order] {
        let group = groups[index]
        let current = representative[group]
        if current < 0 {
          stories.append(group)
        } else if representativeScore[group] > score
          || (representativeScore[group] == score && itemKeys[current] < itemKeys[index])
        {
          continue
        }
        representative[group] = index
        representativeScore[group] = score
      }
      guard !stories.isEmpty else { continue }
      stories.sort()

      var touchedSources: [Int] = []
      var sourceCount = 0
      var relevance = 0.0
      var recencySum = 0.0
      var engagementSum = 0.0
      var values: [(item: Int, value: Double)] = []
      values.reserveCapacity(stories.count)
      for group in stories {
        let (index, score) = (representative[group], representativeScore[group])
        let storyRelevance = score / (score + threshold)
        let age = newestOf[group].map { max(0, now.timeIntervalSince($0) / 86_400) } ?? options.recencyHalfLifeDays
        let recency = pow(0.5, age / options.recencyHalfLifeDays)
        let engagement = 1 + options.engagementWeight * log(1 + Double(commentsOf[group]))
        let value = storyRelevance * recency * engagement
        relevance += storyRelevance
        recencySum += recency
        engagementSum += engagement
        let source = sourceOf[index]
        if valuedIn[source] != order {
          valuedIn[source] = order
          touchedSources.append(source)
        }
        perSource[source] += value
        // Every source that posted the story counts for breadth.
        if storySize[group] > 1 {
          for member in members[group] where countedIn[sourceOf[member]] != order {
            countedIn[sourceOf[member]] = order
            sourceCount += 1
          }
        } else if countedIn[source] != order {
          countedIn[source] = order
          sourceCount += 1
        }
        values.append((index, value))
        if firstTopic[index] == order { valueInFirstTopic[index] = value }
      }
      var capped = 0.0
      var atCap = 0
      touchedSources.sort()
      for source in touchedSources {
        let value = perSource[source]
        if value >= options.perSourceCap { atCap += 1 }
        capped += min(value, options.perSourceCap)
        perSource[source] = 0
      }
      for group in stories { representative[group] = -1 }
      let spread = 1 + options.spreadWeight * log(Double(max(1, sourceCount)))
      let novelty = noveltyFactor(topic.id, discussed: discussed, now: now)
      let storyCount = Double(stories.count)
      let breakdown = TopicScoreBreakdown(
        relevance: rounded(relevance), capped: rounded(capped), sources: sourceCount, sourcesAtCap: atCap,
        recency: rounded(recencySum / storyCount), engagement: rounded(engagementSum / storyCount),
        spread: rounded(spread), novelty: rounded(novelty))
      let keys = values.sorted { $0.value != $1.value ? $0.value > $1.value : itemKeys[$0.item] < itemKeys[$1.item] }
        .map { itemKeys[$0.item] }
      let result = RankedTopic(
        id: topic.id, labelID: topic.labelID, labelEN: topic.labelEN, score: rounded(capped * spread * novelty),
        breakdown: breakdown, items: keys)
      ranked.append((result, order))
    }
    ranked.sort { $0.topic.score != $1.topic.score ? $0.topic.score > $1.topic.score : $0.order < $1.order }

    // Items: by the rank of their first topic, then by their value in it; items without a topic last.
    var rankOfTopic = [Int](repeating: Int.max, count: topics.count)
    for (rank, entry) in ranked.enumerated() { rankOfTopic[entry.order] = rank }
    let itemRank = firstTopic.map { $0 < 0 ? Int.max : rankOfTopic[$0] }
    let time = items.map { $0.published?.timeIntervalSince1970 ?? 0 }
    let order = scored.indices.sorted { first, second in
      if itemRank[first] != itemRank[second] { return itemRank[first] < itemRank[second] }
      let (a, b) = itemRank[first] == Int.max ? (0.0, 0.0) : (valueInFirstTopic[first], valueInFirstTopic[second])
      if a != b { return a > b }
      if time[first] != time[second] { return time[first] > time[second] }
      return itemKeys[first] < itemKeys[second]
    }
    return Ranking(topics: ranked.map(\.topic), items: order.map { scored[$0] })
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
