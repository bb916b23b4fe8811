import Foundation
import LingkarModel
import LingkarParse
import Testing

@Suite("OPML")
struct OPMLTests {
  func read(_ name: String) throws -> OPMLDocument { try OPMLReader.read(Fixture.bytes(name)) }

  @Test("reads a Feedly export: folders become tags")
  func feedly() throws {
    let document = try read("opml_feedly.opml")
    #expect(document.title == "Bu Sari subscriptions in feedly Cloud")
    #expect(
      document.feeds.map(\.xmlURL) == [
        "https://gurukreatif.wordpress.com/feed/", "https://www.edutopia.org/rss.xml",
        "https://www.educatorstechnology.com/feeds/posts/default",
      ])
    #expect(document.feeds.map(\.tags) == [["Pendidikan"], ["Pendidikan"], ["Teknologi"]])
    #expect(document.feeds[2].title == "Educators' Technology")
    #expect(document.feeds[0].htmlURL == "https://gurukreatif.wordpress.com")
  }

  @Test("reads an Inoreader export with nested folders and a bare ampersand in an address")
  func inoreader() throws {
    let document = try read("opml_inoreader.opml")
    #expect(document.feeds.count == 3)
    #expect(document.feeds[1].xmlURL == "https://edpendidikan.blogspot.com/feeds/posts/default?alt=rss&max-results=25")
    #expect(document.feeds[1].tags == ["Guru Penggerak", "Kurikulum"])
    #expect(document.feeds[2].tags == [])
  }

  @Test("reads a NetNewsWire export (tabs, version attributes, a comment before the root)")
  func netNewsWire() throws {
    let document = try read("opml_netnewswire.opml")
    #expect(document.feeds.map(\.title) == ["Miguel Guhlin", "#edtech", "Cult of Pedagogy"])
    #expect(document.feeds[0].tags == ["Mastodon"])
  }

  @Test("reads a Miniflux export: categories split on commas and slashes, folders first, no repeats")
  func miniflux() throws {
    let document = try read("opml_miniflux.opml")
    #expect(document.feeds[0].tags == ["All", "research", "english", "blogs"])
    #expect(document.feeds[1].tags == ["Sekolah"])
    #expect(document.feeds[0].xmlURL == "https://www.learningscientists.org/blog?format=rss")
  }

  @Test("reads a Latin-1 file by its declaration")
  func latin1() throws {
    let document = try read("opml_latin1.opml")
    #expect(document.title == "Café guru")
    #expect(document.feeds.first?.title == "Pédagogie")
  }

  @Test("refuses what is not OPML, with a reason")
  func notOPML() {
    #expect(throws: OPMLReadError.notOPML(root: "rss")) { try OPMLReader.read(Array("<rss version='2.0'/>".utf8)) }
    #expect(throws: OPMLReadError.empty) { try OPMLReader.read(Array("  \n".utf8)) }
  }

  @Test("writes OPML 2.0 that reads back to the same feeds, tags and titles, with awkward characters escaped")
  func roundTrip() throws {
    let original = OPMLDocument(
      title: "Lingkar feeds",
      feeds: [
        OPMLFeed(xmlURL: "https://a.example/feed?x=1&y=2", title: "Tom & \"Jerry\" <3", tags: ["blog", "id"]),
        OPMLFeed(xmlURL: "https://b.example/rss.xml", title: "Guru Penggerak", tags: ["id"]),
        OPMLFeed(xmlURL: "https://c.example/atom.xml", title: "No tags", tags: []),
        OPMLFeed(xmlURL: "https://d.example/feed/", title: "Second blog", tags: ["blog"]),
      ])
    let text = OPMLWriter.write(original, dateCreated: Date(timeIntervalSince1970: 1_796_000_000))
    #expect(text.contains("<opml version=\"2.0\">"))
    #expect(text.contains("xmlUrl=\"https://a.example/feed?x=1&amp;y=2\""))
    #expect(text.contains("category=\"blog,id\""))
    #expect(text.contains("<dateCreated>"))
    let back = try OPMLReader.read(Array(text.utf8))
    #expect(back.title == original.title)
    // Grouped by first tag on the way out; the same set of feeds, each with its tags and title.
    #expect(Set(back.feeds) == Set(original.feeds))
    #expect(OPMLWriter.write(back, dateCreated: Date(timeIntervalSince1970: 1_796_000_000)) == text)
  }
}
