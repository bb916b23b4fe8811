import LingkarModel

/// Runs the ranker over a labelled set, as one period, and scores it: top-1 accuracy, macro-F1 over
/// topics, and precision and recall of the duplicate pairs.
public struct Evaluator: Sendable {
  public var ranker: Ranker

  public init(ranker: Ranker = Ranker()) {
    self.ranker = ranker
  }

  public func evaluate(_ items: [EvaluationItem], name: String = "all") -> EvaluationReport {
    let input = items.map {
      RankItem(
        key: $0.id, source: $0.source, title: $0.title, text: $0.text, link: $0.link.map { CanonicalLink.of($0) ?? $0 })
    }
    let (scored, groups) = ranker.classify(input)
    var correct = 0
    var truePositive: [String: Int] = [:]
    var falsePositive: [String: Int] = [:]
    var falseNegative: [String: Int] = [:]
    var errors: [(id: String, label: String, predicted: String, evidence: String)] = []
    for (item, result) in zip(items, scored) {
      let predicted = result.topics.first?.topicID ?? "none"
      if predicted == item.label {
        correct += 1
        truePositive[item.label, default: 0] += 1
      } else {
        falsePositive[predicted, default: 0] += 1
        falseNegative[item.label, default: 0] += 1
        let evidence = result.topics.prefix(3).map { "\($0.topicID) \($0.score) \($0.matched.prefix(6))" }
        errors.append((item.id, item.label, predicted, evidence.joined(separator: " | ")))
      }
    }
    var perTopic: [String: Double] = [:]
    let labels = Set(truePositive.keys).union(falsePositive.keys).union(falseNegative.keys).subtracting(["none"])
    for label in labels {
      let tp = Double(truePositive[label] ?? 0)
      let precision = tp / max(1, tp + Double(falsePositive[label] ?? 0))
      let recall = tp / max(1, tp + Double(falseNegative[label] ?? 0))
      perTopic[label] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    let macro = perTopic.isEmpty ? 0 : perTopic.values.reduce(0, +) / Double(perTopic.count)
    let macroAll = Self.macroF1AllTopics(gold: items.map(\.labels), predicted: scored.map { $0.topics.map(\.topicID) })

    var gold = Set<String>()
    var found = Set<String>()
    for i in items.indices {
      for j in items.indices where j > i {
        let pair = items[i].id < items[j].id ? items[i].id + "|" + items[j].id : items[j].id + "|" + items[i].id
        if let group = items[i].duplicateGroup, group == items[j].duplicateGroup { gold.insert(pair) }
        if groups[i] == groups[j] { found.insert(pair) }
      }
    }
    let hits = gold.intersection(found).count
    var report = EvaluationReport(
      name: name, items: items.count, top1: Double(correct) / Double(max(1, items.count)), macroF1: macro,
      duplicatePairs: gold.count,
      duplicatePrecision: found.isEmpty ? 1 : Double(hits) / Double(found.count),
      duplicateRecall: gold.isEmpty ? 1 : Double(hits) / Double(gold.count),
      perTopicF1: perTopic, errors: errors)
    report.macroF1AllTopics = macroAll
    report.missedPairs = gold.subtracting(found).sorted()
    report.listErrors = zip(items, scored).compactMap { item, result in
      let listed = result.topics.map(\.topicID)
      guard listed.first == item.label, Set(listed) != Set(item.labels) else { return nil }
      return (item.id, item.labels, listed)
    }
    report.wrongPairs = found.subtracting(gold).sorted()
    return report
  }

  /// Mean F1 over the topics that are listed or predicted for any item, counting every listed and
  /// every predicted topic of each item (not only the first).
  static func macroF1AllTopics(gold: [[String]], predicted: [[String]]) -> Double {
    var truePositive: [String: Int] = [:]
    var falsePositive: [String: Int] = [:]
    var falseNegative: [String: Int] = [:]
    for (listed, given) in zip(gold, predicted) {
      let (listed, given) = (Set(listed), Set(given))
      for topic in listed.intersection(given) { truePositive[topic, default: 0] += 1 }
      for topic in given.subtracting(listed) { falsePositive[topic, default: 0] += 1 }
      for topic in listed.subtracting(given) { falseNegative[topic, default: 0] += 1 }
    }
    let topics = Set(truePositive.keys).union(falsePositive.keys).union(falseNegative.keys)
    guard !topics.isEmpty else { return 0 }
    let scores = topics.map { topic -> Double in
      let tp = Double(truePositive[topic] ?? 0)
      let precision = tp / max(1, tp + Double(falsePositive[topic] ?? 0))
      let recall = tp / max(1, tp + Double(falseNegative[topic] ?? 0))
      return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    return scores.reduce(0, +) / Double(topics.count)
  }

  /// The whole set, and each `split` (e.g. tune / test) ranked on its own.
  public func evaluateWithSplits(_ items: [EvaluationItem]) -> [EvaluationReport] {
    var reports: [EvaluationReport] = []
    let splits = Set(items.compactMap(\.split)).sorted()
    for split in splits {
      reports.append(evaluate(items.filter { $0.split == split }, name: split))
    }
    reports.append(evaluate(items, name: "all"))
    return reports
  }
}
