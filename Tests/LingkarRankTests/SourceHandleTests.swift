import Testing

@testable import LingkarRank

struct SourceHandleTests {
  @Test(
    "finds the person behind a feed address or an account",
    arguments: [
      ("@bu_sari@mastodon.social", "busari"),
      ("https://mastodon.social/@bu_sari.rss", "busari"),
      ("https://bsky.app/profile/bu-sari.bsky.social/rss", "busari"),
      ("bu-sari.bsky.social", "busari"),
      ("https://busari.wordpress.com/feed/", "busari"),
      ("https://sdn2sukamaju.blogspot.com/feeds/posts/default", "sdn2sukamaju"),
      ("https://Bacaanguru.Substack.com/feed", "bacaanguru"),
      ("https://medium.com/feed/@dimasteaches", "dimasteaches"),
    ])
  func handles(source: String, handle: String) {
    #expect(SourceHandle.of(source) == handle)
  }

  @Test(
    "gives no handle for a site of its own or a shared host's own pages",
    arguments: [
      "https://www.gurukreatif.sch.id/feed/", "https://blogspot.com/", "/tmp/feeds/local.xml",
      "https://ab.wordpress.com/",
    ])
  func noHandle(source: String) {
    #expect(SourceHandle.of(source) == nil)
  }
}
