/// Scores of the ranker on a labelled set.
public struct EvaluationReport: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var items: Int
  /// Share of items whose first predicted topic (or "none") is the label.
  public var top1: Double
  /// Mean F1 over the topics that occur as a label or a prediction ("none" not counted as a topic).
  public var macroF1: Double
  /// Mean F1 over topics when every topic an item is listed under is compared with every topic the
  /// ranker gives it (so a wrong or missing secondary topic counts).
  public var macroF1AllTopics: Double = 0
  public var duplicatePairs: Int
  public var duplicatePrecision: Double
  public var duplicateRecall: Double
  /// Per-topic F1, by topic id.
  public var perTopicF1: [String: Double]
  /// Items whose prediction was wrong: (id, label, predicted).
  public var errors: [(id: String, label: String, predicted: String, evidence: String)]
  /// Duplicate pairs not found, and pairs found that are not duplicates (`id|id`, sorted).
  public var missedPairs: [String] = []
  /// Items whose first topic is right but whose other listed topics differ from their labels:
  /// (id, labels, listed).
  public var listErrors: [(id: String, labels: [String], listed: [String])] = []
  public var wrongPairs: [String] = []

  public static func == (lhs: EvaluationReport, rhs: EvaluationReport) -> Bool {
    lhs.description == rhs.description
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(description) }

  public var description: String {
    "\(name): items=\(items) top1=\(format(top1)) macroF1=\(format(macroF1)) macroF1_all=\(format(macroF1AllTopics)) "
      + "dup_pairs=\(duplicatePairs) dup_precision=\(format(duplicatePrecision)) dup_recall=\(format(duplicateRecall))"
  }

  private func format(_ value: Double) -> String {
    let scaled = Int((value * 1000).rounded())
    let text = String(scaled / 1000) + "." + String(1000 + scaled % 1000).dropFirst()
    return text
  }
}
