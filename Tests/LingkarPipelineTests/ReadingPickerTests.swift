import LingkarModel
import Testing

@testable import LingkarPipeline

/// The one reading picker, for the digest's suggestions, the agenda and the book club.
@Suite("ReadingPicker")
struct ReadingPickerTests {
  @Test("one reading picker: best first, a new source or language per slot, mixed counts as Indonesian")
  func picker() {
    func item(_ key: String, feed: String, language: String) -> DigestItem {
      DigestItem(
        key: key, feedURL: feed, title: key, link: "https://x.example/\(key)", published: nil, language: language,
        summary: "")
    }
    let items = [
      item("a", feed: "f1", language: "id"), item("b", feed: "f1", language: "en"),
      item("c", feed: "f2", language: "mixed"), item("d", feed: "f3", language: "en"),
      item("e", feed: "f1", language: "id"),
    ]
    // d brings a new source and English; then c a new source (mixed is Indonesian, already there).
    #expect(ReadingPicker(minimum: 3, maximum: 3).pick(items).map(\.key) == ["a", "d", "c"])
    // With room for five, b and e bring nothing new: taken only to reach the minimum.
    #expect(ReadingPicker(minimum: 3, maximum: 5).pick(items).map(\.key) == ["a", "d", "c"])
    #expect(ReadingPicker(minimum: 4, maximum: 5).pick(items).map(\.key) == ["a", "d", "c", "b"])
    // Unfit items are never readings.
    let unfit = DigestItem(
      key: "x", feedURL: "f9", title: "x", link: "ftp://x.example/x", published: nil, language: "en", summary: "")
    #expect(ReadingPicker().pick([unfit] + items).first?.key == "a")
  }
}
