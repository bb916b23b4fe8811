import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Character encodings")
struct EncodingTests {
  @Test("skips a UTF-8 byte-order mark")
  func utf8BOM() throws {
    let document = try Fixture.parse("rss20_utf8_bom.xml")
    #expect(document.format == .rss20)
    #expect(document.title == "Guru Penggerak — Angkatan 9")
    #expect(try entry(document, 0).title == "Modul 1.1: Refleksi Filosofis Pendidikan Ki Hajar Dewantara")
  }

  @Test("decodes UTF-16 announced by its byte-order mark")
  func utf16BOM() throws {
    let document = try Fixture.parse("rss20_utf16_bom.xml")
    #expect(document.title == "Kelas Bahasa Jepang — 日本語クラス")
    #expect(document.link == "https://nihongo.example.id/")
    let item = try entry(document, 0)
    #expect(item.title == "ひらがな: Pelajaran 1")
    #expect(item.summary == "あいうえお dan “salam”")
  }

  @Test("decodes UTF-16 big-endian without a byte-order mark, from the XML declaration's shape")
  func utf16WithoutBOM() throws {
    let text =
      #"<?xml version="1.0" encoding="UTF-16BE"?><rss version="2.0"><channel><title>Kelas — 国語</title></channel></rss>"#
    var bytes: [UInt8] = []
    for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    #expect(try FeedParser.parse(bytes).title == "Kelas — 国語")
  }

  @Test("accepts the label utf8 for UTF-8")
  func utf8Label() throws {
    let document = try Fixture.parse("rss20_utf8_label.xml")
    #expect(document.title == "Señora García’s Spanish Class")
    #expect(document.description == "¡Hola, clase!")
  }

  @Test("decodes windows-1252 curly quotes, dashes, ellipses and the euro sign")
  func windows1252() throws {
    let document = try Fixture.parse("rss20_windows1252.xml")
    #expect(document.title == "Ms. O’Brien’s Classroom")
    #expect(document.description == "“Teaching” – notes… and €5 supplies")
    let item = try entry(document, 0)
    #expect(item.title == "“Reading Week” – Day 1…")
    #expect(item.summary == "We read “Charlotte’s Web”.")
  }

  @Test("reads ISO-8859-1 as windows-1252, so curly quotes survive the usual mislabel")
  func latin1AsWindows1252() throws {
    let document = try Fixture.parse("rss20_latin1_curly_quotes.xml")
    #expect(document.title == "Ms. O’Brien’s Classroom – Café")
  }

  @Test("reads UTF-8 that is labelled ISO-8859-1 as UTF-8")
  func latin1LabelledUTF8() throws {
    let document = try Fixture.parse("rss20_latin1_labelled_utf8.xml")
    #expect(document.title == "Café Guru — Bahasa Prancis")
    #expect(document.description == "Leçons pour élèves")
    let item = try entry(document, 0)
    #expect(item.title == "Le passé composé expliqué")
    #expect(item.summary == "Exercices “faciles” pour débutants")
  }

  @Test("uses the HTTP charset when the document declares none")
  func httpCharset() throws {
    let document = try Fixture.parse("rss20_no_declaration_latin9.xml", charset: "ISO-8859-15")
    #expect(document.title == "Études - 5€ la fiche")
    #expect(document.description == "Œuvres")
  }

  @Test("lets the XML declaration win over the HTTP charset")
  func declarationBeatsCharset() throws {
    let document = try Fixture.parse("rss20_windows1252.xml", charset: "utf-8")
    #expect(document.title == "Ms. O’Brien’s Classroom")
    let utf8 = try Fixture.parse("rss20_utf8_label.xml", charset: "windows-1252")
    #expect(utf8.title == "Señora García’s Spanish Class")
  }

  @Test("reads bytes that are not UTF-8 in a UTF-8 document as windows-1252")
  func invalidUTF8() throws {
    var bytes = Array(#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>"#.utf8)
    bytes += Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0x93] + Array("RPP".utf8) + [0x94]
    bytes += [0xC2, 0x96] + Array("ok".utf8)  // a C1 control in UTF-8: meant as windows-1252
    bytes += Array("</title></channel></rss>".utf8)
    #expect(try FeedParser.parse(bytes).title == "Café “RPP”–ok")
  }

  @Test("removes the control characters XML forbids")
  func controlCharacters() throws {
    let document = try Fixture.parse("rss20_control_characters.xml")
    #expect(document.title == "Guru SD Ceria")
    #expect(document.description == "Tips mengajar")
    let item = try entry(document, 0)
    #expect(item.title == "Lagu Anak")
    #expect(item.summary == "Nyanyi bersama")
  }

  @Test("produces valid UTF-8 text with no replacement or control characters for every fixture")
  func alwaysValidUTF8() throws {
    for name in try Fixture.allFeeds() {
      let document = try Fixture.parse(name)
      for text in allText(document) {
        let bytes = Array(text.utf8)
        #expect(String(validating: bytes, as: UTF8.self) != nil, "\(name)")
        #expect(!text.unicodeScalars.contains("\u{FFFD}"), "\(name): \(text)")
        #expect(
          !text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
          },
          "\(name): \(text)")
      }
    }
  }

  @Test("normalizes text to NFC")
  func nfc() throws {
    let document = try parse(rssItem("<title>Cafe\u{301} Guru</title>"))
    #expect(try entry(document, 0).title == "Caf\u{E9} Guru")
    #expect(try entry(document, 0).title?.unicodeScalars.count == 9)
  }
}
