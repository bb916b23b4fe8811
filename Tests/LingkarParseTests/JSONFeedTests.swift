import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("JSON Feed")
struct JSONFeedTests {
  @Test("reads a JSON Feed 1.1 with HTML content, tags and attachments")
  func jsonFeed11() throws {
    let document = try Fixture.parse("json11_feed.json")
    #expect(document.format == .json11)
    #expect(document.title == "Ms. Carter Teaches Reading")
    #expect(document.link == "https://mscarterteaches.micro.blog/")
    #expect(document.description == "Notes from a 3rd grade classroom")
    #expect(document.language == "en-us")
    #expect(document.entries.count == 3)

    let first = try entry(document, 0)
    #expect(first.id == "https://mscarterteaches.micro.blog/2024/09/01/phonics-games.html")
    #expect(first.link == "https://mscarterteaches.micro.blog/2024/09/01/phonics-games.html")
    #expect(first.title == "Phonics games that actually work")
    #expect(first.authors == ["Emily Carter"])
    #expect(first.categories == ["phonics", "reading"])
    #expect(first.content == "<p>Three <em>low-prep</em> games for the first week.</p><script>track()</script>")
    #expect(first.summary == "Three low-prep games for the first week.")
    #expect(
      first.enclosures == [
        Enclosure(url: "https://mscarterteaches.micro.blog/uploads/phonics.mp3", type: "audio/mpeg", length: 2_048_000)
      ])
  }

  @Test("turns a numeric id into its decimal string and escapes content_text")
  func numericIdAndText() throws {
    let item = try entry(try Fixture.parse("json11_feed.json"), 1)
    #expect(item.id == "42")
    #expect(item.title == nil)
    #expect(item.content == "Our classroom library is finally sorted by level. Kids &lt; 5 minutes to find a book!")
    #expect(item.summary == "Our classroom library is finally sorted by level. Kids < 5 minutes to find a book!")
  }

  @Test("falls back to the url for a missing id and keeps the summary")
  func idFallback() throws {
    let item = try entry(try Fixture.parse("json11_feed.json"), 2)
    #expect(item.id == "https://mscarterteaches.micro.blog/2024/08/20/summary-only.html")
    #expect(item.summary == "Supplies list for parents.")
    #expect(item.content == nil)
  }

  @Test("recognizes JSON Feed 1.0 and the 1.0 single author")
  func jsonFeed10() throws {
    let document = try parse(
      """
      {"version": "https://jsonfeed.org/version/1", "title": "Pak Guru Fisika",
       "items": [{"id": "1", "content_html": "<p>Hukum Newton</p>", "author": {"name": "Pak Hendra"}}]}
      """)
    #expect(document.format == .json10)
    let item = try entry(document, 0)
    #expect(item.authors == ["Pak Hendra"])
    #expect(item.content == "<p>Hukum Newton</p>")
  }

  @Test("reports invalid JSON as unreadable and a JSON object that is not a feed as not a feed")
  func notJSONFeed() throws {
    #expect(throws: FeedParseError.unreadable("invalid-json")) {
      try parse(#"{"version": "https://jsonfeed.org/version/1.1", "#)
    }
    #expect(throws: FeedParseError.notAFeed(root: "JSON object")) {
      try parse(#"{"name": "lingkar", "private": true}"#)
    }
    #expect(throws: FeedParseError.notAFeed(root: "JSON")) { try parse(#"[1, 2, 3]"#) }
  }
}
