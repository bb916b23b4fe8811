import Foundation
import Testing

@testable import LingkarRank

/// The ratchet: the ranker must keep at least these scores on the two labelled sets.
/// - `Fixtures/eval-set.jsonl`: written with the ranker; its `tune` half chose the first knobs.
/// - `Fixtures/blind-set.jsonl`: written later by a helper who saw neither the ranker, its keyword
///   lists, its examples nor the first set (only the topic names); it then helped choose the
///   examples' knobs, so it is no longer blind, but was not written to fit them.
struct EvaluationTests {
  static let floors: [String: (top1: Double, macroF1: Double, dupRecall: Double, dupPrecision: Double)] = [
    "tune": (0.83, 0.84, 1.0, 1.0),
    "test": (0.84, 0.84, 1.0, 1.0),
    "all": (0.84, 0.85, 1.0, 1.0),
    "blind": (0.82, 0.82, 1.0, 1.0),
  ]

  @Test("each labelled set scores at or above the ratchet", arguments: ["eval-set", "blind-set"])
  func ratchet(set: String) throws {
    let url = try #require(Bundle.module.url(forResource: set, withExtension: "jsonl", subdirectory: "Fixtures"))
    let items = try EvaluationItem.parseLines(String(contentsOf: url, encoding: .utf8))
    #expect(items.count >= 150)
    // The blind set is one split; its "all" line is the same report.
    for report in Evaluator().evaluateWithSplits(items) where set == "eval-set" || report.name != "all" {
      let floor = try #require(Self.floors[report.name])
      #expect(report.top1 >= floor.top1, "\(report)")
      #expect(report.macroF1 >= floor.macroF1, "\(report)")
      #expect(report.duplicateRecall >= floor.dupRecall, "\(report)")
      #expect(report.duplicatePrecision >= floor.dupPrecision, "\(report)")
    }
  }
}
