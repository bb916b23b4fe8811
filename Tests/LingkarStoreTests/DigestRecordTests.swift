import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@Suite("SQLite store: periods and digests")
struct DigestRecordTests {
  let seen = Date(timeIntervalSince1970: 1_800_000_000)
  let source = FeedSource(written: "https://guru.example/feed", url: "https://guru.example/feed")

  func record(_ entries: [Entry], in store: FeedStore) throws {
    try store.seed(entries, time: seen, feed: source.written)
  }

  @Test("items are placed by published date, else first seen; a date in the future counts as first seen")
  func placement() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let day = 86_400.0
    try record(
      [
        Entry(
          id: "old", title: "Old", published: seen.addingTimeInterval(-30 * day), authors: ["Bu Sari", "Pak Bayu"]),
        Entry(id: "undated", title: "Undated"),
        Entry(id: "future", title: "Future", published: seen.addingTimeInterval(400 * day)),
      ], in: store)
    let recent = try store.items(since: seen.addingTimeInterval(-day), until: seen.addingTimeInterval(day))
    #expect(recent.map(\.entry.id) == ["future", "undated"])
    #expect(recent.allSatisfy { $0.date == seen })
    let older = try store.items(since: seen.addingTimeInterval(-60 * day), until: seen.addingTimeInterval(-day))
    #expect(older.map(\.entry.id) == ["old"])
    #expect(older.first?.entry.authors == ["Bu Sari", "Pak Bayu"])
    #expect(try store.items(since: seen.addingTimeInterval(300 * day)).isEmpty)
    #expect(try store.lastItemDates() == [source.written: seen])
  }

  @Test("a digest is recorded with its topics; one per date, the newest first; a rerun replaces it")
  func digests() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    func digest(_ date: String, to: Double, topics: [DigestRecord.Topic]) -> DigestRecord {
      DigestRecord(
        date: date, generated: Date(timeIntervalSince1970: to), from: Date(timeIntervalSince1970: to - 1000),
        to: Date(timeIntervalSince1970: to), language: "id", itemCount: 3, sourceCount: 2, topics: topics)
    }
    let first = digest(
      "2026-11-15", to: 1000, topics: [.init(id: "assessment", rank: 1, score: 2.5, itemKeys: ["a", "b"])])
    try store.recordDigest(first)
    try store.recordDigest(digest("2026-11-29", to: 2000, topics: []))
    let again = digest(
      "2026-11-29", to: 2500,
      topics: [
        .init(id: "literacy", rank: 1, score: 1, itemKeys: ["c"]), .init(id: "stem", rank: 2, score: 0.5, itemKeys: []),
      ])
    try store.recordDigest(again)

    #expect(try store.digests() == [again, first])
    #expect(try store.digests(excluding: "2026-11-29") == [first])
    #expect(try store.digests(endingBy: Date(timeIntervalSince1970: 1500)) == [first])
    #expect(try store.digests(limit: 1) == [again])
  }
}
