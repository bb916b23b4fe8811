import Testing

@testable import LingkarPipeline

/// The rule of `ReadingEligibility`: what may be put forward as a reading.
@Suite("ReadingEligibility")
struct ReadingEligibilityTests {
  let title = "Asesmen formatif lima menit"

  @Test(
    "the link must be http or https with a host",
    arguments: [
      ("https://guru.example/a", true), ("http://guru.example/a", true), ("HTTPS://Guru.Example/a", true),
      ("ftp://guru.example/a", false), ("mailto:guru@example.org", false), ("/2026/12/a", false),
      ("https://", false), ("guru.example/a", false), ("", false),
    ])
  func link(_ link: String, _ eligible: Bool) {
    #expect(ReadingEligibility.isEligible(title: title, link: link) == eligible)
  }

  @Test("no link, no reading; no title (a social post) is fine")
  func missing() {
    #expect(!ReadingEligibility.isEligible(title: title, link: nil))
    #expect(ReadingEligibility.isEligible(title: nil, link: "https://guru.example/a"))
  }

  @Test(
    "a title must look like a title",
    arguments: [
      ("Pojok baca kelas 4", true),
      ("Rapat guru jam 10:00 pagi", true),  // a clock time without seconds is a normal title
      ("Catatan 2026-12-07: rapat", true),  // a date alone is too
      ("Rapat guru https://guru.example/rapat", false),  // swallowed its link
      ("Rapat guru HTTP://guru.example/rapat", false),
      ("Rapat guru 10:00:00", false),  // swallowed the date after an unclosed <title>
      ("Rapat 2026-12-07T10", false),
      ("Rapat 2026-12-07T", true),
      (String(repeating: "é", count: 200), true),  // 200 characters, counted as characters
      (String(repeating: "a", count: 201), false),
    ])
  func titles(_ title: String, _ eligible: Bool) {
    #expect(ReadingEligibility.isEligible(title: title, link: "https://guru.example/a") == eligible)
  }
}
