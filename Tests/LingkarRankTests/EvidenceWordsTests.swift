import LingkarRank
import Testing

@Suite("Evidence as the item writes it")
struct EvidenceWordsTests {
  @Test("keywords and related terms show as the words found in the text; example words and marks never")
  func surfaceWords() {
    let text = "Peran Orang Tua dalam Asesmen Formatif\nRubriknya sederhana: guru-guru menilai bersama."
    let words = EvidenceWords().surface(["≈tua", "asesmen formatif", "~orang tua", "rubrik", "~guru"], in: text)
    #expect(words == ["asesmen formatif", "orang tua", "rubriknya", "guru-guru"])
    #expect(!words.joined().contains("≈"))
    #expect(!words.joined().contains("~"))
  }

  @Test("a keyword matched beyond the shown text keeps the school's spelling; a related term not found is left out")
  func notFound() {
    let words = EvidenceWords().surface(
      ["umpan balik", "~portofolio", "≈nilai"], in: "Kuis singkat di akhir pelajaran")
    #expect(words == ["umpan balik"])
  }

  @Test("English keywords meet their inflected forms; repeats are shown once")
  func english() {
    let words = EvidenceWords().surface(
      ["parent", "~volunteer", "parents"], in: "Parent volunteers turned up; parents stayed.")
    #expect(words == ["parent", "volunteers"])
  }

  @Test("acronyms keep their capitals; a word inside a longer phrase shown is not shown again")
  func acronymsAndPhrases() {
    let words = EvidenceWords().surface(
      ["~wali", "wali murid", "ai", "whatsapp"], in: "Grup WhatsApp Wali Murid dan AI di kelas")
    #expect(words == ["wali murid", "AI", "WhatsApp"])
  }
}
