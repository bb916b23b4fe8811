import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Incremental parsing")
struct StreamingTests {
  /// Parses `bytes` through a session, `size` bytes at a time.
  static func parseInChunks(_ bytes: [UInt8], size: Int, charset: String? = nil) throws -> FeedDocument {
    let session = FeedParser.Session(charset: charset)
    var start = 0
    while start < bytes.count {
      let end = min(start + size, bytes.count)
      bytes[start..<end].withUnsafeBytes { session.consume($0) }
      start = end
    }
    #expect(session.byteCount == bytes.count)
    return try session.finish()
  }

  /// A document built so that multi-byte characters, CDATA sections and `&amp;` fall across chunk
  /// boundaries.
  static let tricky = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Kelas Bahasa — 日本語 &amp; Ελληνικά 🎒</title><link>https://kelas.example.id/?a=1&amp;b=2</link>
    <description><![CDATA[<p>Guru &amp; murid — “belajar” 🍎</p>]]></description>
    <item><title>Pelajaran 1 &amp; 2 — café</title><link>https://kelas.example.id/1?x=1&amp;y=2</link>
    <content:encoded><![CDATA[<p>Isi ]] lengkap &amp; <b>tebal</b> ]]></content:encoded>
    <category>Ujian &amp; Kuis</category><description>ab &amp;amp; cd &#8220;kutip&#8221; &#x1F600;</description></item>
    </channel></rss>
    """

  static let expectedTricky: FeedDocument = {
    var document = FeedDocument(
      format: .rss20, title: "Kelas Bahasa — 日本語 & Ελληνικά 🎒", link: "https://kelas.example.id/?a=1&b=2",
      description: "Guru & murid — “belajar” 🍎")
    document.entries = [
      Entry(
        id: "https://kelas.example.id/1?x=1&y=2", title: "Pelajaran 1 & 2 — café",
        link: "https://kelas.example.id/1?x=1&y=2",
        categories: ["Ujian & Kuis"], summary: "ab & cd “kutip” 😀", content: "<p>Isi ]] lengkap &amp; <b>tebal</b>")
    ]
    return document
  }()

  @Test("parses the tricky document correctly in one piece")
  func onePiece() throws {
    #expect(try parse(Self.tricky) == Self.expectedTricky)
  }

  @Test("gives the same document in chunks of any size", arguments: [1, 2, 3, 5, 7, 11, 13, 64, 4096])
  func chunked(size: Int) throws {
    let bytes = Array(Self.tricky.utf8)
    #expect(try Self.parseInChunks(bytes, size: size) == Self.expectedTricky)
  }

  @Test("gives the same document for every split point of multi-byte characters, CDATA and &amp;")
  func everySplit() throws {
    let bytes = Array(Self.tricky.utf8)
    let whole = try FeedParser.parse(bytes)
    for split in 1..<bytes.count {
      let session = FeedParser.Session()
      bytes[..<split].withUnsafeBytes { session.consume($0) }
      bytes[split...].withUnsafeBytes { session.consume($0) }
      let document = try session.finish()
      #expect(document == whole, "split at \(split)")
      if document != whole { break }
    }
  }

  @Test("gives the same document for every fixture in 1-, 7- and 4096-byte chunks", arguments: [1, 7, 4096])
  func fixtures(size: Int) throws {
    for name in try Fixture.allFeeds() {
      let bytes = try Fixture.bytes(name)
      let whole = try FeedParser.parse(bytes)
      #expect(try Self.parseInChunks(bytes, size: size) == whole, "\(name) in \(size)-byte chunks")
    }
  }

  @Test("gives the same document for UTF-16 and windows-1252 input in 1-byte chunks")
  func otherEncodings() throws {
    for name in ["rss20_utf16_bom.xml", "rss20_windows1252.xml", "rss20_latin1_labelled_utf8.xml"] {
      let bytes = try Fixture.bytes(name)
      #expect(try Self.parseInChunks(bytes, size: 1) == FeedParser.parse(bytes), "\(name)")
    }
    let latin9 = try Fixture.bytes("rss20_no_declaration_latin9.xml")
    #expect(
      try Self.parseInChunks(latin9, size: 1, charset: "iso-8859-15")
        == FeedParser.parse(latin9, charset: "iso-8859-15"))
  }

  @Test("gives the same JSON Feed document in small chunks")
  func jsonChunks() throws {
    let bytes = try Fixture.bytes("json11_feed.json")
    #expect(try Self.parseInChunks(bytes, size: 3) == FeedParser.parse(bytes))
  }

  @Test("ignores empty chunks")
  func emptyChunks() throws {
    let bytes = Array(Self.tricky.utf8)
    let session = FeedParser.Session()
    for index in bytes.indices {
      [UInt8]().withUnsafeBytes { session.consume($0) }
      bytes[index...index].withUnsafeBytes { session.consume($0) }
    }
    #expect(try session.finish() == Self.expectedTricky)
  }
}
