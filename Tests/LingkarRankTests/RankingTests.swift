import Foundation
import LingkarModel
import Testing

@testable import LingkarRank

struct RankingTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  func item(_ key: String, _ source: String, _ title: String, _ text: String, daysAgo: Double = 1, comments: Int = 0)
    -> RankItem
  {
    RankItem(
      key: key, source: source, title: title, text: text, link: "https://\(source)/\(key)",
      published: now.addingTimeInterval(-daysAgo * 86_400), comments: comments)
  }

  var sample: [RankItem] {
    [
      item("a1", "a.blog", "Rubrik asesmen formatif", "Kami menyusun rubrik penilaian dan umpan balik untuk siswa."),
      item(
        "b1", "b.blog", "Peer assessment in Year 8",
        "Students gave each other feedback with a rubric before the summative assessment."),
      item("c1", "c.blog", "Pojok baca di kelas", "Literasi membaca: anak-anak membaca buku cerita setiap pagi."),
      item("d1", "d.blog", "Snow day", "Enjoy the hot chocolate, everyone."),
    ]
  }

  @Test("the same input gives the same output, whatever the input order")
  func determinism() {
    let ranker = Ranker()
    let first = ranker.rank(sample, now: now)
    #expect(first == ranker.rank(sample, now: now))
    let shuffled = ranker.rank(sample.reversed(), now: now)
    #expect(first.topics == shuffled.topics)
    #expect(first.items.map(\.key) == shuffled.items.map(\.key))
  }

  @Test("items get their topic with evidence, or none")
  func classification() {
    let result = Ranker().rank(sample, now: now)
    let byKey = Dictionary(uniqueKeysWithValues: result.items.map { ($0.key, $0) })
    #expect(byKey["a1"]?.topics.first?.topicID == "assessment")
    #expect(byKey["a1"]?.topics.first?.matched.contains("rubrik") == true)
    #expect(byKey["b1"]?.topics.first?.topicID == "assessment")
    #expect(byKey["c1"]?.topics.first?.topicID == "literacy")
    #expect(byKey["d1"]?.topics.isEmpty == true)
  }

  @Test("one prolific source cannot carry a topic past the per-source cap")
  func perSourceCap() {
    let texts = [
      "Pojok baca baru di kelas tiga penuh buku cerita bergambar.",
      "Numerasi: siswa menghitung uang kembalian di kantin sekolah.",
      "Literasi digital? Bukan, hari ini tentang kelancaran membaca nyaring.",
      "Perpustakaan sekolah kini buka sampai sore untuk peminjaman.",
      "Soal cerita matematika dasar membuat anak belajar memahami bacaan.",
      "Literacy week: reading comprehension games with leveled readers.",
    ]
    var items = texts.enumerated().map { index, text in
      item("p\(index)", "prolific.blog", "Literasi \(index)", text)
    }
    items.append(item("x1", "one.blog", "Asesmen formatif", "Rubrik penilaian dan umpan balik asesmen."))
    items.append(item("x2", "two.blog", "Formative assessment", "Rubric, feedback and assessment for learning."))
    let result = Ranker().rank(items, now: now)
    let literacy = result.topics.first { $0.id == "literacy" }
    #expect(literacy?.breakdown.sourcesAtCap == 1)
    #expect((literacy?.breakdown.capped ?? 99) <= PeriodOptions().perSourceCap + 1e-9)
    #expect(result.topics.first?.id == "assessment")
  }

  @Test("a topic discussed at a recent meeting is damped")
  func novelty() {
    let ranker = Ranker()
    let plain = ranker.rank(sample, now: now)
    let damped = ranker.rank(
      sample, discussed: [DiscussedTopic(topicID: "assessment", date: now.addingTimeInterval(-2 * 86_400))], now: now)
    let before = plain.topics.first { $0.id == "assessment" }
    let after = damped.topics.first { $0.id == "assessment" }
    #expect((after?.breakdown.novelty ?? 1) < 1)
    #expect((after?.score ?? 0) < (before?.score ?? 0))
    let old = ranker.rank(
      sample, discussed: [DiscussedTopic(topicID: "assessment", date: now.addingTimeInterval(-60 * 86_400))], now: now)
    #expect(old.topics.first { $0.id == "assessment" }?.score == before?.score)
  }

  @Test("the same story in two feeds is grouped both ways")
  func duplicates() {
    let text =
      "Kombel minggu ini membahas cara mengamati kelas teman tanpa menghakimi. Lembar observasinya kami rancang bersama."
    let items = [
      item("m", "@pakguru@guru.social", "", text + " #kombel"),
      item("b", "pakguru.bsky.social", "", text),
      item("o", "other.blog", "Snow day", "Enjoy the hot chocolate, everyone."),
    ]
    let result = Ranker().rank(items, now: now)
    let byKey = Dictionary(uniqueKeysWithValues: result.items.map { ($0.key, $0) })
    #expect(byKey["m"]?.duplicates == ["b"])
    #expect(byKey["b"]?.duplicates == ["m"])
    #expect(byKey["o"]?.duplicates == [])
  }
}

@Suite("Ranking edge cases")
struct RankingEdgeCaseTests {
  @Test("groups no documents without trouble (an empty period or history)")
  func emptyDuplicateGroups() {
    #expect(DuplicateFinder().groups(documents: [], shingleHashes: [], links: []).isEmpty)
  }

  @Test("items with the same link are one story, however different their texts; other links stay apart")
  func sameLinkIsOneStory() {
    let analyzer = TextAnalyzer()
    let texts = [
      "Refleksi akhir semester bersama murid kelas lima",
      "Year 9 students plan their own science fair",
      "Catatan rapat komunitas belajar guru matematika",
      "A long post about phonics for early readers",
      "Rubrik presentasi kelompok untuk kelas sembilan",
    ]
    let documents = texts.map { AnalyzedDocument(analyzer: analyzer, title: "", text: $0, declaredLanguage: nil) }
    let link = "https://guru.example/2025/11/" + String(repeating: "sebuah-tautan-yang-panjang-", count: 4)
    let links: [String?] = [link, "https://guru.example/other", nil, link, ""]
    let groups = DuplicateFinder().groups(documents: documents, shingleHashes: analyzer.shingleHashes, links: links)
    #expect(groups == [0, 1, 2, 0, 4])
  }
}
