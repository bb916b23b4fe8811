import Foundation
import LingkarFeedList
import LingkarModel
import Testing

/// `feeds.txt` as teachers really save it: Notepad's `\r\n`, old Mac `\r`, files pasted together
/// from both, a Latin-1 byte in a comment, addresses pasted from WhatsApp or a word processor.
@Suite("feeds.txt as saved by other editors")
struct FeedListLineEndingTests {
  /// A comment, feed A, a blank line, feed B, feed C without a final line break, with `breaks`
  /// after the first four lines.
  static func file(_ breaks: [String]) -> String {
    let lines = [
      "# feeds of SD Harapan", "https://a.example/feed/ \"blog\"", "", "https://b.example/feed/ # B",
      "https://c.example/feed/",
    ]
    return zip(lines, breaks + [""]).map { $0 + $1 }.joined()
  }

  static let styles: [(String, [String])] = [
    ("LF", Array(repeating: "\n", count: 4)),
    ("CRLF", Array(repeating: "\r\n", count: 4)),
    ("CR", Array(repeating: "\r", count: 4)),
    ("mixed", ["\r\n", "\n", "\r", "\r\n"]),
    ("mixed, LF first", ["\n", "\r\n", "\r\n", "\r"]),
  ]

  @Test("reads the same feeds on the same lines whatever the line breaks", arguments: styles.map(\.0))
  func reading(style: String) {
    let text = Self.file(Self.styles.first { $0.0 == style }!.1)
    let list = FeedList(parsing: text, directory: "/")
    #expect(list.diagnostics.isEmpty)
    #expect(
      list.sources.map(\.url) == ["https://a.example/feed/", "https://b.example/feed/", "https://c.example/feed/"])
    #expect(list.sources.map(\.line) == [2, 4, 5])
    #expect(list.sources.map(\.tags) == [["blog"], [], []])
    #expect(list.sources[1].note == "B")
    #expect(FeedListText(text).bytes == Array(text.utf8))
  }

  @Test("remove, fix and add change exactly their line and keep every other byte", arguments: styles.map(\.0))
  func editing(style: String) throws {
    let breaks = Self.styles.first { $0.0 == style }!.1
    let text = Self.file(breaks)
    let directory = NSTemporaryDirectory() + "lingkar-breaks-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    let file = FeedListFile(path: path)
    func reset() throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    func onDisk() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    // `feeds remove URL-B`: B's line and its own break go, nothing else.
    try reset()
    try file.edit { text in
      let b = try #require(file.list(text).source(matching: "https://b.example/feed/"))
      text.remove(line: b.line)
    }
    let withoutB = [
      "# feeds of SD Harapan" + breaks[0], "https://a.example/feed/ \"blog\"" + breaks[1], breaks[2],
      "https://c.example/feed/",
    ]
    #expect(try onDisk() == Array(withoutB.joined().utf8))

    // `feeds check --fix`: B's address is rewritten on B's line, its note kept.
    try reset()
    try file.edit { text in
      let b = try #require(file.list(text).source(matching: "https://b.example/feed/"))
      text.replaceAddress(line: b.line, with: "https://b.example/new/")
    }
    #expect(
      try onDisk()
        == Array(text.replacingOccurrences(of: "https://b.example/feed/", with: "https://b.example/new/").utf8))

    // `feeds add`: the file's first break ends the old last line; the new one has none, like the old.
    try reset()
    try file.edit { $0.append("https://d.example/feed/") }
    #expect(try onDisk() == Array((text + breaks[0] + "https://d.example/feed/").utf8))
    let list = try file.readList()
    #expect(list.sources.map(\.line) == [2, 4, 5, 6])
  }

  @Test("removing the last line of a file that ends without a break leaves it ending without one")
  func removeLast() {
    var text = FeedListText("a\r\nb\rc")
    text.remove(line: 3)
    #expect(text.bytes == Array("a\r\nb".utf8))
    text.append("d")
    #expect(text.bytes == Array("a\r\nb\r\nd".utf8))
  }

  @Test("a byte that is not UTF-8 in a comment is read past; one in an address is reported with its line")
  func notUTF8() throws {
    let directory = NSTemporaryDirectory() + "lingkar-latin1-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    var bytes = Array("# feeds of Pak Andr".utf8) + [0xE9] + Array("\nhttps://a.example/feed/ # caf".utf8) + [0xE9]
    bytes += Array("\nhttps://b.example/r".utf8) + [0xE9, 0x73, 0x75, 0x6D, 0xE9] + Array("/feed/\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let list = try FeedListFile(path: path).readList(mustExist: true)
    #expect(list.sources.map(\.url) == ["https://a.example/feed/"])
    #expect(list.sources.first?.note == "caf\u{FFFD}")
    #expect(list.diagnostics.map(\.subject) == ["feeds.txt:3"])
    #expect(list.diagnostics.first?.said.text(in: .en).contains("not UTF-8") == true)
  }

  @Test("a file saved as UTF-16 is named as such, not read as garbage")
  func utf16() {
    let list = FeedList(text: FeedListText([0xFF, 0xFE] + Array("h\0t\0".utf8)), directory: "/")
    #expect(list.sources.isEmpty)
    #expect(list.diagnostics.first?.said.text(in: .en).contains("UTF-16") == true)
  }
}

@Suite("feeds.txt lines pasted from chats and documents")
struct FeedListCleaningTests {
  func parse(_ line: String) -> FeedList { FeedList(parsing: "# first\n" + line, directory: "/srv") }

