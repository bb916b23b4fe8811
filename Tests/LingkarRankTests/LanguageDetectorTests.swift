import Testing

@testable import LingkarRank

struct LanguageDetectorTests {
  let detector = LanguageDetector()

  @Test("Indonesian, English and mixed texts are told apart by their function words")
  func languages() {
    #expect(detector.detect(tokens: Tokenizer.tokens("Hari ini kami belajar bersama di kelas dan sangat senang")) == .id)
    #expect(detector.detect(tokens: Tokenizer.tokens("Today we learned together in the class and it was fun")) == .en)
    #expect(
      detector.detect(tokens: Tokenizer.tokens("Hari ini kami mencoba exit tickets, and it was the best part of the lesson di kelas ini"))
        == .mixed)
  }

  @Test("without evidence the declared language decides, else mixed")
  func declared() {
    #expect(detector.detect(tokens: ["zzz"], declared: "id-ID") == .id)
    #expect(detector.detect(tokens: ["zzz"], declared: nil) == .mixed)
  }
}
