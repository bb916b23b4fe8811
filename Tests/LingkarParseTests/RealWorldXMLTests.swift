import Foundation
import LingkarModel
import LingkarParse
import Testing

/// What feeds captured in the wild get wrong, each with a fixture of its own (issue 12, section 3).
@Suite("Real-world XML")
struct RealWorldXMLTests {
  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// What goes before `<?xml`: white space of every kind, a byte-order mark, both in either order.
  static let prefixes: [[UInt8]] = [
    [], Array("\n".utf8), Array("\r\n\r\n".utf8), Array("  \t\n".utf8), bom, bom + Array("\n".utf8),
    Array("\n".utf8) + bom, Array("\n".utf8) + bom + Array(" \r\n".utf8),
  ]

  /// The fixture without its leading newline.
  static func declarationFirst() throws -> [UInt8] {
    let bytes = try Fixture.bytes("rss20_newline_before_declaration.xml")
    try #require(bytes.first == 0x0A)
    return Array(bytes.dropFirst())
  }

  static func expectEscapesKept(_ document: FeedDocument) throws {
    #expect(document.title == "Red, Whine, & Blue")
    #expect(document.description == "Guru & murid – catatan kelas")
    let item = try entry(document, 0)
    #expect(item.title == "Tanya & Jawab: <Kurikulum> Merdeka …")
    #expect(item.link == "https://merahputih.example.id/?p=12&lang=id")
    #expect(item.authors == ["Bu Sari & Pak Dedi"])
    #expect(item.categories == ["Tips & Trik"])
    #expect(item.summary == "Text pertama & kedua")
    #expect(item.content == "<p>Isi lengkap & utuh</p>")
  }

  @Test("keeps every escaped character when a newline comes before the XML declaration")
  func newlineBeforeDeclaration() throws {
    try Self.expectEscapesKept(try Fixture.parse("rss20_newline_before_declaration.xml"))
  }

  @Test(
    "reads the same document whatever white space or byte-order mark precedes the declaration",
    arguments: prefixes)
  func anythingBlankBeforeDeclaration(prefix: [UInt8]) throws {
    let bytes = prefix + (try Self.declarationFirst())
    let whole = try FeedParser.parse(bytes)
    try Self.expectEscapesKept(whole)
    #expect(whole == (try FeedParser.parse(try Self.declarationFirst())))
    // The blank bytes arriving on their own, before the rest, in 1-byte and 3-byte chunks.
    #expect(try StreamingTests.parseInChunks(bytes, size: 1) == whole)
    #expect(try StreamingTests.parseInChunks(bytes, size: 3) == whole)
    let session = FeedParser.Session()
    prefix.withUnsafeBytes { session.consume($0) }
    try Self.declarationFirst().withUnsafeBytes { session.consume($0) }
    #expect(try session.finish() == whole)
  }