  @Test(
    "reads the address that is plainly meant",
    arguments: [
      ("https://a.example/feed/\u{200B}", "https://a.example/feed/", [String](), String?.none),
      ("\u{FEFF}https://a.example/feed/", "https://a.example/feed/", [], nil),
      ("https://a.example/feed/\u{2060} \"blog\"\u{200C}", "https://a.example/feed/", ["blog"], nil),
      ("https://a.example/fe\u{200D}ed/", "https://a.example/feed/", [], nil),
      ("\u{00A0}https://a.example/feed/", "https://a.example/feed/", [], nil),
      ("https://a.example/feed/\u{202F}\"blog\"\u{00A0}# note", "https://a.example/feed/", ["blog"], "note"),
      ("“https://a.example/feed/”", "https://a.example/feed/", [], nil),
      ("‘https://a.example/feed/’ “blog” „id“", "https://a.example/feed/", ["blog", "id"], nil),
      ("«https://a.example/feed/» «blog»", "https://a.example/feed/", ["blog"], nil),
      ("<https://a.example/feed/>", "https://a.example/feed/", [], nil),
      ("\"https://a.example/feed/\" \"blog\"", "https://a.example/feed/", ["blog"], nil),
      ("Blog Pak Dedi https://a.example/feed/", "https://a.example/feed/", [], "Blog Pak Dedi"),
      (
        "Blog Pak Dedi: https://a.example/feed/ \"blog\" # added by Bu Sari", "https://a.example/feed/", ["blog"],
        "Blog Pak Dedi; added by Bu Sari"
      ),
      ("Blog Bu Rina\u{00A0}— <https://a.example/feed/>\u{200B}", "https://a.example/feed/", [], "Blog Bu Rina"),
      ("Catatan Bu Rina (S2/S3) https://a.example/feed/", "https://a.example/feed/", [], "Catatan Bu Rina (S2/S3)"),
    ])
  func cleaned(line: String, url: String, tags: [String], note: String?) {
    let list = parse(line)
    #expect(list.diagnostics.isEmpty, "\(list.diagnostics)")
    #expect(list.sources.first?.url == url)
    #expect(list.sources.first?.tags == tags)
    #expect(list.sources.first?.note == note)
    #expect(list.sources.first?.line == 2)
  }

  @Test(
    "reports in plain words, with the line, what it cannot read",
    arguments: [
      ("Blog Pak Dedi", "no feed address"),
      ("Blog https://a.example/feed/ https://b.example/feed/", "more than one web address"),
      ("https://a.example/feed/ Blog Pak Dedi", "neither a tag nor a note"),
      ("https://a.example/feed/ \"blog", "closing double quote"),
    ])
  func reported(line: String, words: String) {
    let list = parse(line)
    #expect(list.sources.isEmpty)
    #expect(list.diagnostics.map(\.subject) == ["feeds.txt:2"])
    #expect(list.diagnostics.first?.said.text(in: .en).contains(words) == true, "\(list.diagnostics)")
  }

  @Test("a relative local path is still an address, with its tags, not a label")
  func localPathNotLabel() {
    let list = parse("shared/a.xml \"blog\"\nb.xml \"x\" # B\nc.xml")
    #expect(list.diagnostics.isEmpty, "\(list.diagnostics)")
    #expect(list.sources.map(\.url) == ["file:///srv/shared/a.xml", "file:///srv/b.xml", "file:///srv/c.xml"])
    #expect(list.sources.map(\.tags) == [["blog"], ["x"], []])
  }

  @Test("a fix rewrites the address where it is, also after a label or inside quotes")
  func replaceCleaned() {
    var text = FeedListText("Blog Pak Dedi “https://a.example/feed/”\u{200B} \"blog\"\r\n")
    text.replaceAddress(line: 1, with: "https://a.example/new/")
    #expect(text.text == "Blog Pak Dedi “https://a.example/new/”\u{200B} \"blog\"\r\n")
  }

  @Test("what is written into the file stays on its line: no control character or line separator gets in")
  func writable() {
    let line = FeedList.line(
      address: "https://a.example/feed/", tags: ["blog\r\nx", "i\u{2028}d", "“q”"],
      note: FeedNote(
        addedBy: "Bu Sari\r\n/etc/shadow #", addedOn: "2026-11-29", description: "T\u{85}itle\u{2029}x\u{202E}"
      ).text)
    #expect(
      line == "https://a.example/feed/ \"blog x\" \"i d\" \"q\"   # T itle x; added by Bu Sari /etc/shadow # 2026-11-29"
    )
    var text = FeedListText("# mine\n")
    text.append(line)
    #expect(text.lines.count == 2)
    let list = FeedList(text: text, directory: "/")
    #expect(list.sources.map(\.tags) == [["blog x", "i d", "q"]])
    #expect(FeedList.writable(" a\r\n\u{0}b\u{7F}\u{9B}c \u{2066}") == "a b c")
  }

  @Test("feeds add takes an address pasted with invisible characters or quotes, and refuses one with a line break")
  func input() throws {
    #expect(
      try FeedInput.classify("https://a.example/feed/\u{200B}", directory: "/") == .web(url: "https://a.example/feed/"))
    #expect(try FeedInput.classify("“https://a.example/feed/”", directory: "/") == .web(url: "https://a.example/feed/"))
    #expect(throws: FeedInputError.self) {
      try FeedInput.classify("https://a.example/feed/\r\n/etc/shadow", directory: "/")
    }
  }
}
