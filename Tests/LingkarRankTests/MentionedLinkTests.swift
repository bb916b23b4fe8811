import Testing

@testable import LingkarRank

struct MentionedLinkTests {
  func mentions(_ text: String) -> [String] {
    AnalyzedDocument(analyzer: TextAnalyzer(), title: "", text: text, declaredLanguage: nil).mentions
  }

  @Test("takes the addresses of a text as canonical links, without the sentence's punctuation")
  func addresses() {
    #expect(
      mentions("Tulisan baru di blog (https://PaudCeria.blogspot.com/2024/02/minggu-pertama.html). Mampir ya!")
        == ["https://paudceria.blogspot.com/2024/02/minggu-pertama.html"])
    #expect(
      mentions("New post: https://example.org/p/seating-plan?utm_source=mastodon, and www.example.net/notes/1!")
        == ["https://example.org/p/seating-plan", "https://www.example.net/notes/1"])
  }

  @Test("leaves out shortened addresses and front pages, and still drops addresses from the words")
  func leftOut() {
    #expect(mentions("Baca di https://guru.example/2024/06/belajar-pel… dan https://guru.example/ juga").isEmpty)
    #expect(Tokenizer.tokens("lihat https://guru.example/2024/06/x.html ya") == ["lihat", "ya"])
  }

  @Test("a post that gives a blog post's address is the blog post's story, however short it is")
  func sharedPostIsOneStory() {
    let analyzer = TextAnalyzer()
    let blog = "https://matematikaasyik.blogspot.com/2024/06/belajar-peluang-pakai-tutup-botol.html"
    let texts = [
      (
        "Belajar Peluang Pakai Tutup Botol", "Seratus lemparan tutup botol per kelompok, lalu kami bandingkan hasilnya."
      ),
      ("", "Tulisan baru! Anak-anak heboh 😄 \(blog)"),
      ("", "Tulisan lama, masih relevan: https://matematikaasyik.blogspot.com/2023/01/pecahan-dengan-kertas.html"),
    ]
    let documents = texts.map { AnalyzedDocument(analyzer: analyzer, title: $0.0, text: $0.1, declaredLanguage: nil) }
    let links: [String?] = [blog, "https://guru.social/@pakjoko/1", "https://guru.social/@pakjoko/2"]
    let groups = DuplicateFinder().groups(documents: documents, shingleHashes: analyzer.shingleHashes, links: links)
    #expect(groups == [0, 0, 2])
  }
}
