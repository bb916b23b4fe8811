import Foundation
import LingkarModel
import LingkarPipeline
import LingkarTestSupport
import Testing

@Suite("lingkar demo")
struct DemoRunTests {
  @Test("reads the bundled samples offline and writes three fortnightly digests, the last on 2026-11-29")
  func demo() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("demo/feeds").path
    let demo = DemoRun(
      samplesDirectory: samples, outputDirectory: directory.file("output"), topicsPath: directory.file("none.txt"),
      language: .id)
    let result = try demo.run()
    #expect(result.fetch.feeds == 12)
    #expect(result.digests.map(\.dateStamp) == ["2026-11-01", "2026-11-15", "2026-11-29"])
    #expect(result.page == directory.file("output/2026-11-29/digest.html"))
    #expect(FileManager.default.fileExists(atPath: result.page))
    let last = try #require(result.digests.last)
    #expect(last.sourceCount == 12)
    #expect(last.suggestions.count == 3)
    #expect(last.volume.periodEnds.count == 3)
    // Every stored item lands in exactly one of the three periods.
    #expect(result.digests.map(\.itemCount).reduce(0, +) == result.fetch.items)
    _ = try checkDigestJSON(directory.file("output/2026-11-29/digest.json"))
  }
}
