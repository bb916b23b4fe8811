import Foundation
import LingkarModel
import LingkarParse
import Testing

/// The only test here that depends on `DateParser`: it checks that each format's date elements
/// reach the right fields, converted to UTC.
@Suite("Feed dates")
struct FeedDatesTests {
  static func iso(_ date: Date?) -> String? { date.map(Timestamp.iso8601) }

  @Test("parses the dates of each format")
  func datesOfEachFormat() throws {
    let wordPress = try Fixture.parse("rss20_wordpress_content_encoded.xml")
    #expect(Self.iso(wordPress.updated) == "2024-09-02T03:15:22Z")
    #expect(Self.iso(try entry(wordPress, 0).published) == "2024-09-02T03:15:22Z")
    #expect(Self.iso(try entry(wordPress, 1).published) == "2024-06-20T03:00:00Z")

    let bluesky = try Fixture.parse("rss20_bluesky.xml")  // RFC 822 without a weekday
    #expect(Self.iso(try entry(bluesky, 0).published) == "2024-09-05T02:14:33Z")

    let blogger = try Fixture.parse("atom10_blogger_escaped_html.xml")  // RFC 3339, fractions, +07:00
    #expect(Self.iso(blogger.updated) == "2024-08-30T07:02:11Z")
    #expect(Self.iso(try entry(blogger, 0).published) == "2024-08-30T07:00:00Z")
    #expect(Self.iso(try entry(blogger, 0).updated) == "2024-08-30T07:02:11Z")

    let rdf = try Fixture.parse("rss10_rdf.xml")  // dc:date
    #expect(Self.iso(rdf.updated) == "2024-09-01T01:00:00Z")
    #expect(Self.iso(try entry(rdf, 1).updated) == "2024-08-15T02:30:00Z")
    #expect(try entry(rdf, 1).published == nil)

    let dublinCore = try Fixture.parse("rss20_dublin_core.xml")  // dcterms:issued, dcterms:modified
    #expect(Self.iso(try entry(dublinCore, 0).published) == "2024-07-15T02:00:00Z")
    #expect(Self.iso(try entry(dublinCore, 0).updated) == "2024-07-16T03:30:00Z")

    let atom03 = try Fixture.parse("atom03_feed.xml")  // issued, modified
    #expect(Self.iso(atom03.updated) == "2005-04-12T08:30:00Z")
    #expect(Self.iso(try entry(atom03, 0).published) == "2005-04-12T12:00:00Z")
    #expect(Self.iso(try entry(atom03, 0).updated) == "2005-04-12T08:30:00Z")

    let youTube = try Fixture.parse("atom10_youtube_media_group.xml")
    #expect(Self.iso(try entry(youTube, 0).published) == "2024-08-28T03:00:07Z")
    #expect(Self.iso(try entry(youTube, 0).updated) == "2024-08-29T11:20:45Z")

    let json = try Fixture.parse("json11_feed.json")
    #expect(Self.iso(try entry(json, 0).published) == "2024-09-01T19:30:00Z")
    #expect(Self.iso(try entry(json, 0).updated) == "2024-09-02T14:00:00Z")

    let bad = try Fixture.parse("rss20_bad_field.xml")  // "kemarin sore" is no date
    #expect(try entry(bad, 0).published == nil)
  }
}
