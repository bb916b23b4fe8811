import Foundation
import LingkarModel
import Testing

@testable import LingkarRank

/// Issue 16: one story told twice in other words is one story (two outlets, a post retelling an
/// article, Indonesian and English), while different events at one school and weekly columns
/// written on one template stay apart. The texts were written for this test.
struct RephrasedStoryTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  func item(
    _ key: String, _ source: String, _ title: String, _ text: String, daysAgo: Double = 1, language: String? = nil
  ) -> RankItem {
    RankItem(
      key: key, source: source, title: title, text: text, link: "https://\(source)/\(key)",
      published: now.addingTimeInterval(-daysAgo * 86_400), declaredLanguage: language)
  }

  /// Unrelated items that make the period look like a real one (so that rarity means something).
  var background: [RankItem] {
    [
      item(
        "bg1", "@bu_ani@guru.social", "",
        "Kelas 4 hari ini belajar pecahan dengan potongan kertas. Anak-anak senang sekali menempel hasilnya di dinding."
      ),
      item(
        "bg2", "mrsleigh.bsky.social", "",
        "Exit tickets again today: three questions, two minutes, and I know who needs help tomorrow."),
      item(
        "bg3", "literasikita.example", "Pojok Baca yang Hidup",
        "Pojok baca di kelas kami diisi buku sumbangan orang tua. Setiap pagi murid membaca lima belas menit sebelum pelajaran."
      ),
      item(
        "bg4", "teachnotes.example", "Retrieval practice in a mixed class",
        "Low-stakes quizzes at the start of each lesson helped my students remember last week's work without stress."),
      item(
        "bg5", "@pak_rudi@guru.social", "",
        "Rapat MGMP matematika sore ini membahas soal cerita untuk asesmen sumatif akhir semester."),
      item(
        "bg6", "gurusd.example", "Projek Kebun Sekolah",
        "Murid kelas 5 menanam cabai dan tomat di kebun sekolah sebagai bagian dari projek penguatan profil pelajar."),
    ]
  }

  func groups(_ items: [RankItem]) -> [String: Int] {
    let all = items + background
    let (_, groups) = Ranker().classify(all)
    return Dictionary(uniqueKeysWithValues: zip(all.map(\.key), groups))
  }

  @Test("two outlets reporting one minister's visit in their own words are one story")
  func ministerVisit() {
    let found = groups([
      item(
        "visit-a", "kabarpendidikan.example", "Menteri Tinjau Sekolah Terdampak Banjir di Demak",
        "Menteri pendidikan dasar dan menengah meninjau SD Negeri Karanganyar di Demak yang ruang kelasnya rusak diterjang banjir. Ia menjanjikan bantuan perbaikan ruang kelas dan buku pelajaran bagi murid yang kehilangan perlengkapan sekolah."
      ),
      item(
        "visit-b", "jatengterkini.example", "Kunjungi Demak, Menteri Janjikan Perbaikan Kelas Rusak Akibat Banjir",
        "Saat mengunjungi Karanganyar, Demak, menteri melihat langsung kelas yang rusak akibat banjir. Pemerintah akan membantu perbaikan ruang kelas serta mengganti buku dan perlengkapan murid yang hanyut.",
        daysAgo: 1.5),
    ])
    #expect(found["visit-a"] == found["visit-b"])
  }

  @Test("a Mastodon post retelling an article in other words, without its address, is the article's story")
  func retellingPost() {
    let found = groups([
      item(
        "article", "beritaguru.example", "Kota Salatiga Hapus PR di Akhir Pekan untuk Murid SD",
        "Dinas pendidikan Kota Salatiga mengeluarkan edaran yang meminta sekolah dasar tidak memberi pekerjaan rumah pada akhir pekan. Waktu Sabtu dan Minggu diharapkan dipakai anak untuk bermain, beristirahat dan berkegiatan bersama keluarga."
      ),
      item(
        "post", "@bu_laras@guru.social", "",
        "Baru baca: Salatiga melarang PR akhir pekan untuk anak SD lewat surat edaran dinas. Sabtu-Minggu untuk bermain dan keluarga. Setuju, tapi bagaimana dengan anak yang butuh latihan tambahan?",
        daysAgo: 0.5),
    ])
    #expect(found["article"] == found["post"])
  }

  @Test("one story told in Indonesian and in English is one story")
  func acrossLanguages() {
    let found = groups([
      item(
        "id", "infopendidikan.example", "Sekolah di Kupang Uji Coba Sarapan Bergizi Gratis",
        "Pemerintah Kota Kupang mulai menguji coba sarapan bergizi gratis untuk murid sekolah dasar. Guru melaporkan murid lebih fokus di kelas dan jarang mengantuk. Anggaran program berasal dari dana daerah."
      ),
      item(
        "en", "edunews-asia.example", "Kupang trials free school breakfasts",
        "The city of Kupang has started trialling free nutritious breakfasts for primary school pupils. Teachers report that pupils focus better in class and are less sleepy. The programme is paid for from the regional budget.",
        daysAgo: 2),
    ])
    #expect(found["id"] == found["en"])
  }

  @Test("two different events at one school in one week stay apart")
  func sameSchoolDifferentEvents() {
    let found = groups([
      item(
        "sport", "smpn4cianjur.example", "Pekan Olahraga SMPN 4 Cianjur",
        "SMPN 4 Cianjur menggelar pekan olahraga antarkelas. Murid bertanding futsal, voli dan lari estafet di lapangan sekolah, ditonton guru dan orang tua."
      ),
      item(
        "science", "cianjurnews.example", "SMPN 4 Cianjur Pamerkan Karya Sains Murid",
        "Pameran sains di SMPN 4 Cianjur menampilkan alat penjernih air dan kompor biomassa buatan murid kelas 8. Kepala sekolah mengundang SD sekitar untuk berkunjung.",
        daysAgo: 2),
    ])
    #expect(found["sport"] != found["science"])
  }

  @Test("two weekly columns written on one template stay apart")
  func weeklyColumns() {
    let found = groups([
      item(
        "week12", "catatanguru.example", "Catatan Pekan Ini #12",
        "Catatan pekan ini dari ruang guru: kami membahas cara memberi umpan balik tertulis yang singkat. Tips pekan ini: tulis satu pujian dan satu pertanyaan. Sampai jumpa pekan depan di catatan berikutnya."
      ),
      item(
        "week13", "catatanguru.example", "Catatan Pekan Ini #13",
        "Catatan pekan ini dari ruang guru: kami membahas kelas yang terlalu ramai setelah istirahat. Tips pekan ini: mulai dengan dua menit menulis hening. Sampai jumpa pekan depan di catatan berikutnya.",
        daysAgo: 7),
      item(
        "week14", "catatanguru.example", "Catatan Pekan Ini #14",
        "Catatan pekan ini dari ruang guru: kami membahas murid yang jarang bertanya. Tips pekan ini: beri waktu tunggu lima detik. Sampai jumpa pekan depan di catatan berikutnya.",
        daysAgo: 0.2),
    ])
    #expect(found["week12"] != found["week13"])
    #expect(found["week13"] != found["week14"])
    #expect(found["week12"] != found["week14"])
  }

  @Test("the glossary reads words of both languages as one concept")
  func glossary() {
    let hash = { (word: String) -> UInt64 in
      var hasher = StableHasher()
      hasher.combine(String(AnalyzedDocument.shingleForm(word) ?? ""))
      return hasher.value
    }
    let concepts = StoryGlossary.concepts(of: ["murid", "pupils", "koding", "coding", "sepakbola"].map(hash))
    #expect(concepts[0] >= 0 && concepts[0] == concepts[1])
    #expect(concepts[2] >= 0 && concepts[2] == concepts[3])
    #expect(concepts[0] != concepts[2])
    #expect(concepts[4] == -1)
  }
}
