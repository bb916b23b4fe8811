import Foundation
import Testing

@testable import LingkarRank

/// The byte-level tokenizer must give exactly what the scalar one (`ScalarTokenizer`) gives.
struct TokenizerEquivalenceTests {
  static let samples = [
    "Guru KREATIF, café! Über naïve ÉLÈVE", "anak-anak berlari-lari anak-anaknya well-being",
    "#KurikulumMerdeka #PLCMeeting #guru_hebat2025 #Literasi4All keren", "halo @bu_sari@mastodon.social lihat",
    "email a@b.id, see https://x.id/a?b=1 and WWW.Example.com/x and http://a.b ya",
    "usia 4-6 tahun, skor 3.5, p5; 1.000,50",
    "the teacher's desk; don't; teachers’ room; ‐x‑y", "Ἀθῆναι, Москва, 東京 日本語テキスト, عربى, नमस्ते",
    "a-b-c--d -x y- 'quoted' end.", "x\u{00A0}https://a.b\u{2003}next", "ß STRASSE İstanbul ǅ",
    "#Ω #_x # @ @@ 3.a a.3 3,5,7",
  ]

  @Test("samples and the evaluation set tokenize the same both ways")
  func sameTokens() throws {
    for sample in Self.samples { #expect(Tokenizer.tokens(sample) == ScalarTokenizer.tokens(sample), "\(sample)") }
    let url = try #require(Bundle.module.url(forResource: "eval-set", withExtension: "jsonl", subdirectory: "Fixtures"))
    for item in try EvaluationItem.parseLines(String(contentsOf: url, encoding: .utf8)) {
      #expect(Tokenizer.tokens(item.title + "\n" + item.text) == ScalarTokenizer.tokens(item.title + "\n" + item.text))
    }
  }
}
