import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

/// The digest and the agenda take one ranked period, show an item one way and pick readings one way.
@Suite("A ranked period, built once")
struct RankedPeriodTests {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12-02T...Z
  static let day = 86_400.0

  /// Posts on assessment, each in its own words (alike posts would be one story).
  static let texts = [
    "a-future": (
      "Rubrik penilaian untuk proyek IPA", "Rubrik penilaian,\n  asesmen formatif untuk proyek IPA kelas 8."
    ),
    "a-late": ("Umpan balik lisan yang bermakna", "Asesmen formatif lewat umpan balik lisan saat diskusi kelompok."),
    "a-recent": (
      "Ujian akhir semester tanpa stres", "Penilaian sumatif: menyusun soal ujian akhir semester yang adil."
    ),
    "a-updated": ("Portofolio siswa sebagai asesmen", "Asesmen portofolio: siswa memilih karya terbaik dan refleksi."),
  ]

  static func item(_ id: String, feed: Int, published: Date?, updated: Date? = nil) -> Entry {
    let text = texts[id] ?? ("Asesmen \(id)", "Asesmen formatif \(id)")
    return Entry(
      id: id, title: "\(text.0) \(id)", link: "https://guru\(feed).example/\(id)", published: published,
      updated: updated, authors: ["", "Bu Sari"], summary: text.1, language: "id")
  }

  static func record(_ store: FeedStore, feed: Int, _ entries: [Entry], seen: Date) throws {
    let url = "https://guru\(feed).example/feed"
    _ = try store.record([
      FeedUpdate(
        source: FeedSource(written: url, url: url), status: .ok, validators: Validators(), host: "guru\(feed).example",
        document: FeedDocument(title: "Guru \(feed)", entries: entries), time: seen)
    ])
  }

  @Test("the agenda shows a post as the digest does, and reads the period by the digest's rule (late posts included)")
  func agendaAndDigestAgree() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let seen = Self.now.addingTimeInterval(-Self.day)
    try Self.record(
      store, feed: 0,
      [
        Self.item("a-future", feed: 0, published: Self.now.addingTimeInterval(5 * Self.day))
      ], seen: seen)
    try Self.record(
      store, feed: 3,
      [Self.item("a-updated", feed: 3, published: nil, updated: Self.now.addingTimeInterval(-3 * Self.day))], seen: seen
    )
    // A new feed, first fetched yesterday: its post of 20 days ago was never in an earlier period.
    try Self.record(
      store, feed: 1, [Self.item("a-late", feed: 1, published: Self.now.addingTimeInterval(-20 * Self.day))], seen: seen
    )
    try Self.record(
      store, feed: 2, [Self.item("a-recent", feed: 2, published: Self.now.addingTimeInterval(-2 * Self.day))],
      seen: seen)
    let meeting = CalendarDay("2026-12-03")!
    try PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
      .record(["assessment"], meeting: meeting)
    // A digest that started where an earlier one ended, 14 days ago.
    try store.recordDigest(
      DigestRecord(
        date: "2026-11-18", generated: Self.now.addingTimeInterval(-14 * Self.day),
        from: Self.now.addingTimeInterval(-28 * Self.day), to: Self.now.addingTimeInterval(-14 * Self.day),
        language: "id", itemCount: 0, sourceCount: 0, topics: []))
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("none.yaml"))
    options.now = Self.now
    let digest = try DigestRun(options: options).run().digest

    let agenda = try AgendaRun(
      databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"),
      outputDirectory: directory.file("output"), settings: Settings(), meeting: meeting, now: Self.now
    ).build()
    let readings = try #require(agenda.topics.first).readings
    let titles = Set(readings.compactMap(\.title))
    #expect(titles.contains { $0.hasSuffix("a-late") })
    #expect(readings.count == 4)
    for reading in readings {
      // The same item, field for field, as the digest shows it.
      let shown = try #require(digest.items.first { $0.key == reading.key })
      #expect(
        reading.published == shown.published && reading.summary == shown.summary && reading.author == shown.author)
      #expect(reading.link == shown.link)
    }
    // A date in the future when first seen is no date; `updated` is not a publication date.
    let future = try #require(readings.first { $0.title?.hasSuffix("a-future") == true })
    #expect(future.published == nil)
    #expect(readings.first { $0.title?.hasSuffix("a-updated") == true }?.published == nil)
    #expect(future.summary == "Rubrik penilaian, asesmen formatif untuk proyek IPA kelas 8.")
    #expect(future.author == "Bu Sari")
  }

  @Test("lingkar topics --json writes its topics and item matches with digest.json's own pieces")
  func topicsJSONSharesTheDigestShapes() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let seen = Self.now.addingTimeInterval(-Self.day)
    for (feed, id) in ["a-late", "a-recent", "a-updated"].enumerated() {
      try Self.record(store, feed: feed, [Self.item(id, feed: feed, published: seen)], seen: seen)
    }
    let report = try TopicRun(
      options: TopicRunOptions(
        databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"), since: .days(14),
        now: Self.now)
    ).run()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let topic = try #require((object["topics"] as? [[String: Any]])?.first)
    #expect(topic["id"] as? String == "assessment")
    #expect((topic["labels"] as? [String: Any])?["en"] as? String != nil)
    let breakdown = try #require(topic["breakdown"] as? [String: Any])
    #expect(
      Set(breakdown.keys) == [
        "relevance", "capped", "recency", "engagement", "spread", "novelty", "sources", "sourcesAtCap",
      ])
    let match = try #require(((object["items"] as? [[String: Any]])?.first?["topics"] as? [[String: Any]])?.first)
    #expect(Set(match.keys) == ["id", "score", "matched"])
    // Scores rounded as the digest rounds them.
    let score = try #require(match["score"] as? Double)
    #expect((score * 1000).rounded() / 1000 == score)
  }
}
