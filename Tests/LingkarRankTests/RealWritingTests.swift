import Foundation
import LingkarModel
import Testing

@testable import LingkarRank

/// Issue 16: off-topic posts from teachers' own accounts stay out, the same story told in other
/// words (or another language) is one story, and secondary topics need their own evidence.
struct RealWritingTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  func item(_ key: String, _ source: String, _ title: String, _ text: String, daysAgo: Double = 1) -> RankItem {
    RankItem(
      key: key, source: source, title: title, text: text, link: "https://\(source)/\(key)",
      published: now.addingTimeInterval(-daysAgo * 86_400))
  }

  @Test("posts about sport, food, faith, gadgets and selling get no topic, even when they meet keywords")
  func everydayLife() {
    let items = [
      item(
        "foot", "@pak_a@guru.social", "",
        "Timnas latihan taktik sore ini, pelatih memimpin latihan dan para pemain menjalani tes kebugaran di stadion."),
      item(
        "food", "@bu_b@guru.social", "",
        "Resep sambal bawang: saya masih belajar membuat sambal yang pas, cabai rawit dan bawang putih digoreng sebentar."
      ),
      item(
        "phone", "c.blog", "Phone review",
        "The new phone's AI camera is clever and the battery lasts a day; charging is fast."),
      item(
        "shop", "@bu_d@guru.social", "",
        "Pelatihan digital untuk UMKM desa: jualan di marketplace, pemasaran lewat WhatsApp. Promo diskon untuk peserta."
      ),
      item(
        "class", "e.blog", "Asesmen formatif",
        "Guru kelas 5 memakai kuis singkat dan umpan balik untuk murid setiap akhir pelajaran."),
    ]
    let scored = Dictionary(uniqueKeysWithValues: Ranker().classify(items).items.map { ($0.key, $0) })
    for key in ["foot", "food", "phone", "shop"] { #expect(scored[key]?.topics.isEmpty == true, "\(key)") }
    #expect(scored["class"]?.topics.first?.topicID == "assessment")
  }

  @Test("names, figures and dates survive rephrasing and translation")
  func anchors() {
    let id = StoryAnchors.of(
      title: "Menteri Tinjau Sekolah",
      text:
        "Pada Selasa (4/11) Menteri meninjau SDN 2 Cibodas di Bandung Barat dan menjanjikan 1.250 bangku serta 100 ribu buku.",
      limit: 1000)
    let en = StoryAnchors.of(
      title: "",
      text: "On Tuesday the minister visited SDN 2 Cibodas in West Bandung, promising 1,250 desks and 100,000 books.",
      limit: 1000)
    let shared = Set(id.anchors).intersection(en.anchors)
    // Cibodas, Bandung, Tuesday = Selasa, 1250, 100000 (`SDN` is a kind of school, not a name).
    #expect(shared.count == 5, "\(shared.count)")
    // Title-case words of a title are not names; a sentence's first word is only a candidate.
    #expect(!id.anchors.contains(StoryAnchors.hash("tinjau".utf8)))
    #expect(en.openers.isEmpty)
    // The duplicate finder buckets anchors by their high bits: weekdays must differ there.
    let days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"].map {
      StoryAnchors.of(title: "", text: "x \($0)", limit: 100).anchors.first ?? 0
    }
    #expect(Set(days.map { $0 >> 32 }).count == 7)
  }

  @Test("the parts of one date are marked as a date, and two events of one Sunday are not one story")
  func dates() {
    func marked(_ text: String) -> [Bool] {
      StoryAnchors.of(title: "", text: text, limit: 1000).anchors.filter { $0 & StoryAnchors.figureBit != 0 }.map {
        $0 & StoryAnchors.dateBit != 0
      }
    }
    #expect(marked("dilaksanakan Minggu (29/11) di halaman") == [true, true, true])
    #expect(marked("held on Sunday, 29 November") == [true, true, true])
    #expect(marked("held on November 29") == [true, true])
    #expect(marked("lihat https://berita.example/2026/12/judul-berita") == [true, true])
    // Counts are not dates, even beside a date.
    #expect(marked("29 sekolah dan 2026 guru") == [false, false])
    #expect(marked("Senin, 45 sekolah").filter { $0 }.count == 1)
    let items = [
      item(
        "a", "lombok.example", "Orang Tua Perbaiki Atap Kelas",
        "Puluhan orang tua murid bergotong royong memperbaiki atap tiga ruang kelas yang bocor, Minggu (29/11). Bahan bangunan disumbang warga."
      ),
      item(
        "b", "malang.example", "Tim Robot Siswa Juara di Tokyo",
        "Tim robotika siswa meraih juara pertama kategori robot penyelamat di Tokyo, Minggu (29/11). Mereka mengalahkan 36 tim dari 14 negara."
      ),
    ]
    let (_, groups) = Ranker().classify(items)
    #expect(groups[0] != groups[1])
  }

  @Test("two outlets' reports of one event are one story; a different event at the same place is not")
  func rephrasedStory() {
    let items = [
      item(
        "a", "beritapendidikan.example", "Pemkab Garut Angkat 1.250 Guru Honorer Menjadi PPPK",
        "Pemerintah Kabupaten Garut menyerahkan surat keputusan pengangkatan 1.250 guru honorer menjadi PPPK pada Senin (10/11). Bupati berharap guru tersebar merata."
      ),
      item(
        "b", "jabarnews.example", "1.250 Guru Honorer di Garut Terima SK",
        "Sebanyak 1.250 guru honorer di Kabupaten Garut kini resmi berstatus PPPK. SK diserahkan di pendopo Garut, Senin. Dinas diminta memastikan sekolah terpencil tidak kekurangan guru."
      ),
      item(
        "c", "garutkita.example", "Lomba Baca Puisi Tingkat SD di Garut",
        "Sebanyak 120 murid SD dari seluruh Garut mengikuti lomba baca puisi di gedung kesenian, Senin. Juara akan mewakili kabupaten di tingkat provinsi."
      ),
    ]
    let (_, groups) = Ranker().classify(items)
    #expect(groups[0] == groups[1])
    #expect(groups[2] != groups[0])
  }

  @Test("numbers spelled out in either language are the figures they name")
  func spelledNumbers() {
    func figures(_ text: String) -> Set<UInt64> {
      Set(StoryAnchors.of(title: "", text: text, limit: 1000).anchors.filter { $0 & StoryAnchors.figureBit != 0 })
    }
    let number = { (value: Double) in StoryAnchors.numberAnchor(value) }
    #expect(figures("ada dua belas sekolah") == [number(12)])
    #expect(figures("Twelve schools joined") == [number(12)])
    #expect(figures("tiga ratus lima puluh guru honorer") == [number(350)])
    #expect(figures("forty schools, forty two teachers") == [number(40), number(42)])
    #expect(figures("seratus dua puluh murid") == [number(120)])
    #expect(figures("lima puluh ribu buku") == [number(50_000)])
    #expect(figures("sepuluh, sebelas") == [number(10), number(11)])
    // Small numbers say too little, as in figures; a lone `belas` is no number.
    #expect(figures("one of the two best, tiga anak, belas kasihan").isEmpty)
  }

  @Test("a retelling in the other language sharing a place and a figure is one story; a short post sharing two is not")
  func crossLanguageStory() {
    let items = [
      item(
        "en", "news.example", "Braille textbooks reach 60 schools in Aceh",
        "The provincial government has distributed braille textbooks to 60 schools in Aceh that teach blind students, covering mathematics and Indonesian."
      ),
      item(
        "id", "berita.example", "Buku Braille Dibagikan ke 60 Sekolah di Aceh",
        "Pemerintah provinsi membagikan buku pelajaran braille untuk matematika dan bahasa Indonesia ke enam puluh sekolah di Aceh yang memiliki murid tunanetra."
      ),
      item(
        "wa", "@pak_c@guru.social", "",
        "Started a teacher WhatsApp group for our cluster of village schools. First rule: share one thing that worked. Already forty posts."
      ),
      item(
        "umkm", "desa.example", "Pelatihan Pemasaran untuk UMKM",
        "Pemerintah desa mengadakan pelatihan pemasaran untuk 40 pelaku UMKM Maju Jaya, termasuk mengelola pesanan lewat WhatsApp Business."
      ),
    ]
    let (_, groups) = Ranker().classify(items)
    #expect(groups[0] == groups[1])
    #expect(groups[2] != groups[3])
  }

  @Test("macro-F1 over every listed topic counts secondary topics")
  func macroAllTopics() {
    #expect(Evaluator.macroF1AllTopics(gold: [["a"], ["b", "a"]], predicted: [["a"], ["b", "a"]]) == 1)
    // A secondary topic given but not listed costs precision for it.
    #expect(Evaluator.macroF1AllTopics(gold: [["a"], ["b"]], predicted: [["a", "b"], ["b"]]) < 1)
  }
}
