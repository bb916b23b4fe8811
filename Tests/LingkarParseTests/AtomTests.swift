import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Atom")
struct AtomTests {
  @Test("reads a Blogger feed whose content is escaped HTML")
  func blogger() throws {
    let document = try Fixture.parse("atom10_blogger_escaped_html.xml")
    #expect(document.format == .atom10)
    #expect(document.title == "Ruang Kelas Bu Ani")
    #expect(document.link == "https://ruangkelasbuani.blogspot.com/")
    #expect(document.description == "Catatan seorang guru SD di Yogyakarta & sekitarnya")
    #expect(document.entries.count == 2)

    let first = try entry(document, 0)
    #expect(first.id == "tag:blogger.com,1999:blog-1234567890123456789.post-111")
    #expect(first.title == "Pojok Baca di Kelas 2: Dari Kardus Bekas")
    #expect(first.link == "https://ruangkelasbuani.blogspot.com/2024/08/pojok-baca.html")
    #expect(first.authors == ["Ani Rahmawati"])
    #expect(first.categories == ["Literasi", "Pojok Baca"])
    #expect(first.summary == "Anak-anak membuat pojok baca dari kardus bekas. Hasilnya luar biasa!")
    #expect(
      first.content
        == #"<div style="text-align: justify;">Anak-anak membuat <b>pojok baca</b> dari kardus bekas.<br />Hasilnya luar biasa!</div><div class="separator"><a href="https://blogger.googleusercontent.com/img/b/pojok.jpg"><img border="0" src="https://blogger.googleusercontent.com/img/b/s320/pojok.jpg" /></a></div>"#
    )
    #expect(first.comments == 3)
    #expect(first.enclosures.isEmpty)

    let second = try entry(document, 1)
    // type="text": the text is literal, so Blogger's double escaping shows.
    #expect(second.title == "Lomba 17 Agustus &amp; Upacara")
    #expect(second.summary == "Persiapan lomba makan kerupuk & balap karung.")
    #expect(second.content == "Persiapan lomba <i>makan kerupuk</i> &amp; balap karung.")
    #expect(second.comments == 0)
    #expect(second.categories.isEmpty)
  }

  @Test("reads a YouTube channel feed: the media:group description is the summary")
  func youTube() throws {
    let document = try Fixture.parse("atom10_youtube_media_group.xml")
    #expect(document.format == .atom10)
    #expect(document.title == "Guru Kreatif TV")
    #expect(document.link == "https://www.youtube.com/channel/UCguruKreatif0000000000")
    #expect(document.description == nil)
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.id == "yt:video:AbCdEfGhIjK")
    #expect(first.title == "Cara Membuat Alat Peraga Pecahan dari Kardus")
    #expect(first.link == "https://www.youtube.com/watch?v=AbCdEfGhIjK")
    #expect(first.authors == ["Guru Kreatif TV"])
    #expect(
      first.summary == "Video tutorial untuk guru SD: membuat alat peraga pecahan. Bahan: kardus, spidol, gunting.")
    #expect(first.content == nil)
    #expect(first.enclosures.isEmpty)
    #expect(first.comments == nil)
    let second = try entry(document, 1)
    #expect(second.summary == "Lima permainan singkat untuk awal pelajaran.")
  }

  @Test("reads Atom 0.3: tagline, issued, modified and escaped-mode content")
  func atom03() throws {
    let document = try Fixture.parse("atom03_feed.xml")
    #expect(document.format == .atom03)
    #expect(document.title == "Science with Ms. Patel")
    #expect(document.link == "http://sciencepatel.example.com/")
    #expect(document.description == "Hands-on experiments for middle school")
    #expect(document.language == "en")
    let item = try entry(document, 0)
    #expect(item.id == "tag:sciencepatel.example.com,2005:volcano")
    #expect(item.title == "Volcano lab, version 2")
    #expect(item.link == "http://sciencepatel.example.com/2005/04/volcano")
    #expect(item.summary == "Less baking soda, more vinegar.")
    #expect(item.content == "<p>Less baking soda, more <em>vinegar</em>.</p>")
    #expect(item.authors.isEmpty)  // no inheritance from the feed
  }

  @Test("names an Atom root without a known version atom")
  func unknownVersion() throws {
    let document = try parse(#"<feed version="9.9"><title>Kelas</title></feed>"#)
    #expect(document.format == .atom)
    #expect(document.title == "Kelas")
  }

  @Test("takes text-type values literally and strips html-type values")
  func textTypes() throws {
    let document = try parse(
      atomEntry(
        """
        <title type="text">a &lt; b &amp;&amp; c</title>
        <summary type="html">&lt;p&gt;x &amp;lt; y&lt;/p&gt;</summary>
        """))
    let item = try entry(document, 0)
    #expect(item.title == "a < b && c")
    #expect(item.summary == "x < y")
  }

  @Test("unwraps inline XHTML content and keeps it as HTML")
  func xhtmlContent() throws {
    let item = try entry(
      try parse(
        atomEntry(
          """
          <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Kuis <b>IPA</b></div></title>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Jawaban: <em>fotosintesis</em> &amp; respirasi</p></div></content>
          """)), 0)
    #expect(item.title == "Kuis IPA")
    #expect(item.content == "<p>Jawaban: <em>fotosintesis</em> &amp; respirasi</p>")
    #expect(item.summary == "Jawaban: fotosintesis & respirasi")
  }

  @Test("escapes text content as HTML and takes the summary from the content when there is none")
  func textContent() throws {
    let item = try entry(try parse(atomEntry(#"<content type="text">Nilai &lt; 70 &amp; &gt; 50</content>"#)), 0)
    #expect(item.content == "Nilai &lt; 70 &amp; &gt; 50")
    #expect(item.summary == "Nilai < 70 & > 50")
  }

  @Test("reads categories by term, else label, without duplicates")
  func categories() throws {
    let item = try entry(
      try parse(
        atomEntry(
          """
          <category term="matematika" label="Matematika"/>
          <category label="Kelas 5"/>
          <category term="matematika"/>
          <category term="  "/>
          """)), 0)
    #expect(item.categories == ["matematika", "Kelas 5"])
  }

  @Test("reads authors by name, else e-mail, and ignores contributors")
  func authors() throws {
    let item = try entry(
      try parse(
        atomEntry(
          """
          <author><name>Ibu Dewi</name><email>dewi@sekolah.sch.id</email></author>
          <author><email>pak.anton@sekolah.sch.id</email></author>
          <contributor><name>Kepala Sekolah</name></contributor>
          """)), 0)
    #expect(item.authors == ["Ibu Dewi", "pak.anton@sekolah.sch.id"])
  }

  @Test("reads link rel=enclosure as an enclosure and link rel=alternate as the link")
  func links() throws {
    let item = try entry(
      try parse(
        atomEntry(
          """
          <link rel="self" href="https://kelas.example.id/feed/1"/>
          <link rel="alternate" type="text/html" href="https://kelas.example.id/1"/>
          <link rel="enclosure" type="audio/mpeg" length="5000" href="https://kelas.example.id/1.mp3"/>
          <link rel="replies" type="text/html" href="https://kelas.example.id/1#comments"/>
          <id>urn:kelas:1</id>
          """)), 0)
    #expect(item.link == "https://kelas.example.id/1")
    #expect(item.id == "urn:kelas:1")
    #expect(item.enclosures == [Enclosure(url: "https://kelas.example.id/1.mp3", type: "audio/mpeg", length: 5000)])
  }
}
