import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("Documents that are not feeds")
struct NotAFeedTests {
  @Test("reports an HTML page as htmlPage")
  func htmlPage() throws {
    let bytes = try Fixture.bytes("html_page.html")
    #expect(throws: FeedParseError.htmlPage) { try FeedParser.parse(bytes) }
  }

  @Test("reports an XHTML page as htmlPage")
  func xhtmlPage() {
    let page =
      #"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Sekolah</title></head><body><p>Halo</p></body></html>"#
    #expect(throws: FeedParseError.htmlPage) { try parse(page) }
  }

  @Test("reports empty input as empty", arguments: ["", " ", "\n\t  \r\n", "\u{FEFF}"])
  func empty(text: String) {
    #expect(throws: FeedParseError.empty) { try parse(text) }
  }

  @Test("reports an incremental session that received nothing as empty")
  func emptySession() {
    let session = FeedParser.Session()
    #expect(throws: FeedParseError.empty) { try session.finish() }
  }

  @Test("reports XML that is not a feed with its root element")
  func otherXML() {
    let opml = #"<?xml version="1.0"?><opml version="2.0"><head><title>Langganan</title></head><body/></opml>"#
    #expect(throws: FeedParseError.notAFeed(root: "opml")) { try parse(opml) }
  }

  @Test("reports bytes with no XML element at all as unreadable")
  func binary() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
    #expect {
      try FeedParser.parse(png)
    } throws: { error in
      if case .unreadable = error as? FeedParseError { return true }
      return false
    }
    #expect {
      try parse("Not Found")
    } throws: { error in
      if case .unreadable = error as? FeedParseError { return true }
      return false
    }
  }
}
