import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("RSS")
struct RSSTests {
  @Test("reads content:encoded as HTML and description as the summary")
  func wordPress() throws {
    let document = try Fixture.parse("rss20_wordpress_content_encoded.xml")
    #expect(document.format == .rss20)
    #expect(document.title == "Catatan Bu Sari – Guru Matematika")
    #expect(document.link == "https://busari.wordpress.com")
    #expect(document.description == "Berbagi RPP, media ajar, dan cerita dari kelas")
    #expect(document.language == "id-id")
    #expect(document.entries.count == 2)

    let first = try entry(document, 0)
    #expect(first.id == "http://busari.wordpress.com/?p=1234")
    #expect(first.title == "Pecahan dengan Kertas Lipat: RPP Kelas 4")
    #expect(first.link == "https://busari.wordpress.com/2024/09/02/pecahan-kertas-lipat/")
    #expect(first.authors == ["Sari Wulandari"])
    #expect(first.categories == ["Matematika", "RPP", "Kelas 4"])
    #expect(
      first.summary
        == "Minggu ini anak-anak kelas 4 belajar pecahan dengan melipat kertas. Berikut RPP lengkapnya … Lanjutkan membaca →"
    )
    #expect(
      first.content == """
        <p>Minggu ini anak-anak kelas 4 belajar <strong>pecahan</strong> dengan melipat kertas.</p>
        <p>Berikut RPP lengkapnya:</p>
        <ul>
        <li>Tujuan: memahami &frac12; dan &frac14;</li>
        <li>Alat: kertas origami</li>
        </ul>
        """)
    #expect(first.comments == 12)
    #expect(first.enclosures.isEmpty)

    let second = try entry(document, 1)
    #expect(second.id == "http://busari.wordpress.com/?p=1201")
    #expect(second.title == "Refleksi Akhir Semester")
    #expect(second.categories == ["Refleksi"])
    #expect(second.summary == "Satu semester berlalu. Apa yang berhasil dan apa yang tidak?")
    #expect(second.content == "<p>Satu semester berlalu. Apa yang berhasil dan apa yang tidak?</p>")
    #expect(second.comments == 0)
  }

  @Test("keeps Mastodon posts that have no title, with the escaped HTML description as the summary")
  func mastodon() throws {
    let document = try Fixture.parse("rss20_mastodon_no_title.xml")
    #expect(document.format == .rss20)
    #expect(document.title == "Pak Budi Guru IPA")
    #expect(document.link == "https://mastodon.social/@pakbudi")
    #expect(document.description == "Public posts from @pakbudi@mastodon.social")
    #expect(document.entries.count == 2)

    let first = try entry(document, 0)
    #expect(first.title == nil)
    #expect(first.id == "https://mastodon.social/@pakbudi/113070000000000001")
    #expect(first.link == "https://mastodon.social/@pakbudi/113070000000000001")
    #expect(first.summary == "Hari ini praktikum fotosintesis pakai daun bayam & lampu meja 🌱 #GuruIPA")
    #expect(first.categories == ["GuruIPA"])
    #expect(first.authors.isEmpty)

    let second = try entry(document, 1)
    #expect(second.title == nil)
    #expect(second.summary == "Besok hari pertama tahun ajaran baru. Semangat, rekan guru!")
    #expect(second.content == nil)
  }

  @Test("reads a Medium feed: CDATA titles, a non-permalink guid and the summary taken from the content")
  func medium() throws {
    let document = try Fixture.parse("rss20_medium.xml")
    #expect(document.title == "Stories by Daniel Okafor on Medium")
    #expect(document.link == "https://medium.com/@dokafor.teaches?source=rss-abc123------2")
    let item = try entry(document, 0)
    #expect(item.id == "https://medium.com/p/5f1e2d3c4b5a")
    #expect(
      item.link
        == "https://medium.com/@dokafor.teaches/what-i-learned-grading-120-lab-reports-5f1e2d3c4b5a?source=rss-abc123------2"
    )
    #expect(item.title == "What I Learned Grading 120 Lab Reports")
    #expect(item.authors == ["Daniel Okafor"])
    #expect(item.categories == ["teaching", "science-education", "grading"])
    #expect(
      item.summary == "What I Learned Grading 120 Lab Reports Rubrics save time — but only if students see them first.")
    #expect(item.content?.hasPrefix("<h3>What I Learned Grading 120 Lab Reports</h3><p>Rubrics save time") == true)
  }

  @Test("reads a Substack podcast feed with an enclosure and a feed-level author that entries do not inherit")
  func substack() throws {
    let document = try Fixture.parse("rss20_substack.xml")
    #expect(document.title == "The Teacher's Lounge")
    #expect(document.link == "https://teacherslounge.substack.com")
    #expect(document.language == "en")
    #expect(document.entries.count == 1)
    let item = try entry(document, 0)
    #expect(item.title == "Episode 12: Reading Aloud to Teenagers")
    #expect(item.id == "https://teacherslounge.substack.com/p/episode-12-reading-aloud")
    #expect(item.authors == ["Rachel Nguyen"])
    #expect(item.summary == "Yes, even 8th graders love a read-aloud.")
    #expect(
      item.content
        == #"<p>Yes, even 8th graders love a read-aloud. In this episode I share our <a href="https://teacherslounge.substack.com/p/booklist">book list</a>.</p>"#
    )
    #expect(
      item.enclosures == [
        Enclosure(
          url: "https://api.substack.com/feed/podcast/148000000/abc.mp3", type: "audio/mpeg", length: 31_457_280)
      ])
  }

  @Test("reads a Bluesky feed: no item titles, an at:// guid as the id, plain-text descriptions")
  func bluesky() throws {
    let document = try Fixture.parse("rss20_bluesky.xml")
    #expect(document.title == "@missdewi.bsky.social - Miss Dewi 🍎")
    #expect(document.description == "Guru Bahasa Inggris SMP. Sharing worksheets & ideas.")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == nil)
    #expect(first.id == "at://did:plc:abcdefghijklmn/app.bsky.feed.post/3l3abcxyz2k2a")
    #expect(first.link == "https://bsky.app/profile/missdewi.bsky.social/post/3l3abcxyz2k2a")
    #expect(first.summary == "New worksheet: past tense with song lyrics 🎶 Free to copy for your class!")
    let second = try entry(document, 1)
    #expect(second.summary == #"Students asked why "read" and "read" sound different. Great question <3"#)
  }

  @Test("reads RSS 1.0 (RDF) with Dublin Core")
  func rss10() throws {
    let document = try Fixture.parse("rss10_rdf.xml")
    #expect(document.format == .rss10)
    #expect(document.title == "Jurnal Guru TIK")
    #expect(document.link == "http://guru-tik.example.org/")
    #expect(document.description == "Catatan pembelajaran informatika SMA")
    #expect(document.language == "id")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.id == "http://guru-tik.example.org/2024/09/scratch")
    #expect(first.title == "Belajar Scratch untuk Pemula")
    #expect(first.link == "http://guru-tik.example.org/2024/09/scratch")
    #expect(first.summary == "Modul Scratch untuk kelas X.")
    #expect(first.authors == ["Rudi Hartono"])
    #expect(first.categories == ["Informatika"])
    let second = try entry(document, 1)
    #expect(second.title == "Algoritma Sehari-hari")
    #expect(second.categories.isEmpty)
  }

  @Test("reads Netscape RSS 0.91 with its DOCTYPE and ISO-8859-1 declaration")
  func rss091() throws {
    let document = try Fixture.parse("rss091_netscape.xml")
    #expect(document.format == .rss09x)
    #expect(document.title == "Mr. Thompson's History Class")
    #expect(document.link == "http://www.thompsonhistory.example.com/")
    #expect(document.description == "Homework and announcements for 10th grade history")
    #expect(document.language == "en-us")
    #expect(document.entries.map(\.title) == ["Homework: Chapter 5 questions", "Field trip permission slips"])
    #expect(
      document.entries.map(\.id) == [
        "http://www.thompsonhistory.example.com/hw/ch5.html",
        "http://www.thompsonhistory.example.com/news/fieldtrip.html",
      ])
    #expect(document.entries.map(\.summary) == ["Answer questions 1-10 on page 142.", "Due Friday."])
  }

  @Test("reads RSS 0.92 with an enclosure and HTML in the description")
  func rss092() throws {
    let document = try Fixture.parse("rss092.xml")
    #expect(document.format == .rss09x)
    #expect(document.title == "Mrs. Lee's Kindergarten News")
    let item = try entry(document, 0)
    #expect(item.title == "Apple picking day")
    #expect(item.summary == "We counted apples and made applesauce!")
    #expect(item.categories == ["Field Trips"])
    #expect(
      item.enclosures == [
        Enclosure(url: "http://kindergarten.example.net/audio/apple-song.mp3", type: "audio/mpeg", length: 1_048_576)
      ])
  }

  @Test(
    "names the format from the rss version attribute",
    arguments: [
      ("2.0", FeedFormat.rss20), ("2.0.1", .rss20), ("0.91", .rss09x), ("0.92", .rss09x), ("0.93", .rss09x),
      ("0.94", .rss09x), ("", .rss), ("3.0", .rss),
    ])
  func versions(version: String, format: FeedFormat) throws {
    let attribute = version.isEmpty ? "" : #" version="\#(version)""#
    let document = try parse("<rss\(attribute)><channel><title>Kelas</title></channel></rss>")
    #expect(document.format == format)
    #expect(document.title == "Kelas")
  }

  @Test("splits an RSS author into its name, and keeps a value without a valid address whole")
  func authors() throws {
    let document = try parse(
      rssItem("<title>a</title><author>budi@example.com (Budi Santoso)</author>")
        .replacingOccurrences(
          of: "</channel>",
          with: """
            <item><title>b</title><author>a@b (Budi)</author></item>
            <item><title>c</title><author>guru@sekolah.sch.id</author></item>
            <item><title>d</title><author>  </author><dc:creator>Ibu Ratna</dc:creator></item>
            </channel>
            """))
    #expect(
      document.entries.map(\.authors) == [["Budi Santoso"], ["a@b (Budi)"], ["guru@sekolah.sch.id"], ["Ibu Ratna"]])
  }

  @Test("uses a permalink guid as the link when there is no link element, but never an isPermaLink=false one")
  func guidAsLink() throws {
    let permalink = try entry(try parse(rssItem("<guid>https://kelas.example.id/p/1</guid>")), 0)
    #expect(permalink.link == "https://kelas.example.id/p/1")
    #expect(permalink.id == "https://kelas.example.id/p/1")
    let notPermalink = try entry(try parse(rssItem(#"<guid isPermaLink="false">kelas-1</guid>"#)), 0)
    #expect(notPermalink.link == nil)
    #expect(notPermalink.id == "kelas-1")
    let both = try entry(
      try parse(rssItem("<guid>https://kelas.example.id/p/2</guid><link>https://kelas.example.id/post-2</link>")), 0)
    #expect(both.link == "https://kelas.example.id/post-2")
    #expect(both.id == "https://kelas.example.id/p/2")
  }

  @Test("keeps entries in document order, and an empty item as an empty entry")
  func order() throws {
    let document = try parse(
      rssItem("<title>Satu</title>").replacingOccurrences(
        of: "</channel>", with: "<item><title>Dua</title></item><item></item><item><title>Tiga</title></item></channel>"
      ))
    #expect(document.entries.map(\.title) == ["Satu", "Dua", nil, "Tiga"])
    #expect(document.entries[2] == Entry())
  }

  @Test("reads enclosures in order, trims url and type, and gives a length only when it is all digits")
  func enclosures() throws {
    let item = try entry(
      try parse(
        rssItem(
          """
          <title>Podcast</title>
          <enclosure url="https://kelas.example.id/a.mp3" type="audio/mpeg" length="1234"/>
          <enclosure url=" https://kelas.example.id/b.pdf " type=" application/pdf " length="12,345"/>
          <enclosure url="https://kelas.example.id/c.jpg" type="image/jpeg"/>
          <enclosure url="https://kelas.example.id/d.mp4" length=" 99 " type="video/mp4"/>
          """)), 0)
    #expect(
      item.enclosures == [
        Enclosure(url: "https://kelas.example.id/a.mp3", type: "audio/mpeg", length: 1234),
        Enclosure(url: "https://kelas.example.id/b.pdf", type: "application/pdf", length: nil),
        Enclosure(url: "https://kelas.example.id/c.jpg", type: "image/jpeg", length: nil),
        Enclosure(url: "https://kelas.example.id/d.mp4", type: "video/mp4", length: 99),
      ])
  }

  @Test("does not let the channel image's title or link leak into the feed")
  func channelImage() throws {
    let document = try parse(
      """
      <rss version="2.0"><channel><image><title>Logo Sekolah</title><link>https://img.example.id/</link>\
      <url>https://img.example.id/logo.png</url></image><title>SD Negeri 1</title>\
      <link>https://sdn1.example.id/</link></channel></rss>
      """)
    #expect(document.title == "SD Negeri 1")
    #expect(document.link == "https://sdn1.example.id/")
  }
}
