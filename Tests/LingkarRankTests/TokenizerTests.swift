import Testing

@testable import LingkarRank

struct TokenizerTests {
  @Test("words are lower-cased and accents folded")
  func lowerCase() {
    #expect(Tokenizer.tokens("Guru KREATIF, café!") == ["guru", "kreatif", "cafe"])
  }

  @Test("a reduplication is one word, a compound its parts")
  func hyphens() {
    #expect(Tokenizer.tokens("anak-anak") == ["anak"])
    #expect(Tokenizer.tokens("berlari-lari") == ["berlari"])
    #expect(Tokenizer.tokens("anak-anaknya") == ["anaknya"])
    #expect(Tokenizer.tokens("well-being") == ["well", "being"])
  }

  @Test("hashtags are split where the case changes; mentions and addresses are dropped")
  func social() {
    #expect(Tokenizer.tokens("#KurikulumMerdeka keren") == ["kurikulum", "merdeka", "keren"])
    #expect(Tokenizer.tokens("#PLCMeeting") == ["plc", "meeting"])
    #expect(Tokenizer.tokens("halo @bu_sari@mastodon.social lihat https://x.id/a?b=1 ya") == ["halo", "lihat", "ya"])
  }

  @Test("numbers stay words; possessives are dropped")
  func numbers() {
    #expect(Tokenizer.tokens("usia 4-6 tahun, skor 3.5, p5") == ["usia", "4", "6", "tahun", "skor", "3.5", "p5"])
    #expect(Tokenizer.tokens("the teacher's desk") == ["the", "teacher", "desk"])
  }

  @Test("clitics are removed by the Indonesian stemmer after tokenizing")
  func clitics() {
    let stemmer = IndonesianStemmer()
    #expect(Tokenizer.tokens("Bukunya, bacalah!").map(stemmer.stem) == ["buku", "baca"])
  }

  @Test("a byte limit reads the start of a text and never splits a word")
  func limit() {
    func tokens(_ text: String, limit: Int) -> [String] {
      var output: [String] = []
      Tokenizer.forEachToken(text, limit: limit) { output.append(String(decoding: $0, as: UTF8.self)) }
      return output
    }
    #expect(tokens("guru kreatif berbagi", limit: 7) == ["guru"])
    #expect(tokens("guru kreatif berbagi", limit: 12) == ["guru", "kreatif"])
    #expect(tokens("guru kreatif berbagi", limit: 100) == ["guru", "kreatif", "berbagi"])
    // No space before the limit: cut at a whole character, never inside one.
    #expect(tokens("ééééé", limit: 5) == ["ee"])
  }
}
