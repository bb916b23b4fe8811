import LingkarModel

/// Learns related terms from the school's own items: a word that keeps appearing in items
/// confidently about one topic (and rarely elsewhere) becomes weak evidence for that topic.
///
/// This is pseudo-relevance feedback over co-occurrence: the first scoring labels the items it is
/// sure of (clear score, clear margin over the runner-up); words are counted per topic over those.
struct RelatedTermLearner {
  let options: ScoringOptions

  /// Learned (topic, term, weight) triples, in a deterministic order.
  func learn(
    documents: [AnalyzedDocument], matches: [[ItemTopicMatch]], topicIndex: [String: Int], scorer: TopicScorer
  ) -> [(topic: Int, term: Int, stream: Int, weight: Double)] {
    let termCount = scorer.analyzer.terms.count
    let topicCount = topicIndex.count
    var documentFrequency = [Int](repeating: 0, count: termCount)
    var lastSeen = [Int](repeating: -1, count: termCount)
    /// Per term, its row in `perTopic` (counts per topic over confidently labelled items), or -1.
    var row = [Int](repeating: -1, count: termCount)
    var perTopic: [Int] = []
    var terms: [Int] = []
    for (index, (document, found)) in zip(documents, matches).enumerated() {
      terms.removeAll(keepingCapacity: true)
      for term32 in document.terms {
        let term = Int(term32)
        guard lastSeen[term] != index else { continue }
        lastSeen[term] = index
        terms.append(term)
        documentFrequency[term] += 1
      }
      guard let best = found.first, best.score >= 2 * options.threshold,
        found.count < 2 || best.score >= 1.5 * found[1].score,
        let topic = topicIndex[best.topicID]
      else { continue }
      for term in terms {
        if row[term] < 0 {
          row[term] = perTopic.count / topicCount
          perTopic += Array(repeating: 0, count: topicCount)
        }
        perTopic[row[term] * topicCount + topic] += 1
      }
    }
    var learned: [(topic: Int, term: Int, stream: Int, weight: Double)] = []
    for term in 0..<termCount where row[term] >= 0 {
      guard !scorer.isKeywordTerm(term), !scorer.analyzer.stopTerms.contains(term) else { continue }
      let text = scorer.analyzer.terms[term]
      guard text.utf8.count >= 5, !text.dropFirst(2).allSatisfy(\.isNumber) else { continue }
      let counts = perTopic[(row[term] * topicCount)..<((row[term] + 1) * topicCount)]
      let confident = counts.reduce(0, +)
      // The topic with the most items; ties go to the earlier topic.
      var topic = 0
      for candidate in counts.indices where counts[candidate] > counts[counts.startIndex + topic] {
        topic = candidate - counts.startIndex
      }
      let count = counts[counts.startIndex + topic]
      guard count >= options.learnedMinimumSupport else { continue }
      let precision = Double(count) / Double(confident)
      let spread = Double(count) / Double(documentFrequency[term])
      guard precision >= options.learnedMinimumPrecision, spread >= 0.5 else { continue }
      learned.append((topic, term, text.hasPrefix("i:") ? 0 : 1, options.learnedScale * precision))
    }
    return learned
  }
}
