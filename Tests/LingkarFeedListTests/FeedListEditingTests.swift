import Foundation
import LingkarFeedList
import LingkarModel
import Testing

/// A feeds file as people really edit them: comments, blank lines, odd spacing, tabs, a note
/// without tags, a shortcut, and a bad line.
let handEdited = """
  # Feeds of SD Harapan — edit freely, one feed a line

  https://gurukreatif.wordpress.com/feed/ "blog" "id"   # added by Bu Sari 2026-11-29
  \thttps://www.edutopia.org/rss.xml    "en"\t# teaching ideas
  mastodon:@mguhlin@mastodon.education "social"

  # old ones
  #https://msyukur.blogspot.com/feeds/posts/default
  https://broken.example/feed "unclosed
  https://www.cultofpedagogy.com/feed/
  """

@Suite("editing feeds.txt")
struct FeedListEditingTests {
  @Test("reads and writes back every byte, with or without a final line break, with \\r\\n line ends")
  func identity() {
    for text in [handEdited, handEdited + "\n", "", "\n", "\n\n", "a\r\nb\r\n", "x"] {
      #expect(FeedListText(text).bytes == Array(text.utf8))
    }
    let notUTF8: [UInt8] = [0x68, 0xE9, 0x0A, 0xFF]
    #expect(FeedListText(notUTF8).bytes == notUTF8)
  }

  @Test("appending adds exactly one line and keeps the file's last-line-break habit")
  func append() {
    var withBreak = FeedListText(handEdited + "\n")
    withBreak.append("https://new.example/feed/ \"x\"")
    #expect(withBreak.text == handEdited + "\nhttps://new.example/feed/ \"x\"\n")

    var withoutBreak = FeedListText(handEdited)
    withoutBreak.append("https://new.example/feed/")
    #expect(withoutBreak.text == handEdited + "\nhttps://new.example/feed/")

    var crlf = FeedListText("a\r\nb\r\n")
    crlf.append("c")
    #expect(crlf.text == "a\r\nb\r\nc\r\n")

    var empty = FeedListText("")
    empty.append("https://new.example/feed/")
    #expect(empty.text == "https://new.example/feed/\n")
  }

  @Test("removing a line removes only that line")
  func remove() {
    var text = FeedListText(handEdited + "\n")
    text.remove(line: 4)
    var lines = (handEdited + "\n").components(separatedBy: "\n")
    lines.remove(at: 3)
    #expect(text.text == lines.joined(separator: "\n"))

    var last = FeedListText("a\nb")
    last.remove(line: 2)
    #expect(last.text == "a")
  }

  @Test("replacing an address keeps indentation, tags, spacing and note; commenting out keeps the line")
  func replaceAndComment() {
    var text = FeedListText(handEdited)
    text.replaceAddress(line: 4, with: "https://edutopia.org/feed.xml")
    text.commentOut(line: 3, prefix: "gone: ")
    let lines = text.text.components(separatedBy: "\n")
    #expect(lines[3] == "\thttps://edutopia.org/feed.xml    \"en\"\t# teaching ideas")
    #expect(
      lines[2] == "# gone: https://gurukreatif.wordpress.com/feed/ \"blog\" \"id\"   # added by Bu Sari 2026-11-29")
    var original = handEdited.components(separatedBy: "\n")
    original[2] = lines[2]
    original[3] = lines[3]
    #expect(lines == original)
  }

  @Test("an edit on disk changes only what it means to, atomically, and keeps the file's permissions")
  func fileEdit() throws {
    let directory = NSTemporaryDirectory() + "lingkar-edit-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data(handEdited.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    let file = FeedListFile(path: path)
    try file.edit { $0.append("https://new.example/feed/") }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == handEdited + "\nhttps://new.example/feed/")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o640)
    // A failed edit leaves the file alone.
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try file.edit { text in
        text.append("nope"); throw Stop()
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == handEdited + "\nhttps://new.example/feed/")
    // No temporary files are left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["feeds.txt", "feeds.txt.lock"])
  }

  @Test("many edits at once all land")
  func concurrentEdits() async throws {
    let directory = NSTemporaryDirectory() + "lingkar-race-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data(handEdited.utf8).write(to: URL(fileURLWithPath: path))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<16 {
        group.addTask {
          try FeedListFile(path: path).edit { text in
            let list = FeedList(parsing: text.text, directory: directory)
            text.append("https://race.example/\(index)/feed/ # after \(list.sources.count) feeds")
          }
        }
      }
      try await group.waitForAll()
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix(handEdited + "\n"))
    let added = text.components(separatedBy: "\n").filter { $0.hasPrefix("https://race.example/") }
    #expect(added.count == 16)
    // Each edit saw every earlier one: the counts are 4, 5, …, 19 in some order of indices.
    #expect(Set(added.compactMap { $0.components(separatedBy: "after ").last }) == Set((4..<20).map { "\($0) feeds" }))
  }

  @Test("formats a line with quoted tags and a note, dropping what cannot be written")
  func formatLine() {
    #expect(
      FeedList.line(
        address: "https://a.example/feed/", tags: ["blog", "say \"hi\"", "", "Blog"],
        note: "added by Bu Sari 2026-11-29")
        == "https://a.example/feed/ \"blog\" \"say hi\"   # added by Bu Sari 2026-11-29")
    let list = FeedList(
      parsing: FeedList.line(address: "https://a.example/feed/", tags: ["a b"], note: "n # m"), directory: "/")
    #expect(list.sources.first?.tags == ["a b"])
    #expect(list.sources.first?.note == "n # m")
  }

  @Test("reads who added a feed and when, and what else the note says")
  func notes() {
    let note = FeedNote(parsing: "Guru Kreatif; added by Bu Sari 2026-11-29")
    #expect(note == FeedNote(addedBy: "Bu Sari", addedOn: "2026-11-29", description: "Guru Kreatif"))
    #expect(note.text == "Guru Kreatif; added by Bu Sari 2026-11-29")
    #expect(FeedNote(parsing: "teaching ideas") == FeedNote(description: "teaching ideas"))
    #expect(FeedNote(parsing: "added by Pak Budi") == FeedNote(addedBy: "Pak Budi"))
  }

  @Test("finds the same feed under another spelling of its address")
  func matching() {
    let list = FeedList(parsing: handEdited, directory: "/")
    #expect(list.source(matching: "http://GuruKreatif.wordpress.com/feed")?.line == 3)
    #expect(list.source(matching: "https://mastodon.education/@mguhlin.rss")?.line == 5)
    #expect(list.source(matching: "https://www.edutopia.org/rss.xml?utm_source=x")?.line == 4)
    #expect(list.source(matching: "https://other.example/feed/") == nil)
    #expect(list.source(line: 10)?.written == "https://www.cultofpedagogy.com/feed/")
  }
}

