/// Learns related terms from the school's own items: a word that keeps appearing in items
/// confidently about one topic (and rarely elsewhere) becomes weak evidence for that topic.
///
/// This is pseudo-relevance feedback over co-occurrence: the first scoring labels the items it is
/// sure of (clear score, clear margin over the runner-up); words are counted per topic over those.
struct RelatedTermLearner {
  let options: ScoringOptions

  /// Learned (topic, term, weight) triples, in a deterministic order.
  func learn(
    documents: [AnalyzedDocument], matches: [[TopicMatch]], topicIndex: [String: Int], scorer: TopicScorer
  ) -> [(topic: Int, term: Int, stream: Int, weight: Double)] {
    var documentFrequency: [Int: Int] = [:]
    var perTopic: [Int: [Int: Int]] = [:]
    for (document, found) in zip(documents, matches) {
      let terms = Set(document.title[0] + document.body[0] + document.title[1] + document.body[1])
      for term in terms { documentFrequency[term, default: 0] += 1 }
      guard let best = found.first, best.score >= 2 * options.threshold,
        found.count < 2 || best.score >= 1.5 * found[1].score,
        let topic = topicIndex[best.topicID]
      else { continue }
      for term in terms { perTopic[term, default: [:]][topic, default: 0] += 1 }
    }
    var learned: [(topic: Int, term: Int, stream: Int, weight: Double)] = []
    for term in perTopic.keys.sorted() {
      guard let counts = perTopic[term], !scorer.isKeywordTerm(term), !scorer.analyzer.stopTerms.contains(term) else { continue }
      let text = scorer.analyzer.terms[term]
      guard text.utf8.count >= 5, !text.dropFirst(2).allSatisfy(\.isNumber) else { continue }
      let confident = counts.values.reduce(0, +)
      guard let (topic, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
        count >= options.learnedMinimumSupport
      else { continue }
      let precision = Double(count) / Double(confident)
      let spread = Double(count) / Double(documentFrequency[term] ?? count)
      guard precision >= options.learnedMinimumPrecision, spread >= 0.5 else { continue }
      learned.append((topic, term, text.hasPrefix("i:") ? 0 : 1, options.learnedScale * precision))
    }
    return learned
  }
}
