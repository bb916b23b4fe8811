import Foundation
import Testing

@testable import LingkarRank

/// The ratchet: the ranker must keep at least these scores on the hand-written evaluation set
/// (`Fixtures/eval-set.jsonl`; `split` tune was used to choose the knobs, test was not).
struct EvaluationTests {
  static let floors: [String: (top1: Double, macroF1: Double, dupRecall: Double, dupPrecision: Double)] = [
    "tune": (0.79, 0.83, 1.0, 1.0),
    "test": (0.75, 0.75, 1.0, 1.0),
    "all": (0.79, 0.81, 1.0, 1.0),
  ]

  @Test("the evaluation set scores at or above the ratchet on both halves")
  func ratchet() throws {
    let url = try #require(Bundle.module.url(forResource: "eval-set", withExtension: "jsonl", subdirectory: "Fixtures"))
    let items = try EvaluationItem.parseLines(String(contentsOf: url, encoding: .utf8))
    #expect(items.count >= 150)
    for report in Evaluator().evaluateWithSplits(items) {
      let floor = try #require(Self.floors[report.name])
      #expect(report.top1 >= floor.top1, "\(report)")
      #expect(report.macroF1 >= floor.macroF1, "\(report)")
      #expect(report.duplicateRecall >= floor.dupRecall, "\(report)")
      #expect(report.duplicatePrecision >= floor.dupPrecision, "\(report)")
    }
  }
}
