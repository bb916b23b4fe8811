import Foundation
import LingkarModel
import LingkarTestSupport
import Testing

@testable import LingkarStore

@Suite("Content hashes")
struct ContentHashTests {
  let time = Date(timeIntervalSince1970: 1_800_000_000)
  let source = FeedSource(written: "https://guru.example/feed", url: "https://guru.example/feed")

  func update(_ entries: [Entry]) -> FeedUpdate {
    FeedUpdate(
      source: source, status: .ok, host: "guru.example", document: FeedDocument(title: "Guru", entries: entries),
      time: time)
  }

  func entries(title: String = "Post") -> [Entry] {
    (0..<3).map { Entry(id: "e\($0)", title: "\(title) \($0)", content: String(repeating: "isi ✏️ ", count: $0 * 7)) }
  }

  @Test("the digest is fixed: stored hashes stay comparable across versions and processes")
  func knownValues() {
    var empty = ContentHasher()
    empty.combine("")
    var text = ContentHasher()
    text.combine("guru ✏️ é, a sentence longer than eight bytes")
    #expect(ContentHasher().digest == "2:9e3779b97f4a7c15")
    #expect(empty.digest == "2:2e72b465600b6cb4")
    #expect(empty.digest != ContentHasher().digest)
    #expect(text.digest == ContentHasherTestValues.sentence)
  }

  @Test("string boundaries count: (ab, c) and (a, bc) differ; so do the same bytes in other words")
  func boundaries() {
    var first = ContentHasher()
    first.combine("ab")
    first.combine("c")
    var second = ContentHasher()
    second.combine("a")
    second.combine("bc")
    #expect(first.digest != second.digest)
    var long = ContentHasher()
    long.combine("0123456789abcdef")
    var split = ContentHasher()
    split.combine("01234567")
    split.combine("89abcdef")
    #expect(long.digest != split.digest)
  }

  @Test("an item stored with the old FNV-1a hash is not an edit; its hash is rewritten the new way")
  func legacyHashes() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try store.record([update(entries())])
    for entry in entries() {
      try store.connection.statement("UPDATE items SET content_hash = ? WHERE key = ?")
        .bind([.text(FeedStore.legacyContentHash(entry)), .text(entry.stableKey)]).run()
    }
    let again = try store.record([update(entries())])
    #expect(again.new == 0 && again.updated == 0)
    let hashes = try store.connection.statement("SELECT content_hash FROM items ORDER BY key")
    var stored: [String] = []
    while try hashes.step() { stored.append(hashes.text(0) ?? "") }
    #expect(stored == entries().map(FeedStore.contentHash))
    let edited = try store.record([update(entries(title: "Edited"))])
    #expect(edited.new == 0 && edited.updated == 3)
  }
}

/// Computed once with this implementation; a change here means every stored item looks edited.
enum ContentHasherTestValues {
  static let sentence = "2:26fd0000ef95b3f5"  // checked against a Python model of the algorithm
}
