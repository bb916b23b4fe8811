import Foundation
import LingkarDigest
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

/// Runs a program with `arguments` and returns its standard output and exit status.
func runProgram(_ path: String, _ arguments: [String], input: Data? = nil) throws -> (output: String, status: Int32) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let output = Pipe()
  let inputPipe = Pipe()
  process.standardOutput = output
  process.standardInput = inputPipe
  process.standardError = FileHandle.nullDevice
  try process.run()
  if let input { inputPipe.fileHandleForWriting.write(input) }
  try inputPipe.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

@Suite("lingkar share: one article read through libcurl + libxml2, stored, in the next digest")
struct SharingTests {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29

  static func failure(_ body: () throws -> Void) -> LingkarFailure? {
    do {
      try body()
      return nil
    } catch {
      return error as? LingkarFailure
    }
  }

  @Test("Open Graph title and description, canonical address; hostile title kept as text and escaped in the digest")
  func sharesAndDigests() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("article")
    let hostile = "Asesmen <script>alert(1)</script> & \"umpan balik\""
    site.page(
      "/asesmen?utm_source=wa",
      """
      <!doctype html><html><head><title>Situs Guru | Beranda</title>
      <meta property="og:title" content="\(hostile.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;"))">
      <meta name="description" content="Cara memberi umpan balik yang membangun kepada siswa.">
      <link rel="canonical" href="/asesmen">
      </head><body><p>isi</p></body></html>
      """)
    site.page(
      "/asesmen",
      "<title>\(hostile.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</title>"
    )
    let run = ShareRun(databasePath: directory.file("lingkar.db"))
    let first = try run.share(
      url: site.url("/asesmen?utm_source=wa"), by: "Bu Ani", note: "Bagus untuk rapat", now: Self.now)
    #expect(first.entry.title == hostile)
    #expect(first.entry.summary == "Cara memberi umpan balik yang membangun kepada siswa.")
    #expect(first.entry.link == site.url("/asesmen"))
    #expect(first.record.isNewArticle)
    #expect(first.message.key == "cli.share.saved")

    // The same article through another spelling of its address, by someone else: one item, two sharers.
    let second = try run.share(url: site.url("/asesmen?utm_source=wa"), by: "Pak Dedi", now: Self.now + 60)
    #expect(!second.record.isNewArticle)
    #expect(second.record.shares.map(\.name) == ["Bu Ani", "Pak Dedi"])
    #expect(second.message.text(in: .id).contains("Bu Ani"))
    // The first sharer again, written differently: still two sharers, and the note is replaced.
    let again = try run.share(url: site.url("/asesmen"), by: "  bu   ANI ", note: "Catatan baru", now: Self.now + 120)
    #expect(again.record.alreadySharedByThem)
    #expect(again.record.shares.count == 2)
    #expect(again.record.shares.first?.note == "Catatan baru")

    let store = try FeedStore(path: run.databasePath)
    #expect(try store.itemCount() == 1)
    #expect(try store.sharedItems().map(\.entry.title) == [hostile])

