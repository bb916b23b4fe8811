import Foundation
import LingkarModel
import LingkarParse
import Testing

/// A feed's size in items and text is capped in the parser, so nothing after it sees more
/// (issue 12, section 4).
@Suite("Field limits")
struct FieldLimitsTests {
  static func rss(_ items: some Sequence<String>) -> [UInt8] {
    var text = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Besar</title>"#
    for item in items { text += "<item>" + item + "</item>\n" }
    text += "</channel></rss>"
    return Array(text.utf8)
  }

  @Test("keeps the first 1,000 of a document's undated entries")
  func manyUndatedEntries() throws {
    let document = try FeedParser.parse(Self.rss((0..<3_500).map { "<title>Butir \($0)</title>" }))
    #expect(document.entries.count == FieldLimits.entries)
    #expect(document.entries.first?.title == "Butir 0")
    #expect(document.entries.last?.title == "Butir 999")
  }

  @Test("keeps the newest 1,000 entries of an archive listed oldest first, in the document's order")
  func oldestFirstArchive() throws {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let items = (0..<2_600).map { index in
      "<title>Episode \(index)</title><pubDate>\(Self.rfc822(start.addingTimeInterval(Double(index) * 86_400)))</pubDate>"
    }
    let document = try FeedParser.parse(Self.rss(items))
    #expect(document.entries.count == FieldLimits.entries)
    #expect(document.entries.first?.title == "Episode 1600")
    #expect(document.entries.last?.title == "Episode 2599")
    // The same in a JSON Feed.
    let json =
      #"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":["#
      + (0..<1_200).map {
        #"{"id":"\#($0)","title":"J\#($0)","date_published":"2026-01-01T00:00:\#($0 % 60 < 10 ? "0" : "")\#($0 % 60)Z"}"#
      }
      .joined(separator: ",") + "]}"
    let jsonDocument = try FeedParser.parse(Array(json.utf8))
    #expect(jsonDocument.entries.count == FieldLimits.entries)
  }

  static func rfc822(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
  }

  @Test("cuts titles, summaries, authors, categories and content on a character boundary")
  func longFields() throws {
    let flag = "🇮🇩"  // two scalars, one character
    let title = String(repeating: "é" + flag, count: 400_000)  // 4 MB of title
    let summary = String(repeating: "Belajar bersama. ", count: 10_000)
    let author = String(repeating: "Sari ", count: 1_000)
    let content = String(repeating: #"<p class="isi">Paragraf panjang 😀</p>"#, count: 5_000)
    let document = try FeedParser.parse(
      Self.rss([
        "<title>\(title)</title><description>\(summary)</description><author>\(author)</author>"
          + "<category>\(author)</category><content:encoded><![CDATA[\(content)]]></content:encoded>"
      ]).replacingRSSRoot())
    let item = try entry(document, 0)
    let cutTitle = try #require(item.title)
    #expect(cutTitle.count <= FieldLimits.titleCharacters)
    #expect(cutTitle.count > FieldLimits.titleCharacters / 3)
    #expect(cutTitle.hasSuffix("é") || cutTitle.hasSuffix(flag))
    #expect(cutTitle.unicodeScalars.last != "🇮")
    let cutSummary = try #require(item.summary)
    #expect(cutSummary.count <= FieldLimits.summaryCharacters)
    #expect(cutSummary.hasPrefix("Belajar bersama. Belajar"))
    #expect(item.authors.first.map(\.count) ?? 0 <= FieldLimits.nameCharacters)
    #expect(item.authors.first?.hasPrefix("Sari Sari") == true)
    #expect(item.categories.first.map(\.count) ?? 0 <= FieldLimits.nameCharacters)
    let cutContent = try #require(item.content)
    #expect(cutContent.utf8.count <= FieldLimits.contentBytes)
    #expect(cutContent.utf8.count > FieldLimits.contentBytes - 100)
    #expect(cutContent.hasPrefix(#"<p class="isi">Paragraf"#))
    // Never inside a tag: whatever follows the last "<" closes it.
    if let open = cutContent.lastIndex(of: "<") { #expect(cutContent[open...].contains(">")) }
  }

  @Test("drops a link too long to be an address, and caps the feed's own title")
  func longLinkAndFeedTitle() throws {
    let link = "https://kelas.example.id/?q=" + String(repeating: "a", count: 10_000)
    let text =
      #"<rss version="2.0"><channel><title>\#(String(repeating: "Judul ", count: 500))</title>"#
      + "<item><title>T</title><link>\(link)</link></item></channel></rss>"
    let document = try parse(text)
    #expect(document.title.map(\.count) ?? 0 <= FieldLimits.titleCharacters)
    #expect(try entry(document, 0).link == nil)
  }

  @Test("leaves ordinary fields whole")
  func ordinaryFieldsWhole() throws {
    let document = try Fixture.parse("rss20_wordpress_content_encoded.xml")
    var copy = document
    FieldLimits.apply(to: &copy)
    #expect(copy == document)
  }
}

extension [UInt8] {
  /// The document with the content module's namespace declared on its root.
  fileprivate func replacingRSSRoot() -> [UInt8] {
    let text = String(decoding: self, as: UTF8.self)
    return Array(
      text.replacingOccurrences(
        of: #"<rss version="2.0">"#,
        with: #"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">"#
      ).utf8)
  }
}
