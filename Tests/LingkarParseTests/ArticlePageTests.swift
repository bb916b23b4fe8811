import Testing

@testable import LingkarParse

@Suite("ArticlePage: an article's title, description and address from its HTML")
struct ArticlePageTests {
  static func read(_ html: String, url: String = "https://guru.example/a/b", charset: String? = nil) -> ArticlePage {
    ArticlePage.read(page: Array(html.utf8), pageURL: url, charset: charset)
  }

  @Test("Open Graph first, then the Twitter card, then <title> and <meta name=description>")
  func order() {
    let og = Self.read(
      """
      <head><title>Situs | Beranda</title><meta name="twitter:title" content="Kartu">
      <meta property="og:title" content="  Judul\n  OG  "><meta name="description" content="Deskripsi biasa">
      <meta property="og:description" content="Deskripsi OG"></head>
      """)
    #expect(og.title == "Judul OG")
    #expect(og.description == "Deskripsi OG")
    let card = Self.read("<title>Situs</title><meta name=\"twitter:title\" content=\"Kartu\">")
    #expect(card.title == "Kartu")
    let plain = Self.read("<title>Hanya judul</title><meta name=\"Description\" content=\"Biasa\">")
    #expect(plain.title == "Hanya judul")
    #expect(plain.description == "Biasa")
  }

  @Test("an <svg>'s <title> is not the page's; no title at all is nil; a runaway title is cut")
  func titles() {
    #expect(Self.read("<body><svg><title>ikon</title></svg><p>teks</p></body>").title == nil)
    #expect(Self.read("<body><p>tanpa judul</p></body>").title == nil)
    let long = Self.read("<title>" + String(repeating: "kata ", count: 400))
    #expect((long.title?.count ?? 0) <= ArticlePage.titleLimit + 1)
    #expect(long.title?.hasSuffix("…") == true)
  }

  @Test("canonical and og:url resolve against <base> or the page; only http(s) is kept")
  func canonical() {
    #expect(Self.read("<link rel=canonical href=\"/asesmen/\">").canonicalURL == "https://guru.example/asesmen/")
    #expect(Self.read("<meta property=\"og:url\" content=\"c\">").canonicalURL == "https://guru.example/a/c")
    #expect(
      Self.read("<base href=\"https://cdn.example/x/\"><link rel=canonical href=\"y\">").canonicalURL
        == "https://cdn.example/x/y")
    #expect(Self.read("<link rel=canonical href=\"javascript:alert(1)\">").canonicalURL == nil)
  }

  @Test("markup inside a title is text, entities are decoded")
  func markup() {
    let page = Self.read("<title>A &amp; B &lt;script&gt;</title>")
    #expect(page.title == "A & B <script>")
  }
}
