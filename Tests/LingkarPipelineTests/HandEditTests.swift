import Foundation
import LingkarFeedList
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

/// Runs the built binary in `directory`; returns its exit status and both outputs as raw bytes.
private func runLingkar(_ arguments: [String], in directory: TemporaryDirectory) throws -> (
  status: Int32, out: [UInt8], err: [UInt8]
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: lingkarBinary())
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  // The English messages these tests read (the default is now Indonesian; issue 14).
  environment["LANG"] = "en_US.UTF-8"
  process.environment = environment
  try process.run()
  let output = out.fileHandleForReading.readDataToEndOfFile()
  let errors = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, Array(output), Array(errors))
}

/// True when `bytes` hold a character that acts on a terminal: C0 other than line feed and tab,
/// DEL, C1, or a bidirectional embedding, override or isolate.
private func hasTerminalControls(_ bytes: [UInt8]) -> Bool {
  String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { scalar in
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

@Suite("feeds.txt edited by hand, read by every command")
struct FeedsHandEditTests {
  @Test("run and fetch read a Notepad file (\\r\\n) with a Latin-1 byte in a comment, as feeds list does")
  func notepadFile() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("a.xml", TestSite.rss(title: "Feed A", items: 2, link: "https://a.example/"))
    directory.write("b.xml", TestSite.rss(title: "Feed B", items: 3, link: "https://b.example/"))
    let bytes =
      Array("# feeds of Pak Andr".utf8) + [0xE9] + Array("\r\na.xml \"blog\"\r\n\r\nb.xml # caf".utf8) + [
        0xE9, 0x0D, 0x0A,
      ]
    try Data(bytes).write(to: URL(fileURLWithPath: directory.file("feeds.txt")))
    var problems: [Diagnostic] = []
    let summary = try FetchRun(options: options(directory)).run(report: { problems.append($0) })
    #expect(summary.feeds == 2)
    #expect(summary.failed == 0)
    #expect(problems.isEmpty, "\(problems)")
    #expect(try FeedStore(path: directory.file("lingkar.db")).itemCount() == 5)
  }

  @Test("OPML import reads the file once and writes it once: 3,000 feeds into a 30,000-line file in seconds")
  func importIsLinear() throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    var existing = "# a big school\r\n"
    for index in 0..<30_000 { existing += "https://old\(index).example/feed/ \"old\"\r\n" }
    fixture.directory.write("feeds.txt", existing)
    var outlines = ""
    for index in 0..<3_000 {
      outlines += "<outline type=\"rss\" text=\"Blog \(index)\" xmlUrl=\"https://new\(index % 2_900).example/feed\"/>\n"
    }
    outlines += "<outline type=\"rss\" text=\"Old\" xmlUrl=\"http://OLD7.example/feed\"/>\n"
    fixture.directory.write(
      "in.opml",
      "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body><outline text=\"Guru\">\(outlines)</outline></body></opml>"
    )
    let start = ContinuousClock.now
    let result = try FeedsOPML(options: fixture.options).importFile(
      fixture.directory.file("in.opml"), addedBy: "Bu Sari")
    let elapsed = ContinuousClock.now - start
    // Before: the file was parsed again after every feed, 3,000 times 30,000 lines (minutes).
    #expect(elapsed < .seconds(30), "took \(elapsed)")
    #expect(result.added.count == 2_900)
    #expect(result.skipped.count == 101)
    #expect(result.skipped.first?.reason.text(in: .en) == "already on line 30002")
    #expect(result.skipped.last?.reason.text(in: .en) == "already on line 9")
    let list = try FeedListFile(path: fixture.options.feedsPath).readList()
    #expect(list.sources.count == 32_900)
    #expect(list.diagnostics.isEmpty)
    #expect(list.sources.last?.line == 32_901)
    #expect(fixture.text.hasPrefix(existing))
    #expect(!fixture.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }
}

@Suite("the command line prints no terminal controls")
struct TerminalOutputTests {
  /// A JSON Feed whose title and items carry a window-title change, a screen clear, a C1 CSI and a
  /// right-to-left override; dated two days ago, so `topics` counts them.
  static func hostileFeed() -> String {
    let day = Timestamp.iso8601(Date().addingTimeInterval(-2 * 86_400))
    let items = (1...3).map { index in
      """
      {"id": "i\(index)", "url": "https://evil.example/\(index)",
       "title": "Asesmen formatif \\u001b[2J dan umpan balik \\u001b]0;pwned\\u0007 \\u202Egnirahs \(index)",
       "content_text": "Asesmen formatif, umpan balik, rubrik penilaian di kelas \\u009b31m", "date_published": "\(day)"}
      """
    }
    return """
      {"version": "https://jsonfeed.org/version/1.1", "title": "Guru \\u001b]0;owned\\u0007Jahat\\u001b[2J\\u009b2J\\u202E",
       "home_page_url": "https://evil.example/", "items": [\(items.joined(separator: ","))]}
      """
  }

  @Test("feeds add, feeds list, fetch and topics strip escapes from titles; feeds add --by cannot add a line")
  func stripped() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("evil.json", Self.hostileFeed())
    directory.write("feeds.txt", "# mine\n")

    let added = try runLingkar(["feeds", "add", "evil.json", "--by", "Bu Sari\r\n/etc/shadow #"], in: directory)
    #expect(added.status == 0, "\(String(decoding: added.err, as: UTF8.self))")
    #expect(String(decoding: added.out, as: UTF8.self).contains("Guru ]0;owned"))
    #expect(!hasTerminalControls(added.out) && !hasTerminalControls(added.err))
    let text = try String(contentsOfFile: directory.file("feeds.txt"), encoding: .utf8)
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 3)
    #expect(!text.contains("\r"))
    #expect(text.hasPrefix("# mine\nevil.json   # added by Bu Sari /etc/shadow # "))

    let list = try runLingkar(["feeds", "list"], in: directory)
    #expect(list.status == 0)
    #expect(String(decoding: list.out, as: UTF8.self).contains("Guru ]0;owned"))
    #expect(!hasTerminalControls(list.out) && !hasTerminalControls(list.err))

    let fetched = try runLingkar(["fetch"], in: directory)
    #expect(fetched.status == 0)
    let topics = try runLingkar(["topics", "--since", "30d"], in: directory)
    #expect(topics.status == 0, "\(String(decoding: topics.err, as: UTF8.self))")
    #expect(String(decoding: topics.out, as: UTF8.self).contains("Asesmen formatif"))
    #expect(!hasTerminalControls(topics.out) && !hasTerminalControls(topics.err))

    // JSON keeps every character, escaped: the data is whole, the terminal safe.
    let json = try runLingkar(["parse", "--json", "evil.json"], in: directory)
    #expect(!hasTerminalControls(json.out))
    let object = try JSONSerialization.jsonObject(with: Data(json.out)) as? [String: Any]
    #expect((object?["title"] as? String)?.unicodeScalars.contains("\u{1B}") == true)
  }
}
