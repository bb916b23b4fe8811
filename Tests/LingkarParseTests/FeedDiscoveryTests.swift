import Foundation
import LingkarParse
import Testing

@Suite("feed discovery in web pages")
struct FeedDiscoveryTests {
  func discover(_ html: String, url: String = "https://guru.example/blog/post.html", charset: String? = nil)
    -> DiscoveredPage
  {
    FeedDiscovery.discover(page: Array(html.utf8), pageURL: url, charset: charset)
  }

  @Test("finds RSS, Atom and JSON Feed links and resolves relative and absolute hrefs")
  func kindsAndHrefs() {
    let page = discover(
      """
      <!DOCTYPE html><html><head><title>Catatan Guru</title>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="Catatan Guru" href="../feed/">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/12">
      <link rel="alternate" hreflang="en" href="/en/">
      </head><body><p>Halo</p></body></html>
      """)
    #expect(page.title == "Catatan Guru")
    #expect(
      page.feeds.map(\.url) == [
        "https://guru.example/feed/", "https://guru.example/atom.xml", "https://cdn.example/feed.json",
      ])
    #expect(page.feeds.map(\.kind) == [.rss, .atom, .json])
    #expect(page.feeds.first?.title == "Catatan Guru")
  }

  @Test("puts the comments feed after the posts feed, whatever order the page lists them in")
  func mainFeedChosen() {
    let page = discover(
      """
      <html><head>
      <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="/comments/feed/">
      <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed/">
      <link rel="alternate" type="application/atom+xml" title="Blog - Atom" href="/feed/atom/">
      <link rel="alternate" type="application/rss+xml" href="/feed/">
      </head></html>
      """, url: "https://guru.example/")
    #expect(
      page.feeds.map(\.url) == [
        "https://guru.example/feed/", "https://guru.example/feed/atom/", "https://guru.example/comments/feed/",
      ])
    #expect(page.feeds.first?.title == "Blog » Feed")
  }

  @Test("reads upper-case tags, attributes and values, and unquoted attributes")
  func upperCase() {
    let page = discover(
      """
      <HTML><HEAD><TITLE>OLD SCHOOL</TITLE>
      <LINK REL="Alternate" TYPE="Application/RSS+XML" HREF="RSS.XML">
      <Link Rel=ALTERNATE Type=application/atom+xml Href=/ATOM.xml>
      </HEAD><BODY></BODY></HTML>
      """, url: "http://old.example/dir/index.htm")
    #expect(page.feeds.map(\.url) == ["http://old.example/dir/RSS.XML", "http://old.example/ATOM.xml"])
    #expect(page.title == "OLD SCHOOL")
  }

  @Test("reads a Latin-1 page, by its meta charset or by the HTTP charset")
  func latin1() {
    var bytes = Array("<html><head><meta charset=\"iso-8859-1\"><title>Caf".utf8) + [0xE9]
    bytes += Array("</title><link rel=\"alternate\" type=\"application/rss+xml\" title=\"P".utf8) + [0xE9]
    bytes += Array("dagogie\" href=\"/p".utf8) + [0xE9] + Array(".xml\"></head></html>".utf8)
    let page = FeedDiscovery.discover(page: bytes, pageURL: "https://cafe.example/")
    #expect(page.title == "Café")
    #expect(page.feeds.first?.title == "Pédagogie")
    #expect(page.feeds.first?.url == "https://cafe.example/pé.xml")

    let noMeta = Array("<html><head><title>Caf".utf8) + [0xE9] + Array("</title></head></html>".utf8)
    #expect(
      FeedDiscovery.discover(page: noMeta, pageURL: "https://cafe.example/", charset: "ISO-8859-1").title == "Café")
  }

  @Test("resolves against <base href> and keeps only http and https feeds")
  func baseHref() {
    let page = discover(
      """
      <html><head><base href="https://static.example/site/">
      <link rel="alternate" type="application/rss+xml" href="feed.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="canonical" href="/canonical/">
      </head></html>
      """)
    #expect(page.feeds.map(\.url) == ["https://static.example/site/feed.xml"])
    #expect(page.canonicalURL == "https://static.example/canonical/")
  }

  @Test("finds nothing in a page without feed links, or in no page at all")
  func nothing() {
    #expect(
      discover("<html><head><title>Sekolah</title></head><body><a href='/feed/'>RSS</a></body></html>").feeds.isEmpty)
    #expect(FeedDiscovery.discover(page: [], pageURL: "https://x.example/").feeds.isEmpty)
  }

  @Test("lists the well-known paths under the page's folder, then at the site's root")
  func wellKnown() {
    #expect(
      FeedDiscovery.wellKnownCandidates(pageURL: "http://127.0.0.1:8080/")
        == FeedDiscovery.wellKnownPaths.map { "http://127.0.0.1:8080" + $0 })
    let nested = FeedDiscovery.wellKnownCandidates(pageURL: "https://guru.example/blog/2026/post.html")
    #expect(nested.first == "https://guru.example/blog/2026/feed/")
    #expect(nested.count == 2 * FeedDiscovery.wellKnownPaths.count)
    #expect(nested.last == "https://guru.example/feeds/posts/default")
    #expect(FeedDiscovery.wellKnownCandidates(pageURL: "mailto:guru@example.org").isEmpty)
  }

  @Test("reads a YouTube channel id from the page's feed link, canonical link or data")
  func youTube() {
    let id = "UCabcdefghijklmnopqrstuv"
    let withFeed =
      "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"https://www.youtube.com/feeds/videos.xml?channel_id=\(id)\"></head></html>"
    let withCanonical =
      "<html><head><link rel=\"canonical\" href=\"https://www.youtube.com/channel/\(id)\"></head></html>"
    let withData =
      "<html><script>var ytInitialData = {\"header\":{\"channelId\":\"\(id)\",\"title\":\"Guru\"}};</script></html>"
    for page in [withFeed, withCanonical, withData] {
      #expect(YouTubeChannelPage.channelID(page: Array(page.utf8), pageURL: "https://www.youtube.com/@guru") == id)
    }
    #expect(
      YouTubeChannelPage.channelID(page: Array("<html>nothing</html>".utf8), pageURL: "https://www.youtube.com/@x")
        == nil)
  }
}
