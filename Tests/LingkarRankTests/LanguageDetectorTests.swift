import Testing

@testable import LingkarRank

struct LanguageDetectorTests {
  let detector = LanguageDetector()

  @Test("Indonesian, English and mixed texts are told apart by their function words")
  func languages() {
    #expect(
      detector.detect(tokens: Tokenizer.tokens("Hari ini kami belajar bersama di kelas dan sangat senang")) == .id)
    #expect(detector.detect(tokens: Tokenizer.tokens("Today we learned together in the class and it was fun")) == .en)
    #expect(
      detector.detect(
        tokens: Tokenizer.tokens(
          "Hari ini kami mencoba exit tickets, and it was the best part of the lesson di kelas ini"))
        == .mixed)
  }

  @Test("English words with English endings count for English when a mixed post has few English function words")
  func englishEndings() {
    #expect(LanguageDetector.looksEnglish("teaching"))
    #expect(LanguageDetector.looksEnglish("honestly"))
    #expect(LanguageDetector.looksEnglish("agreement"))
    #expect(LanguageDetector.looksEnglish("planning"))
    #expect(LanguageDetector.looksEnglish("discussion"))
    // Indonesian words that end alike are not English.
    for word in ["penting", "kuning", "asing", "sering", "kucing", "bimbing", "tinggi", "nasional"] {
      #expect(!LanguageDetector.looksEnglish(word), "\(word)")
    }
    let post = "Kelas hari ini: honestly the discussion sangat membantu, murid merasa engagement mereka naik"
    #expect(detector.detect(tokens: Tokenizer.tokens(post)) == .mixed)
  }

  @Test("without evidence the declared language decides, else mixed")
  func declared() {
    #expect(detector.detect(tokens: ["zzz"], declared: "id-ID") == .id)
    #expect(detector.detect(tokens: ["zzz"], declared: nil) == .mixed)
  }
}
