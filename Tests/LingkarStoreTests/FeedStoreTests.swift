import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@Suite("SQLite store")
struct FeedStoreTests {
  let time = Date(timeIntervalSince1970: 1_800_000_000)
  let source = FeedSource(written: "https://guru.example/feed", url: "https://guru.example/feed")

  func entries(_ count: Int, suffix: String = "") -> [Entry] {
    (0..<count).map {
      Entry(
        id: "e\($0)", title: "Post \($0)\(suffix)", link: "HTTP://Guru.Example/p/\($0)?utm_source=rss&x=1#c",
        comments: 1)
    }
  }

  func update(_ entries: [Entry], status: FeedStatus = .ok, etag: String? = "v1") -> FeedUpdate {
    FeedUpdate(
      source: source, status: status, validators: Validators(etag: etag), host: "guru.example",
      document: FeedDocument(title: "Guru", entries: entries), time: time)
  }

  @Test("migrates a new file to the latest schema, in WAL mode")
  func migrates() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try store.schemaVersion() == 6)
    #expect(try store.integrityCheck() == "ok")
    #expect(FileManager.default.fileExists(atPath: directory.file("lingkar.db-wal")))
    // Opening again runs no step twice.
    #expect(try FeedStore(path: directory.file("lingkar.db")).schemaVersion() == 6)
  }

  @Test("counts new items once; an edited post is updated, not new; more comments are not an edit")
  func newAndEdited() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try store.record([update(entries(3))]).new == 3)
    #expect(try store.record([update(entries(3))]) == FeedStore.BatchSummary())
    var more = entries(4)
    more[0].comments = 9
    let second = try store.record([update(more)])
    #expect(second.new == 1 && second.updated == 0)
    let edited = try store.record([update(entries(4, suffix: " (fixed typo)"))])
    #expect(edited.new == 0 && edited.updated == 4)
    #expect(try store.itemCount() == 4)
  }

  @Test("keeps validators, and keeps items when a later fetch fails")
  func failureKeepsItems() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try store.record([update(entries(2))])
    let failed = FeedUpdate(
      source: source, status: .failed, failure: .http(500), nextFetch: time.addingTimeInterval(1800), time: time)
    try store.record([failed])
    try store.record([failed])
    let state = try #require(try store.feedStates()[source.written])
    #expect(state.validators.etag == "v1")
    #expect(state.failureStreak == 2)
    #expect(state.status == .failed)
    #expect(state.error?.contains("HTTP 500") == true)
    #expect(state.nextFetch == time.addingTimeInterval(1800))
    #expect(try store.itemCount() == 2)
    try store.record([FeedUpdate(source: source, status: .notModified, time: time)])
    #expect(try store.feedStates()[source.written]?.failureStreak == 0)
  }

  @Test("records moves and gone feeds")
  func movedAndGone() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    var moved = update(entries(1), status: .moved)
    moved.movedTo = "https://new.example/feed"
    try store.record([moved])
    #expect(try store.feedStates()[source.written]?.movedTo == "https://new.example/feed")
    try store.record([FeedUpdate(source: source, status: .gone, failure: .http(410), time: time)])
    #expect(try store.feedStates()[source.written]?.gone == true)
    #expect(try store.itemCount() == 1)
  }

  @Test("stores a canonical link: lower-cased host, https, no utm_* and no fragment")
  func canonicalLink() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try store.record([update(entries(1))])
    #expect(try store.canonicalLinks(feed: source.written) == ["https://guru.example/p/0?x=1"])
    #expect(CanonicalLink.of("http://A.example:80/x?utm_medium=a#f") == "https://a.example/x")
    #expect(CanonicalLink.of("mailto:a@b") == nil)
  }

  @Test("a second lock on the same database is refused while the first is held")
  func runLock() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db.lock")
    var first: RunLock? = try RunLock(path: path, wait: 0)
    #expect(first != nil)
    #expect(throws: StoreError.self) { try RunLock(path: path, wait: 0) }
    first = nil
    _ = try RunLock(path: path, wait: 0)
  }
}
