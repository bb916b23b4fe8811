import Foundation
import LingkarDigest
import LingkarModel
import Testing

@Suite("Renderers against their golden files")
struct SnapshotTests {
  @Test("the HTML page in Indonesian matches its golden file")
  func htmlIndonesian() {
    assertSnapshot(HTMLRenderer().render(DigestFixture.digest(.id)), named: "digest.id.html")
  }

  @Test("the HTML page in English matches its golden file")
  func htmlEnglish() {
    assertSnapshot(HTMLRenderer().render(DigestFixture.digest(.en)), named: "digest.en.html")
  }

  @Test("the Markdown digest matches its golden file in both languages")
  func markdown() {
    assertSnapshot(MarkdownRenderer().render(DigestFixture.digest(.id)), named: "digest.id.md")
    assertSnapshot(MarkdownRenderer().render(DigestFixture.digest(.en)), named: "digest.en.md")
  }

  @Test("the whole digest as text matches its golden file in both languages")
  func text() {
    assertSnapshot(TextRenderer().render(DigestFixture.digest(.id)), named: "digest-full.id.txt")
    assertSnapshot(TextRenderer().render(DigestFixture.digest(.en)), named: "digest-full.en.txt")
  }

  @Test("the short message for a group matches its golden file in both languages")
  func shortText() {
    let renderer = ShortTextRenderer(fullDigestLink: "https://sdn3sukamaju.example/lingkar/2026-11-29/digest.html")
    assertSnapshot(renderer.render(DigestFixture.digest(.id)), named: "digest.id.txt")
    assertSnapshot(renderer.render(DigestFixture.digest(.en)), named: "digest.en.txt")
  }

  @Test("digest.json matches its golden file")
  func json() {
    assertSnapshot(JSONRenderer().render(DigestFixture.digest(.id)), named: "digest.id.json")
  }

  @Test("the archive page matches its golden file")
  func archive() {
    assertSnapshot(ArchiveRenderer().render(ArchiveFixture.entries, language: .id), named: "index.html")
  }

  @Test("the Atom feed of the digests matches its golden file")
  func atom() {
    let renderer = AtomRenderer(feedID: ArchiveFixture.feedID, siteURL: "https://sdn3sukamaju.example/lingkar/")
    assertSnapshot(renderer.render(ArchiveFixture.entries, language: .id), named: "feed.xml")
  }

  @Test("an empty fortnight still renders a useful page")
  func emptyDigest() {
    let digest = Digest(
      period: DigestPeriod(
        from: DigestFixture.date("2026-11-15"), to: DigestFixture.date("2026-11-29"),
        generated: DigestFixture.date("2026-11-29")),
      language: .en, feeds: [DigestFixture.feeds[0]])
    assertSnapshot(HTMLRenderer().render(digest), named: "empty.en.html")
    assertSnapshot(TextRenderer().render(digest), named: "empty.en.txt")
    assertSnapshot(ShortTextRenderer().render(digest), named: "empty-short.en.txt")
  }
}

enum ArchiveFixture {
  static let feedID = "urn:uuid:6f1c2a9e-4b7d-4e21-9c3a-2d5e8f0a1b34"

  static var entries: [ArchiveEntry] {
    let current = ArchiveEntry(DigestFixture.digest(.id))
    let earlier = ArchiveEntry(
      date: "2026-11-15",
      period: DigestPeriod(
        from: DigestFixture.date("2026-11-01"), to: DigestFixture.date("2026-11-15"),
        generated: DigestFixture.date("2026-11-15")),
      language: .id, utcOffset: DigestFixture.wib, itemCount: 23, sourceCount: 9,
      suggestedTopics: ["Literasi dan Numerasi Siswa", "Pembelajaran Digital dan TIK"])
    let english = ArchiveEntry(
      date: "2026-11-01",
      period: DigestPeriod(
        from: DigestFixture.date("2026-10-18"), to: DigestFixture.date("2026-11-01"),
        generated: DigestFixture.date("2026-11-01")),
      language: .en, utcOffset: DigestFixture.wib, itemCount: 1, sourceCount: 1,
      suggestedTopics: ["Title with <b>markup</b> & \"quotes\""])
    return [earlier, current, english]
  }
}
