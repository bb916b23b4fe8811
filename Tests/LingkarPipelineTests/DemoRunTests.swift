import Foundation
import LingkarModel
import LingkarPipeline
import LingkarRank
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

    // Evidence as the teachers wrote it: no marks, and every word shown is in the item's own text
    // (or is a keyword of the topics file, as the school wrote it), never a stem or a fragment.
    let keywords = Set(
      TopicsFile.builtIn.topics.flatMap { $0.keywords.map { $0.text.lowercased() } })
    var shown = 0
    for item in last.items {
      let text = ((item.title ?? "") + " " + item.summary).lowercased()
      for word in item.topics.flatMap(\.matched) {
        shown += 1
        #expect(!word.contains("≈") && !word.contains("~"), "\(word)")
        #expect(text.contains(word.lowercased()) || keywords.contains(word.lowercased()), "\(word) in \(item.key)")
      }
    }
    #expect(shown > 20)
    for name in ["digest.html", "digest.md", "digest.txt", "digest-full.txt", "digest.json"] {
      let page = try String(contentsOfFile: directory.file("output/2026-11-29/" + name), encoding: .utf8)
      #expect(!page.contains("≈"), "\(name)")
    }
    let short = try String(contentsOfFile: directory.file("output/2026-11-29/digest.txt"), encoding: .utf8)
    #expect(short.split(separator: "\n", omittingEmptySubsequences: false).count - 1 <= 15)
    #expect(short.hasSuffix(directory.file("output/2026-11-29/digest.html") + "\n"))
  }
}