  @Test("reads a JSON Feed after white space and a byte-order mark in either order")
  func blankBeforeJSON() throws {
    let json = Array(#"{"version":"https://jsonfeed.org/version/1.1","title":"Kelas & Guru","items":[]}"#.utf8)
    for prefix in Self.prefixes {
      let document = try StreamingTests.parseInChunks(prefix + json, size: 1)
      #expect(document.format == .json11)
      #expect(document.title == "Kelas & Guru")
    }
  }

  @Test("keeps entity and character references after an earlier well-formedness error")
  func referencesAfterAnError() throws {
    let document = try parse(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Kelas</title>
      <item><title>Satu</title><description>Puisi <b>hujan</description></item>
      <item><title>Tom &amp; Jerry &lt;3 &quot;kartun&quot; &apos;lama&apos; &eacute;t&eacute; &#8211; R&D</title>
      <link>https://kelas.example.id/?a=1&amp;b=2</link>
      <enclosure url="https://kelas.example.id/a.mp3?x=1&amp;y=&quot;2&quot;" type="audio/mpeg"/></item>
      </channel></rss>
      """)
    let item = try entry(document, 1)
    #expect(item.title == "Tom & Jerry <3 \"kartun\" 'lama' été – R&D")
    #expect(item.link == "https://kelas.example.id/?a=1&b=2")
    #expect(item.enclosures.first?.url == "https://kelas.example.id/a.mp3?x=1&y=\"2\"")
  }

  @Test("takes itunes:summary as the summary, not the content, as feedparser does")
  func itunesSummary() throws {
    let document = try Fixture.parse("rss20_itunes_summary.xml")
    #expect(document.title == "Podcast Guru Bercerita")
    let item = try entry(document, 0)
    #expect(item.summary == "Guru yang mengajar di atas perahu.")
    #expect(item.content == nil)
    #expect(item.enclosures.first?.url == "https://gurubercerita.example.id/eps12.mp3")
    // An item with no description keeps its itunes:summary as the summary, too.
    let alone = try entry(
      try parse(
        rssItem(
          "<title>Eps. 2</title><itunes:summary>Ringkasan</itunes:summary>",
          channel: "<title>P</title><description>Siniar</description>"
        ).replacingOccurrences(of: "<rss ", with: "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" ")),
      0)
    #expect(alone.summary == "Ringkasan")
    #expect(alone.content == nil)
  }

  @Test("reads a document declared UTF-16 whose bytes are UTF-8 as UTF-8")
  func utf16DeclaredButASCII() throws {
    let document = try Fixture.parse("rss20_utf16_declared_ascii.xml")
    #expect(document.format == .rss20)
    #expect(document.title == "Catatan Bu Ani — Matematika")
    #expect(document.description == "Pecahan & desimal")
    let item = try entry(document, 0)
    #expect(item.title == "Pecahan Senilai")
    #expect(item.summary == "Latihan “pecahan” kelas 4")
    // The same from an HTTP charset, and for other encodings that do not write ASCII as ASCII.
    let plain = #"<rss version="2.0"><channel><title>Kelas — IPA</title></channel></rss>"#
    for charset in ["utf-16", "UTF-16LE", "utf-32", "ucs-2"] {
      #expect(try parse(plain, charset: charset).title == "Kelas — IPA", "charset \(charset)")
    }
    let ebcdic =
      #"<?xml version="1.0" encoding="cp037"?><rss version="2.0"><channel><title>Kelas</title></channel></rss>"#
    #expect(try parse(ebcdic).title == "Kelas")
    // An ASCII-compatible declaration still decides.
    let latin9 =
      Array(#"<?xml version="1.0" encoding="iso-8859-15"?><rss><channel><title>5"#.utf8) + [0xA4]
      + Array("</title></channel></rss>".utf8)
    #expect(try FeedParser.parse(latin9).title == "5€")
  }

  @Test("finds the entries of an Atom feed inside an XHTML page")
  func atomInsideXHTML() throws {
    let document = try Fixture.parse("atom10_in_xhtml_page.xml")
    #expect(document.format == .atom10)
    #expect(document.title == "Kelas IPA Pak Budi")
    #expect(document.link == "https://ipa.example.id/")
    #expect(document.language == "id")  // the page's xml:lang, inherited by the feed element
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == "Fotosintesis")
    #expect(first.link == "https://ipa.example.id/fotosintesis")
    #expect(first.summary == "Daun, cahaya, dan gula.")
    let second = try entry(document, 1)
    #expect(second.title == "Rantai Makanan")
    #expect(second.content == "<p>Produsen &amp; konsumen.</p>")
  }

  @Test("still reads xhtml:body inside an item as its content")
  func xhtmlBodyInItem() throws {
    let item = try entry(
      try parse(
        rssItem(#"<title>T</title><body xmlns="http://www.w3.org/1999/xhtml"><p>Isi <b>tebal</b></p></body>"#)), 0)
    #expect(item.content == "<p>Isi <b>tebal</b></p>")
  }

  @Test("repairs double-encoded UTF-8 in every text field")
  func doubleEncodedRepaired() throws {
    let document = try Fixture.parse("rss20_double_encoded_utf8.xml")
    #expect(document.title == "Kölner Partnerschule — Blog")
    #expect(document.description == "Grüße aus Köln")
    let first = try entry(document, 0)
    #expect(first.title == "Kölner Schüler besuchen Jakarta – „Großartig“")
    #expect(first.authors == ["José Müller"])
    #expect(first.categories == ["Éducation"])
    // 😍 ends in 0x8D, a byte windows-1252 leaves undefined.
    #expect(first.summary == "Naïve Frage: warum’s Spaß macht 😍")
    // WordPress's own &#8217; beside a double-encoded name.
    let third = try entry(document, 2)
    #expect(third.title == "Kölner’s Klasse")
    #expect(third.summary == "Ein Tag in der Schule – Teil 2")
  }

  @Test("leaves correct text alone: curly quotes, café, naïve, a lone Ã")
  func correctTextUnchanged() throws {
    let item = try entry(try Fixture.parse("rss20_double_encoded_utf8.xml"), 1)
    #expect(item.title == "Belajar “Merdeka” – guru’s café & naïve…")
    #expect(item.authors == ["JOÃO Silva"])
    #expect(item.summary == "São Paulo: Ã é só uma letra; 1 × 2 = 2")
    // Correct text that looks nearest to double encoding stays; the last two are double-encoded.
    let texts: [(String, String)] = [
      ("“Kurikulum Merdeka” – guru’s catatan…", "“Kurikulum Merdeka” – guru’s catatan…"),
      ("Spaß“ und „Straße”", "Spaß“ und „Straße”"), ("JOSÉ” sagte", "JOSÉ” sagte"),
      // (A no-break space in a title folds to a space.)
      ("kuadrat 10 ×\u{A0}10 cm", "kuadrat 10 × 10 cm"), ("CAFÉ\u{A0}: buka", "CAFÉ : buka"),
      ("VoilÃ\u{A0} tout", "Voilà tout"),
      ("naïve café — €5 ±2 °C", "naïve café — €5 ±2 °C"), ("日本語のクラス", "日本語のクラス"), ("Ελληνικά 😀 🎒", "Ελληνικά 😀 🎒"),
      ("Â© 2026, but Â alone stays", "© 2026, but Â alone stays"), ("Ð\u{B0}Ð\u{B1}Ð\u{B2}", "\u{430}\u{431}\u{432}"),
    ]
    for (text, want) in texts {
      #expect(try entry(try parse(rssItem("<title>\(text)</title>")), 0).title == want)
    }
  }

  @Test("ends an unclosed title at the item's next element and keeps its link, author and date")
  func unclosedTitle() throws {
    let document = try Fixture.parse("rss20_unclosed_title.xml")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == "Refleksi Mingguan Kelas 3")
    #expect(first.link == "https://jurnalgurusd.example.id/refleksi-mingguan")
    #expect(first.authors == ["Siti Aminah"])
    #expect(first.published == Date(timeIntervalSince1970: 1_794_789_000))
    #expect(first.summary == "Apa yang berhasil minggu ini.")
    let second = try entry(document, 1)
    #expect(second.title == "Belajar di Luar Kelas")
    #expect(second.link == "https://jurnalgurusd.example.id/luar-kelas")
    // HTML in a title is still the title's.
    #expect(
      try entry(try parse(rssItem("<title>Belajar <b>IPA</b> &amp; IPS</title>")), 0).title == "Belajar IPA & IPS")
  }
  @Test("ends raw HTML left open in a description (<br>, <img>, <p>) at the description's end tag")
  func unclosedHTMLInDescription() throws {
    let document = try Fixture.parse("rss20_unclosed_html_tags.xml")
    #expect(document.entries.count == 3)
    let first = try entry(document, 0)
    #expect(first.title == "Rapat orang tua kelas 5")
    #expect(first.link == "https://tunasharapan.example.id/rapat-kelas-5")
    #expect(first.summary == "Rapat orang tua Senin pukul 08.00 Tempat: aula Bawa buku rapor.")
    #expect(first.published == Date(timeIntervalSince1970: 1_793_581_200))
    // A stray end tag of HTML is dropped; the description goes on to its own end.
    let second = try entry(document, 1)
    #expect(second.title == "Lomba cerdas cermat")
    #expect(second.link == "https://tunasharapan.example.id/cerdas-cermat")
    #expect(second.summary == "Juara satu: kelas 6B Selamat!")
    let third = try entry(document, 2)
    #expect(third.title == "Libur semester")
    #expect(third.link == "https://tunasharapan.example.id/libur")
    // End tags are read from libxml2's input, so chunk boundaries must not matter.
    let bytes = try Fixture.bytes("rss20_unclosed_html_tags.xml")
    #expect(try StreamingTests.parseInChunks(bytes, size: 1) == document)
    #expect(try StreamingTests.parseInChunks(bytes, size: 5) == document)
  }
  @Test("reads a bare < that starts no tag as text, and every item after it")
  func strayLessThan() throws {
    let document = try Fixture.parse("rss20_stray_less_than.xml")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == "Pecahan: 1/2 < 2/3 atau sebaliknya?")
    #expect(first.link == "https://catatanmtk.example.id/pecahan")
    #expect(first.summary == "Siswa kelas 4 suka soal ini <3 Ingat: a <= b berarti a tidak lebih dari b.")
    let second = try entry(document, 1)
    #expect(second.title == "Latihan pembagian")
    #expect(second.summary == "Dalam CDATA, 3 < 4 tetap apa adanya.")
    // Split anywhere, the document reads the same.
    let bytes = try Fixture.bytes("rss20_stray_less_than.xml")
    #expect(try StreamingTests.parseInChunks(bytes, size: 1) == document)
    #expect(try StreamingTests.parseInChunks(bytes, size: 7) == document)
  }
  @Test("keeps the Atom elements after XHTML content left with open tags in their own namespace")
  func xhtmlContentWithUnclosedTags() throws {
    let document = try Fixture.parse("atom10_xhtml_unclosed_tags.xml")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == "Catatan supervisi kelas")
    #expect(first.summary == "Kelas 2A sudah rapi. Kelas 2B perlu pojok baca.")
    #expect(first.updated == Date(timeIntervalSince1970: 1_794_195_000))
    #expect(first.authors == ["Bu Ratna"])
    let second = try entry(document, 1)
    #expect(second.title == "Jadwal rapat dewan guru")
    #expect(second.link == "https://jurnalkepsek.example.id/rapat")
  }
}
