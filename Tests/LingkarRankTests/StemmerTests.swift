import Testing

@testable import LingkarRank

struct StemmerTests {
  @Test(
    "the Indonesian stemmer brings inflected forms to their roots",
    arguments: [
      ("penilaian", "nilai"), ("menilai", "nilai"), ("dinilai", "nilai"), ("pembelajaran", "ajar"),
      ("mengajarkan", "ajar"), ("belajar", "ajar"), ("pelajaran", "ajar"), ("pendidikan", "didik"),
      ("mendidik", "didik"), ("membaca", "baca"), ("bacaannya", "baca"), ("menulis", "tulis"),
      ("kegiatan", "giat"), ("sekolahnya", "sekolah"), ("perubahan", "ubah"), ("pengelolaan", "kelola"),
      ("kesejahteraan", "sejahtera"), ("bukulah", "buku"), ("siswapun", "siswa"), ("bertanya", "tanya"),
    ])
  func indonesian(word: String, stem: String) {
    #expect(IndonesianStemmer().stem(word) == stem)
  }

  @Test("an Indonesian word with no known root keeps only its clitics removed")
  func unknownRoot() {
    #expect(IndonesianStemmer().stem("rubriknya") == "rubrik")
    #expect(IndonesianStemmer().stem("asesmen") == "asesmen")
  }

  @Test(
    "the English stemmer follows Porter2",
    arguments: [
      ("teachers", "teacher"), ("teaching", "teach"), ("assessment", "assess"), ("assessments", "assess"),
      ("differentiated", "differenti"), ("differentiation", "differenti"), ("reading", "read"),
      ("classes", "class"), ("generously", "generous"), ("happily", "happili"), ("hopping", "hop"),
      ("studies", "studi"), ("running", "run"), ("caresses", "caress"), ("cries", "cri"), ("ties", "tie"),
      ("communication", "communic"), ("skies", "sky"), ("agreed", "agre"), ("wellbeing", "wellb"),
    ])
  func english(word: String, stem: String) {
    #expect(EnglishStemmer().stem(word) == stem)
  }
}
