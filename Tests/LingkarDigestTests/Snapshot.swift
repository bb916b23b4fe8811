import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>`; with `LINGKAR_RECORD_SNAPSHOTS=1` in the
/// environment, writes it there instead. A mismatch records an issue naming the first differing
/// line and leaves the actual text in a temporary file for `diff`.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["LINGKAR_RECORD_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
    } catch {
      Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: file.path) else {
    Issue.record(
      "no snapshot \(name); record it with LINGKAR_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let actualPath = FileManager.default.temporaryDirectory.appendingPathComponent("lingkar-actual-" + name)
  try? Data(actual.utf8).write(to: actualPath)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(expectedLines.count, actualLines.count)
  let want = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
  let got = line < actualLines.count ? String(actualLines[line]) : "(end of file)"
  Issue.record(
    """
    \(name) differs from its snapshot at line \(line + 1):
      expected: \(want.prefix(300))
      actual:   \(got.prefix(300))
    actual output: \(actualPath.path) (re-record with LINGKAR_RECORD_SNAPSHOTS=1 if the change is intended)
    """, sourceLocation: sourceLocation)
}