@Suite("what a teacher types after feeds add")
struct FeedInputTests {
  @Test(
    "expands every shortcut and a bare Mastodon handle",
    arguments: [
      ("@guru@mastodon.social", "https://mastodon.social/@guru.rss"),
      ("mastodon:@guru@Guru.Social", "https://guru.social/@guru.rss"),
      ("bluesky:guru.bsky.social", "https://bsky.app/profile/guru.bsky.social/rss"),
      (
        "youtube:UCabcdefghijklmnopqrstuv",
        "https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv"
      ),
      ("blogger:gurukreatif", "https://gurukreatif.blogspot.com/feeds/posts/default"),
      ("wordpress:gurukreatif", "https://gurukreatif.wordpress.com/feed/"),
      ("medium:@guru", "https://medium.com/feed/@guru"),
      ("substack:guru", "https://guru.substack.com/feed"),
    ])
  func shortcuts(input: String, url: String) throws {
    #expect(try FeedInput.classify(input, directory: "/") == .shortcut(written: input, url: url))
  }

  @Test("takes addresses, bare hosts, YouTube handles and local files")
  func others() throws {
    #expect(try FeedInput.classify("https://guru.example/", directory: "/") == .web(url: "https://guru.example/"))
    #expect(
      try FeedInput.classify(" gurukreatif.wordpress.com ", directory: "/")
        == .web(url: "https://gurukreatif.wordpress.com"))
    #expect(try FeedInput.classify("youtube:@GuruBelajar", directory: "/") == .youTubeHandle("GuruBelajar"))
    #expect(
      try FeedInput.classify("/srv/local.xml", directory: "/")
        == .localFile(written: "/srv/local.xml", url: "file:///srv/local.xml"))
  }

  @Test(
    "refuses X, Twitter and Facebook, saying what to add instead",
    arguments: [
      "x:guru", "twitter:@guru", "facebook:sekolah", "https://x.com/guru", "https://twitter.com/guru",
      "https://www.facebook.com/sekolah", "https://m.facebook.com/sekolah",
    ])
  func refused(input: String) {
    do {
      _ = try FeedInput.classify(input, directory: "/")
      Issue.record("accepted \(input)")
    } catch {
      guard case .refused = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(error.message.text(in: .en).contains("publishes no feeds"))
      #expect(error.message.text(in: .en).contains("Mastodon"))
    }
  }

  @Test("explains what is wrong with a broken shortcut")
  func broken() {
    #expect(throws: FeedInputError.self) { try FeedInput.classify("mastodon:nobody", directory: "/") }
    #expect(throws: FeedInputError.empty) { try FeedInput.classify("  ", directory: "/") }
  }
}
