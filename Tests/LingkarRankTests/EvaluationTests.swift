import Foundation
import Testing

@testable import LingkarRank

/// The ratchet: the ranker must keep at least these scores on the two labelled sets.
/// - `Fixtures/eval-set.jsonl`: written with the ranker; its `tune` half chose the first knobs.
/// - `Fixtures/blind-set.jsonl`: written later by a helper who saw neither the ranker, its keyword
///   lists, its examples nor the first set (only the topic names); it then helped choose the
///   examples' knobs, so it is no longer blind, but was not written to fit them.
/// - `Fixtures/holdout-set.jsonl` (issue 16): 201 items written from real kinds of posts, 50 of them
///   off-topic posts from teachers' own accounts and 17 rephrased pairs; never tuned on (but see the
///   note on its duplicate figures in the commit that added story anchors).
/// - `Fixtures/tune-set.jsonl` (issue 16): 120 items of the same kinds, the set issue 16's knobs
///   were chosen on.
/// - `Fixtures/fresh-set.jsonl` (issue 16, second round): 68 items written before that round's
///   tuning and never tuned on (47 on topics, 11 off-topic posts, 5 rephrased pairs, 2 across
///   languages, some with numbers spelled out).
/// - `Fixtures/unseen-set.jsonl` (issue 16, third round): 215 items written blind (the writer read
///   only the topics file and the evaluator), 54 off-topic posts, 18 rephrased pairs (5 across
///   languages); never tuned on: its floor only holds what the ranker reached without it.
/// Floors are keyed by split (`tune`, `test`, `blind`) or, for a whole set, by its name.
struct EvaluationTests {
  static let floors:
    [String: (top1: Double, macroF1: Double, macroF1All: Double, dupRecall: Double, dupPrecision: Double)] = [
      "tune": (0.86, 0.87, 0.86, 1.0, 1.0),
      "test": (0.88, 0.87, 0.85, 1.0, 1.0),
      "eval-set": (0.88, 0.87, 0.86, 1.0, 1.0),
      "blind": (0.86, 0.85, 0.82, 1.0, 1.0),
      "holdout-set": (0.87, 0.84, 0.87, 1.0, 1.0),
      "tune-set": (0.88, 0.86, 0.86, 1.0, 1.0),
      "fresh-set": (0.98, 0.99, 0.94, 1.0, 1.0),
      "unseen-set": (0.88, 0.86, 0.84, 0.83, 1.0),
    ]

  @Test(
    "each labelled set scores at or above the ratchet",
    arguments: ["eval-set", "blind-set", "holdout-set", "tune-set", "fresh-set", "unseen-set"])
  func ratchet(set: String) throws {
    let url = try #require(Bundle.module.url(forResource: set, withExtension: "jsonl", subdirectory: "Fixtures"))
    let items = try EvaluationItem.parseLines(String(contentsOf: url, encoding: .utf8))
    #expect(items.count >= (set == "fresh-set" ? 60 : 120))
    var checked = 0
    for report in Evaluator().evaluateWithSplits(items) {
      // The blind set is one split; its "all" line is the same report.
      guard let floor = Self.floors[report.name == "all" ? set : report.name] else { continue }
      checked += 1
      #expect(report.top1 >= floor.top1, "\(report)")
      #expect(report.macroF1 >= floor.macroF1, "\(report)")
      #expect(report.macroF1AllTopics >= floor.macroF1All, "\(report)")
      #expect(report.duplicateRecall >= floor.dupRecall, "\(report)")
      #expect(report.duplicatePrecision >= floor.dupPrecision, "\(report)")
    }
    #expect(checked >= 1)
  }

  @Test("the new sets hold what issue 16 asks of them")
  func newSetsShape() throws {
    for set in ["holdout-set", "tune-set"] {
      let url = try #require(Bundle.module.url(forResource: set, withExtension: "jsonl", subdirectory: "Fixtures"))
      let items = try EvaluationItem.parseLines(String(contentsOf: url, encoding: .utf8))
      let offTopic = items.filter { $0.label == "none" }.count
      let grouped = Dictionary(grouping: items.compactMap(\.duplicateGroup), by: { $0 }).filter { $0.value.count > 1 }
      if set == "holdout-set" {
        #expect(items.count >= 200)
        #expect(offTopic >= 40)
        #expect(grouped.count >= 15)
        #expect(items.contains { $0.labels.count > 1 })
      }
      #expect(offTopic >= 20)
    }
  }
}