    var options = DigestRunOptions(
      databasePath: run.databasePath, feedsPath: directory.file("feeds.txt"), topicsPath: directory.file("none.txt"),
      outputDirectory: directory.file("output"), settingsPath: directory.file("none.yaml"))
    options.now = Self.now + 3600
    let written = try DigestRun(options: options).run()
    #expect(written.digest.shared.count == 1)
    let item = try #require(written.digest.shared.first.flatMap { written.digest.item($0) })
    #expect(item.sharedBy.map(\.name) == ["Bu Ani", "Pak Dedi"])
    #expect(item.feedTitle == "Dibagikan guru")
    let html = try String(
      contentsOfFile: try #require(written.paths.first { $0.hasSuffix("digest.html") }), encoding: .utf8)
    #expect(html.contains("<h2 id=\"shared-h\">Dibagikan guru</h2>"))
    #expect(html.contains("dibagikan oleh Bu Ani, Pak Dedi"))
    #expect(!html.contains("<script>alert(1)"))
    #expect(html.contains("Asesmen &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;umpan balik&quot;"))
    let text = try String(
      contentsOfFile: try #require(written.paths.first { $0.hasSuffix("digest-full.txt") }), encoding: .utf8)
    #expect(text.contains("*DIBAGIKAN GURU*"))
    let json = try String(
      contentsOfFile: try #require(written.paths.first { $0.hasSuffix("digest.json") }), encoding: .utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let shared = try #require(object["shared"] as? [[String: Any]])
    #expect(
      (shared.first?["shared_by"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Bu Ani", "Pak Dedi"])
    // The shared articles' feed is no feed of feeds.txt: never "needing attention".
    #expect(!written.digest.feeds.contains { $0.url == FeedStore.sharedFeedURL })

    // Shared again by someone new after that digest: the next digest lists it again, with all three.
    _ = try run.share(url: site.url("/asesmen"), by: "Bu Sari", now: Self.now + 7200)
    options.now = Self.now + 3 * 86_400
    let next = try DigestRun(options: options).run().digest
    #expect(next.shared.compactMap { next.item($0) }.first?.sharedBy.map(\.name) == ["Bu Ani", "Pak Dedi", "Bu Sari"])
    // The same person again moves nothing: the digest after that has no shared article.
    _ = try run.share(url: site.url("/asesmen"), by: "bu sari", now: Self.now + 4 * 86_400)
    options.now = Self.now + 5 * 86_400
    #expect(try DigestRun(options: options).run().digest.shared.isEmpty)
  }

  @Test("a page without a title is kept by its address; a title given by hand is used")
  func untitled() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("untitled")
    site.page("/tanpa-judul", "<html><body><p>Hanya isi, tanpa judul.</p></body></html>")
    site.page("/juga", "<p>juga tanpa judul</p>")
    let run = ShareRun(databasePath: directory.file("lingkar.db"))
    let outcome = try run.share(url: site.url("/tanpa-judul"), by: "Bu Ani", now: Self.now)
    #expect(outcome.untitled)
    #expect(outcome.entry.title == nil)
    #expect(outcome.message.text(in: .en).contains(site.url("/tanpa-judul")))
    let given = try run.share(url: site.url("/juga"), by: "Bu Ani", title: "Judul\nsaya", now: Self.now)
    #expect(given.entry.title == "Judul saya")
  }

  @Test("a Latin-1 page: its <meta charset>, or the charset of Content-Type, decodes the title")
  func charsets() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("latin")
    // "Café literasi – edisi 2" in ISO-8859-1 / windows-1252 bytes (é = E9, – = 96 in windows-1252).
    let meta: [UInt8] =
      Array("<html><head><meta charset=\"iso-8859-1\"><title>Caf".utf8) + [0xE9]
      + Array(" literasi</title></head><body></body></html>".utf8)
    site.serve("/meta", headers: [("Content-Type", "text/html")], body: meta)
    let header: [UInt8] =
      Array("<html><head><title>Caf".utf8) + [0xE9] + Array(" literasi ".utf8) + [0x96]
      + Array(" edisi 2</title></head></html>".utf8)
    site.serve("/header", headers: [("Content-Type", "text/html; charset=windows-1252")], body: header)
    let run = ShareRun(databasePath: directory.file("lingkar.db"))
    #expect(try run.share(url: site.url("/meta"), by: "Bu Ani", now: Self.now).entry.title == "Café literasi")
    #expect(
      try run.share(url: site.url("/header"), by: "Bu Ani", now: Self.now).entry.title == "Café literasi – edisi 2")
  }

  @Test("only web pages over http(s) are shared; a missing page and a PDF are refused with a reason")
  func refusals() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("refused")
    site.serve("/file.pdf", headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.4".utf8))
    let run = ShareRun(databasePath: directory.file("lingkar.db"))
    let file = Self.failure { _ = try run.share(url: "file:///etc/passwd", by: "Bu Ani") }
    #expect(file?.kind == .badUsage)
    #expect(file?.said.key == "cli.share.not_web")
    #expect(
      Self.failure { _ = try run.share(url: site.url("/file.pdf"), by: "Bu Ani") }?.said.key == "cli.share.not_html")
    #expect(
      Self.failure { _ = try run.share(url: site.url("/missing"), by: "Bu Ani") }?.said.key == "cli.share.fetch_failed")
    #expect(Self.failure { _ = try run.share(url: site.url("/missing"), by: " \n ") }?.said.key == "cli.share.no_name")
    let stored =
      FileManager.default.fileExists(atPath: run.databasePath) ? try FeedStore(path: run.databasePath).itemCount() : 0
    #expect(stored == 0)
  }

  @Test("a version-5 database is brought to the new schema with its items kept, then takes shares and votes")
  func upgradesVersionFive() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("old.db")
    try FeedStore(path: path).seed([Entry(id: "a", title: "Lama", link: "https://guru.example/lama")], time: Self.now)
    // What Lingkar before the web, shares and votes left: no such tables, schema version 5.
    let downgrade = try runProgram(
      "/usr/bin/env",
      [
        "python3", "-c",
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript('DROP TABLE shares; DROP TABLE votes;"
          + " DROP TABLE web_sessions; DROP TABLE web_passcodes; PRAGMA user_version=5;'); c.commit(); print(c.execute('PRAGMA user_version').fetchone()[0])",
        path,
      ])
    #expect(downgrade.output.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    let store = try FeedStore(path: path)
    #expect(try store.schemaVersion() == 7)
    #expect(try store.itemCount() == 1)
    let meeting = try #require(CalendarDay("2026-12-10"))
    #expect(try store.toggleVote(meeting: meeting, topicID: "literacy", voter: "Bu Ani", time: Self.now))
    let record = try store.recordShare(
      Entry(id: "https://guru.example/baru", title: "Baru", link: "https://guru.example/baru"),
      share: ArticleShare(name: "Bu Ani", time: Self.now))
    #expect(record.isNewArticle)
    #expect(try store.integrityCheck() == "ok")
  }
}

