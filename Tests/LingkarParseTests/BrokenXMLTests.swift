import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Broken XML")
struct BrokenXMLTests {
  @Test("keeps bare ampersands in text and links")
  func bareAmpersands() throws {
    let document = try Fixture.parse("rss20_bare_ampersand.xml")
    #expect(document.title == "Guru & Siswa: Belajar Bersama")
    #expect(document.link == "https://guru-siswa.example.id/?utm_source=rss&utm_medium=feed")
    #expect(document.description == "Tips & trik mengajar")
    let item = try entry(document, 0)
    #expect(item.title == "Tanya & Jawab Seputar Kurikulum Merdeka")
    #expect(item.link == "https://guru-siswa.example.id/index.php?p=77&lang=id")
    #expect(item.summary == "Sesi T&J bersama pengawas & kepala sekolah, R&D")
    #expect(item.categories == ["Tanya & Jawab"])
  }

  @Test("reads undeclared HTML entities as their characters and keeps unknown ones as written")
  func undeclaredEntities() throws {
    let item = try entry(try parse(rssItem("<title>Caf&eacute; &ndash; &copy; 2024 &bogus; &#X41;</title>")), 0)
    #expect(item.title == "Café – © 2024 &bogus; A")
  }

  @Test("keeps elements whose prefix is never declared")
  func undeclaredPrefixes() throws {
    let document = try Fixture.parse("rss20_undeclared_prefix.xml")
    #expect(document.title == "Blog Pak Joko")
    #expect(document.entries.count == 2)
    let first = try entry(document, 0)
    #expect(first.title == "Senam Pagi Bersama")
    #expect(first.link == "https://pakjoko.example.id/senam-pagi")
    #expect(first.authors == ["Joko Susilo"])
    #expect(first.summary == "Senam pagi setiap Jumat.")
    #expect(first.comments == 4)
    #expect(try entry(document, 1).title == "Lari Estafet")
  }

  @Test("keeps every entry of a document with unclosed tags and a truncated end")
  func unclosedTags() throws {
    let document = try Fixture.parse("rss20_unclosed_tags.xml")
    #expect(document.title == "Kelas Menulis Bu Rina")
    #expect(document.link == "https://burina.example.id/")
    #expect(document.entries.count == 3)
    let first = try entry(document, 0)
    #expect(first.title == "Menulis Puisi")
    #expect(first.link == "https://burina.example.id/puisi")
    #expect(first.summary == "Puisi tentang hujan")
    #expect(try entry(document, 1).title?.hasPrefix("Menulis Cerpen") == true)
    let third = try entry(document, 2)
    #expect(third.title == "Menulis Pantun")
    #expect(third.link == "https://burina.example.id/pantun")
    #expect(third.summary == "Pantun berbalas.")
  }

  @Test("ignores garbage after the root element")
  func garbageAfterRoot() throws {
    let document = try Fixture.parse("rss20_garbage_after_root.xml")
    #expect(document.format == .rss20)
    #expect(document.title == "Catatan Guru Honorer")
    #expect(document.description == "Suka duka mengajar")
    #expect(document.entries.count == 1)
    let item = try entry(document, 0)
    #expect(item.title == "Gaji Pertama")
    #expect(item.link == "https://guruhonorer.example.id/gaji-pertama")
    #expect(item.summary == "Cerita bulan pertama.")
  }

  @Test("never drops an entry for one bad field")
  func oneBadField() throws {
    let document = try Fixture.parse("rss20_bad_field.xml")
    #expect(document.entries.count == 2)
    let item = try entry(document, 0)
    #expect(item.title == "Reaksi Redoks")
    #expect(item.link == "https://gurukimia.example.id/redoks")
    #expect(item.published == nil)
    #expect(item.comments == nil)
    #expect(
      item.enclosures == [
        Enclosure(url: "https://gurukimia.example.id/redoks.pdf", type: "application/pdf", length: nil)
      ])
    #expect(item.summary == "Materi redoks kelas XII.")
    #expect(try entry(document, 1).title == "Tabel Periodik")
  }

  @Test("keeps what it read of a document cut off in the middle")
  func truncated() throws {
    let full = try Fixture.bytes("rss20_wordpress_content_encoded.xml")
    let text = String(decoding: full, as: UTF8.self)
    let cut = try #require(text.range(of: "<title>Refleksi Akhir"))
    let document = try parse(String(text[..<cut.upperBound]))
    #expect(document.title == "Catatan Bu Sari – Guru Matematika")
    #expect(document.entries.count == 2)
    #expect(try entry(document, 0).title == "Pecahan dengan Kertas Lipat: RPP Kelas 4")
    #expect(try entry(document, 0).comments == 12)
  }

  @Test("reads a feed whose elements are in upper case or mixed case")
  func mixedCase() throws {
    let document = try parse(
      "<RSS version=\"2.0\"><Channel><Title>Kelas</Title><Item><Title>a</Title></Item></Channel></RSS>")
    #expect(document.title == "Kelas")
    #expect(document.entries.map(\.title) == ["a"])
  }
}
