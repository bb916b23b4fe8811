import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Plain text")
struct TextTests {
  @Test("strips HTML, drops script, style and comments, and decodes entities in a summary")
  func htmlSummary() throws {
    let item = try entry(try Fixture.parse("rss20_html_text.xml"), 0)
    #expect(item.summary == "Angklung dari Jawa Barat. Harga <Rp 50.000> €3 “murah”")
  }

  @Test("folds white space runs in titles, tabs and newlines included")
  func folding() throws {
    let document = try Fixture.parse("rss20_html_text.xml")
    #expect(document.title == "Kelas Seni Budaya")
    #expect(document.description == "Tari, musik & rupa")
  }

  @Test("reads an RSS title holding HTML as HTML")
  func htmlTitle() throws {
    let item = try entry(try Fixture.parse("rss20_html_text.xml"), 0)
    #expect(item.title == "Belajar Angklung & Gamelan")
  }

  @Test("falls back to the link for the id, and to nil when there is no link either")
  func idFallback() throws {
    let document = try Fixture.parse("rss20_html_text.xml")
    #expect(document.entries.count == 4)
    #expect(try entry(document, 0).id == "https://senibudaya.example.id/angklung")
    #expect(try entry(document, 1).id == nil)
    #expect(try entry(document, 1).title == "Membatik")
    #expect(try entry(document, 2).id == nil)
    #expect(try entry(document, 2).title == nil)
    #expect(try entry(document, 2).summary == "Item tanpa judul dan tautan.")
    // A guid of only white space counts as absent.
    #expect(try entry(document, 3).id == "https://senibudaya.example.id/saman")
  }

  @Test("takes the summary from the content when there is no description, block tags becoming spaces")
  func summaryFromContent() throws {
    let item = try entry(try Fixture.parse("rss20_html_text.xml"), 3)
    #expect(item.summary == "Tari Saman Dari Aceh.")
    #expect(item.content == #"<h2>Tari Saman</h2><p>Dari <a href="/aceh">Aceh</a>.</p>"#)
  }

  @Test(
    "turns block tags into one space and inline tags into nothing",
    arguments: [
      ("<b>a</b>b", "ab"),
      ("<p>a</p><p>b</p>", "a b"),
      ("satu<br>dua<br/>tiga", "satu dua tiga"),
      ("<ul><li>IPA</li><li>IPS</li></ul>", "IPA IPS"),
      ("<span>Bahasa</span><em>Indonesia</em>", "BahasaIndonesia"),
      ("<table><tr><td>1</td><td>2</td></tr></table>", "1 2"),
      ("a<!-- catatan guru -->b", "ab"),
      ("&lt;tag&gt; &amp;amp;", "<tag> &amp;"),
      ("x&nbsp;&nbsp;y", "x y"),
    ])
  func blockAndInline(html: String, text: String) throws {
    let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    let item = try entry(try parse(atomEntry(#"<summary type="html">\#(escaped)</summary>"#)), 0)
    #expect(item.summary == text)
  }

  @Test("folds every Unicode white space character to one space and trims")
  func unicodeWhiteSpace() throws {
    let spaces = "\u{A0}\u{2003}\u{3000}\u{2028}\u{202F}\u{205F}\u{1680}\n\t"
    let item = try entry(try parse(rssItem("<title>\(spaces)Guru\(spaces)Hebat\u{2009}\u{3000}</title>")), 0)
    #expect(item.title == "Guru Hebat")
  }

  @Test("gives nil for text that is empty after stripping")
  func emptyAfterStripping() throws {
    let item = try entry(
      try parse(
        rssItem(
          "<title>   </title><description>&lt;p&gt; &lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description><link>https://kelas.example.id/k</link>"
        )), 0)
    #expect(item.title == nil)
    #expect(item.summary == nil)
    #expect(item.id == "https://kelas.example.id/k")
  }

  @Test("keeps RSS text that only looks like HTML as plain text")
  func notReallyHTML() throws {
    let item = try entry(try parse(rssItem("<title>Nilai x &lt; 5 dan y &gt; 3</title>")), 0)
    #expect(item.title == "Nilai x < 5 dan y > 3")
  }

  @Test("takes the first title of an entry")
  func firstTitle() throws {
    let item = try entry(try parse(rssItem("<title>Pertama</title><dc:title>Kedua</dc:title>")), 0)
    #expect(item.title == "Pertama")
  }

  @Test("folds categories and authors and drops empties and duplicates")
  func foldedLists() throws {
    let item = try entry(
      try parse(
        rssItem(
          """
          <title>a</title><category>  Kelas   6 </category><category></category><category>Kelas 6</category>
          <dc:creator> Bu  Tini </dc:creator><dc:creator>Bu Tini</dc:creator>
          """)), 0)
    #expect(item.categories == ["Kelas 6"])
    #expect(item.authors == ["Bu Tini"])
  }
}
