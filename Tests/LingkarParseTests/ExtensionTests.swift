import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Namespaced extensions")
struct ExtensionTests {
  @Test("reads dc:creator, dc:subject, dcterms dates and thr:total inside RSS")
  func dublinCore() throws {
    let document = try Fixture.parse("rss20_dublin_core.xml")
    #expect(document.language == "id-id")
    let first = try entry(document, 0)
    #expect(first.authors == ["Siti Aminah", "Bambang Wijaya"])
    #expect(first.categories == ["Rapat", "MGMP"])
    #expect(first.comments == 7)
    #expect(first.summary == "Notulen rapat koordinasi.")
  }

  @Test("reads an atom:link inside an RSS item and an RSS author with an address")
  func atomLinkInRSS() throws {
    let item = try entry(try Fixture.parse("rss20_dublin_core.xml"), 1)
    #expect(item.link == "https://mgmp-bindo.example.id/lomba-debat")
    #expect(item.id == "https://mgmp-bindo.example.id/lomba-debat")
    #expect(item.authors == ["Panitia Lomba"])
  }

  @Test("uses an alternate atom:link as the channel link but never the self link")
  func atomLinkInChannel() throws {
    let document = try Fixture.parse("rss20_itunes_podcast.xml")
    #expect(document.link == "https://ruangguru-cerdas.example.id/podcast")
    let wordPress = try Fixture.parse("rss20_wordpress_content_encoded.xml")
    #expect(wordPress.link == "https://busari.wordpress.com")
  }

  @Test("reads slash:comments and is not confused by wfw:commentRss")
  func slashComments() throws {
    let document = try Fixture.parse("rss20_wordpress_content_encoded.xml")
    #expect(document.entries.map(\.comments) == [12, 0])
    #expect(
      document.entries.map(\.link) == [
        "https://busari.wordpress.com/2024/09/02/pecahan-kertas-lipat/",
        "https://busari.wordpress.com/2024/06/20/refleksi-akhir-semester/",
      ])
  }

  @Test("prefers slash:comments to thr:total and ignores counts that are not all digits")
  func commentPrecedence() throws {
    let document = try parse(
      """
      <rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" \
      xmlns:thr="http://purl.org/syndication/thread/1.0"><channel><title>Kelas</title>
      <item><title>a</title><thr:total>5</thr:total><slash:comments>9</slash:comments></item>
      <item><title>b</title><slash:comments>lima</slash:comments><thr:total>5</thr:total></item>
      <item><title>c</title><slash:comments>-3</slash:comments></item>
      <item><title>d</title><slash:comments> 8 </slash:comments></item>
      </channel></rss>
      """)
    #expect(document.entries.map(\.comments) == [9, 5, nil, 8])
  }

  @Test("reads iTunes author, summary and keywords, and enclosures of a podcast")
  func iTunes() throws {
    let document = try Fixture.parse("rss20_itunes_podcast.xml")
    #expect(document.title == "Podcast Ruang Guru Cerdas")
    #expect(document.language == "id")
    let item = try entry(document, 0)
    #expect(item.title == "Eps. 7 - Menghadapi Murid yang Pendiam")
    #expect(item.id == "ruangguru-eps-7")
    #expect(item.link == nil)
    #expect(item.authors == ["Dimas Prasetyo"])
    #expect(item.summary == "Tips membuat murid pendiam berani bicara.")
    #expect(item.categories == ["pendidikan", "murid", "komunikasi"])
    #expect(
      item.enclosures == [
        Enclosure(url: "https://anchor.example.fm/eps7.m4a", type: "audio/x-m4a", length: 23_592_960),
        Enclosure(url: "https://anchor.example.fm/eps7-transkrip.pdf", type: "application/pdf", length: nil),
      ])
  }

  @Test("reads Media RSS as YouTube uses it: media:description is the summary, media:content is no enclosure")
  func mediaRSS() throws {
    let item = try entry(try Fixture.parse("atom10_youtube_media_group.xml"), 0)
    #expect(
      item.summary == "Video tutorial untuk guru SD: membuat alat peraga pecahan. Bahan: kardus, spidol, gunting.")
    #expect(item.enclosures.isEmpty)
    #expect(item.title == "Cara Membuat Alat Peraga Pecahan dari Kardus")
  }

  @Test("keeps the RSS description as the summary when media:description follows it (as feedparser does)")
  func mediaDescriptionAfterDescription() throws {
    let item = try entry(try Fixture.parse("rss20_mastodon_no_title.xml"), 0)
    #expect(item.summary == "Hari ini praktikum fotosintesis pakai daun bayam & lampu meja 🌱 #GuruIPA")
    // feedparser's rule: a second description-like element becomes the content.
    #expect(item.content == "Daun bayam di bawah lampu meja")
    #expect(item.enclosures.isEmpty)
  }

  @Test("ignores media:thumbnail and blogger-specific elements")
  func thumbnails() throws {
    let item = try entry(try Fixture.parse("atom10_blogger_escaped_html.xml"), 0)
    #expect(item.enclosures.isEmpty)
    #expect(item.link == "https://ruangkelasbuani.blogspot.com/2024/08/pojok-baca.html")
  }

  @Test("resolves links and enclosures against xml:base, nested bases included")
  func xmlBase() throws {
    let document = try Fixture.parse("atom10_xml_base_lang.xml")
    #expect(document.link == "https://guru-bahasa.example.id/blog/")
    let first = try entry(document, 0)
    #expect(first.link == "https://guru-bahasa.example.id/arsip/2024/kosakata-baru.html")
    #expect(
      first.enclosures == [
        Enclosure(url: "https://guru-bahasa.example.id/arsip/audio/kosakata.mp3", type: "audio/mpeg", length: 4096)
      ])
    let second = try entry(document, 1)
    #expect(second.link == "https://guru-bahasa.example.id/blog/english-corner")
  }

  @Test("resolves relative links against the document URL when there is no xml:base")
  func baseURL() throws {
    let document = try parse(
      rssItem("<title>a</title><link>/2024/09/tugas</link>", channel: "<title>Kelas</title><link>../</link>"),
      baseURL: "https://guru.example.id/blog/feed/")
    #expect(document.link == "https://guru.example.id/blog/")
    #expect(try entry(document, 0).link == "https://guru.example.id/2024/09/tugas")
  }

  @Test("takes the language from xml:lang, lower-cased, and gives entries their own xml:lang")
  func xmlLang() throws {
    let document = try Fixture.parse("atom10_xml_base_lang.xml")
    #expect(document.language == "id-id")
    #expect(document.entries.map(\.language) == ["id-id", "en"])
  }

  @Test("prefers the RSS language element to the root's xml:lang")
  func languageElement() throws {
    let document = try parse(
      #"<rss version="2.0" xml:lang="en"><channel><title>x</title><language>ID</language></channel></rss>"#)
    #expect(document.language == "id")
  }

  @Test("maps any prefix bound to a known namespace")
  func otherPrefixes() throws {
    let item = try entry(
      try parse(
        """
        <rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/">
        <channel><title>Kelas</title><item><title>a</title><d:creator>Bu Lina</d:creator>
        <c:encoded>&lt;p&gt;Isi&lt;/p&gt;</c:encoded></item></channel></rss>
        """), 0)
    #expect(item.authors == ["Bu Lina"])
    #expect(item.content == "<p>Isi</p>")
    #expect(item.summary == "Isi")
  }
}
