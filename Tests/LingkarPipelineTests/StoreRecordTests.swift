import Foundation
import LingkarDigest
import LingkarModel
import LingkarTestSupport
import Testing

@testable import LingkarPipeline
@testable import LingkarStore

/// The store is the only record of what was written: `output/` is only ever written, so deleting
/// it changes nothing that follows.
@Suite("The store is the only record")
struct StoreRecordTests {
  static let day = 86_400.0
  /// 2026-11-14T20:00:00Z: already 2026-11-15 on the school's clock (UTC+7), so a digest record
  /// that lost its clock would show another day in the archive.
  static let first = Date(timeIntervalSince1970: 1_794_686_400)
  static let second = first.addingTimeInterval(14 * day)
  static let offset = 7 * 3600

  /// Items on four topics, published in the `days` before `now` and first seen at `now`.
  static func storeItems(_ store: FeedStore, now: Date, tag: String) throws {
    let texts = [
      ("Asesmen formatif dan rubrik penilaian", "Asesmen formatif, umpan balik dan rubrik penilaian di kelas."),
      ("Pojok baca dan literasi membaca", "Literasi membaca: pojok baca kelas dan membaca bersama setiap pagi."),
      ("Kesejahteraan guru dan stres kerja", "Kesejahteraan guru: mengelola stres, beban kerja dan burnout."),
      ("Coding dan robotika di kelas sains", "STEM: eksperimen sains, coding dan robotika untuk siswa SMP."),
    ]
    for feed in 0..<3 {
      var entries: [Entry] = []
      for (topic, text) in texts.enumerated() where (topic + feed) % 4 != 3 {
        entries.append(
          Entry(
            id: "\(tag)-\(feed)-\(topic)", title: "\(text.0) \(tag) \(feed)",
            link: "https://guru\(feed).example/\(tag)/\(topic)",
            published: now.addingTimeInterval(-Double(topic + feed + 1) * 3 * 3600), summary: text.1))
      }
      let url = "https://guru\(feed).example/feed"
      _ = try store.record([
        FeedUpdate(
          source: FeedSource(written: url, url: url), status: .ok, validators: Validators(),
          host: "guru\(feed).example",
          document: FeedDocument(title: "Guru \(feed)", entries: entries), time: now)
      ])
    }
  }