@Suite("the lingkar binary: share, topics vote, board, feeds teachers")
struct SharingCommandTests {
  /// Runs `lingkar arguments` in `directory` with no language in the environment (Indonesian):
  /// standard output and the exit code.
  static func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    var environment = ProcessInfo.processInfo.environment
    for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment[name] = nil }
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  @Test("each command does its work and says so in words; bad input is exit 2")
  func commands() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("cli")
    site.page("/artikel", "<title>Pojok baca di setiap kelas</title>")
    directory.write("feeds.txt", "https://ani.example/feed \"guru\" # added by Bu Ani 2026-11-01\n")

    let shared = try Self.run(["share", site.url("/artikel"), "--by", "Bu Ani", "--note", "Bagus"], in: directory)
    #expect(shared.status == 0)
    #expect(shared.output.contains("Tulisan disimpan: Pojok baca di setiap kelas."))
    #expect(try Self.run(["share", "ftp://guru.example/x", "--by", "Bu Ani"], in: directory).status == 2)

    let vote = ["topics", "vote", "literasi", "--by", "Pak Dedi", "--meeting", "2026-12-10"]
    let counted = try Self.run(vote, in: directory)
    #expect(counted.status == 0)
    #expect(counted.output.contains("dicatat. Sekarang 1 suara."))
    #expect(try Self.run(vote, in: directory).output.contains("ditarik. Sekarang 0 suara."))
    #expect(
      try Self.run(["topics", "vote", "zzzz", "--by", "A", "--meeting", "2026-12-10"], in: directory).status == 2)
    #expect(try Self.run(["topics", "vote", "literasi", "--by", "A"], in: directory).status == 2)

    let board = try Self.run(["board"], in: directory)
    #expect(board.status == 0)
    #expect(board.output.hasPrefix("Mading ditulis: output/"))
    #expect(board.output.contains("(1 tulisan, 1 halaman)"))

    let teachers = try Self.run(["feeds", "teachers"], in: directory)
    #expect(teachers.status == 0)
    #expect(teachers.output.contains("https://ani.example/feed"))
    #expect(teachers.output.contains("ditambahkan oleh Bu Ani"))
  }
}