  static func options(_ directory: TemporaryDirectory, now: Date) -> DigestRunOptions {
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("none.yaml"))
    options.now = now
    options.utcOffset = offset
    return options
  }

  /// What a second digest shows after a first one and a meeting that picked the first's best topic.
  struct Outcome {
    var firstSuggestions: [TopicSuggestion]
    var suggestions: [TopicSuggestion]
    var index: String
    var feed: String
    var feedIDs: [String]
  }

  /// An Atom feed with every `<id>` emptied.
  static func withoutIDs(_ xml: String) -> String {
    xml.replacingOccurrences(of: "<id>urn:uuid:[0-9a-f-]{36}</id>", with: "<id/>", options: .regularExpression)
  }

  static func feedID(_ xml: String) -> String {
    xml.components(separatedBy: "<id>")[1].components(separatedBy: "</id>")[0]
  }

  static func twoDigests(deletingOutput: Bool) throws -> Outcome {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try storeItems(store, now: first, tag: "one")
    let one = try DigestRun(options: options(directory, now: first)).run()
    let firstFeed = try #require(DigestWriterTests.read(directory.file("output/feed.xml")))
    let picked = try #require(one.digest.suggestions.first).topicID
    try store.recordPicks(
      MeetingPicks(
        meeting: try #require(CalendarDay("2026-11-18")), topicIDs: [picked], recorded: first.addingTimeInterval(day)))
    if deletingOutput { try FileManager.default.removeItem(atPath: directory.file("output")) }
    try storeItems(store, now: second.addingTimeInterval(-day), tag: "two")
    let two = try DigestRun(options: options(directory, now: second)).run()
    let feed = try #require(DigestWriterTests.read(directory.file("output/feed.xml")))
    return Outcome(
      firstSuggestions: one.digest.suggestions, suggestions: two.digest.suggestions,
      index: try #require(DigestWriterTests.read(directory.file("output/index.html"))),
      feed: feed, feedIDs: [feedID(firstFeed), feedID(feed)])
  }

  @Test("deleting output/ between two digests changes nothing: suggestions, carry-over marks, archive and feed")
  func deletingOutputChangesNothing() throws {
    let kept = try Self.twoDigests(deletingOutput: false)
    let deleted = try Self.twoDigests(deletingOutput: true)
    #expect(kept.firstSuggestions.count == 3)
    // The topics suggested and passed over at the meeting come back, marked.
    #expect(kept.suggestions.contains { $0.carriedOver })
    #expect(deleted.suggestions == kept.suggestions)
    #expect(deleted.index == kept.index)
    #expect(deleted.index.contains("2026-11-15/digest.html") && deleted.index.contains("2026-11-29/digest.html"))
    // Each database keeps its own feed id for good (the entries' ids derive from it); apart from
    // the ids the feeds are the same.
    #expect(deleted.feedIDs[0] == deleted.feedIDs[1] && kept.feedIDs[0] == kept.feedIDs[1])
    #expect(Self.withoutIDs(deleted.feed) == Self.withoutIDs(kept.feed))
    #expect(deleted.feed.components(separatedBy: "<entry ").count - 1 == 2)
  }

  @Test("the record keeps the suggestions with their marks and labels, the clock and the files written")
  func recordHoldsSuggestions() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try Self.storeItems(store, now: Self.first, tag: "one")
    let written = try DigestRun(options: Self.options(directory, now: Self.first)).run()
    let record = try #require(try store.digest(date: "2026-11-15"))
    #expect(record.suggestions.map(\.topicID) == written.digest.suggestions.map(\.topicID))
    #expect(record.suggestions.allSatisfy { !$0.carriedOver })
    let label = try #require(written.digest.topic(record.suggestions[0].topicID)?.label)
    #expect(record.suggestions[0].labelID == label.id && record.suggestions[0].labelEN == label.en)
    #expect(record.utcOffset == Self.offset)
    #expect(record.files == written.paths)
    #expect(
      try store.metaValue("feed_id") == Self.feedID(try #require(DigestWriterTests.read(written.paths.last ?? ""))))
  }

  @Test("a version-4 database with digests in output/ adopts them once: feed id, suggestions, clock, archive")
  func migrationAdoptsOutput() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // A database as Lingkar left it at schema 4, with the digest of 2026-11-15 recorded.
    do {
      let connection = try SQLiteConnection(path: directory.file("lingkar.db"))
      for step in Migrations.steps.prefix(4) { try connection.execute(step) }
      try connection.execute(
        """
        PRAGMA user_version = 4;
        INSERT INTO digests (date, generated, period_from, period_to, language, items, sources)
          VALUES ('2026-11-15', 1794726000, 1793516400, 1794726000, 'id', 1, 1);
        """)
    }
    // Its files, and an older digest the database never recorded, as that Lingkar wrote them.
    let output = directory.file("output")
    let oldID = "urn:uuid:3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b"
    let digests = [15, 22].map { DigestWriterTests.digest(ending: $0, titles: ["Pojok baca", "Klub buku guru"]) }
    for digest in digests {
      try FileManager.default.createDirectory(
        atPath: "\(output)/\(digest.dateStamp)", withIntermediateDirectories: true)
      directory.write("output/\(digest.dateStamp)/digest.json", JSONRenderer().render(digest))
    }
    directory.write(
      "output/feed.xml",
      AtomRenderer(feedID: oldID).render(
        digests.map { ArchiveEntry($0) }, language: .id))

    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try Migrations.version(store.connection) == Migrations.latest)
    try Self.storeItems(store, now: Self.second.addingTimeInterval(-Self.day), tag: "two")
    // The meeting after the digest of 2026-11-15 picked another topic: literacy carries over.
    try store.recordPicks(
      MeetingPicks(meeting: try #require(CalendarDay("2026-11-18")), topicIDs: ["stem"], recorded: Self.first))
    let options = Self.options(directory, now: Self.second)
    let written = try DigestRun(options: options).run()

    let feed = try #require(DigestWriterTests.read(directory.file("output/feed.xml")))
    #expect(Self.feedID(feed) == oldID)
    #expect(try store.metaValue("feed_id") == oldID)
    let records = try store.allDigests()
    #expect(records.map(\.date) == ["2026-11-15", "2026-11-22", "2026-11-29"])
    #expect(records.map(\.adopted) == [false, true, false])
    #expect(records[0].suggestions.map(\.topicID) == ["literacy"])
    #expect(records[0].suggestions.first?.labelEN == "Student Literacy and Numeracy")
    #expect(records[0].utcOffset == 7 * 3600)
    #expect(records[0].files.first == "\(output)/2026-11-15/digest.html")
    // The adopted digest is in the archive, but `--since last` starts where the recorded one ended
    // (the adopted one is newer, and is not a period's end).
    #expect(written.digest.period.from == Date(timeIntervalSince1970: 1_794_726_000))
    #expect(written.digest.suggestions.contains { $0.topicID == "literacy" && $0.carriedOver })
    let index = try #require(DigestWriterTests.read(directory.file("output/index.html")))
    for date in ["2026-11-15", "2026-11-22", "2026-11-29"] { #expect(index.contains("\(date)/digest.html")) }

    // Once adopted, output/ is never read again: without it the next digest keeps the same id.
    try FileManager.default.removeItem(atPath: output)
    _ = try DigestRun(options: options).run()
    #expect(Self.feedID(try #require(DigestWriterTests.read(directory.file("output/feed.xml")))) == oldID)
    #expect(try store.allDigests().map(\.date) == ["2026-11-15", "2026-11-22", "2026-11-29"])
  }

  @Test("lingkar mail's digest is made from the store: the recorded period, clock and suggestions")
  func rebuildFromStore() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try Self.storeItems(store, now: Self.first, tag: "one")
    let one = try DigestRun(options: Self.options(directory, now: Self.first)).run()
    try Self.storeItems(store, now: Self.second.addingTimeInterval(-Self.day), tag: "two")
    let two = try DigestRun(options: Self.options(directory, now: Self.second)).run()
    try FileManager.default.removeItem(atPath: directory.file("output"))

    let run = DigestRun(options: Self.options(directory, now: Self.second.addingTimeInterval(Self.day)))
    let newest = try #require(try run.rebuild(date: nil))
    #expect(newest.dateStamp == "2026-11-29")
    #expect(newest == two.digest)
    let older = try #require(try run.rebuild(date: "2026-11-15"))
    #expect(older.period == one.digest.period && older.utcOffset == Self.offset)
    #expect(older.suggestions == one.digest.suggestions)
    #expect(older.items.map(\.key) == one.digest.items.map(\.key))
    #expect(try run.rebuild(date: "2026-10-01") == nil)
  }

  @Test("lingkar mail sends the recorded digest with output/ deleted; a date without a digest is named")
  func mailCommandUsesStore() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try LingkarPipelineTests.storeItems(5, in: directory)
    #expect(try runLingkar(["digest", "--lang", "en"], in: directory.path).status == 0)
    try FileManager.default.removeItem(atPath: directory.file("output"))
    let sink = try SMTPSink()
    defer { sink.stop() }
    directory.write(
      "lingkar.yaml",
      """
      school: SMP Harapan
      mail:
        url: \(sink.url)
        from: "Lingkar <lingkar@contoh.sch.id>"
        to:
          - guru@contoh.sch.id

      """)
    let sent = try runLingkar(["mail"], in: directory.path)
    #expect(sent.status == 0, "\(sent.stderr)")
    let raw = try sink.raw(1)
    #expect(raw.contains("Content-Type: text/html; charset=UTF-8") && raw.contains("guru@contoh.sch.id"))
    #expect(!FileManager.default.fileExists(atPath: directory.file("output")))
    let missing = try runLingkar(["mail", "--date", "2020-01-01"], in: directory.path)
    #expect(missing.status == 1 && missing.stderr.contains("no digest of 2020-01-01"))
  }
}
