import LingkarFeedList
import LingkarModel
import Testing

@Suite("feeds.txt")
struct FeedListTests {
  func parse(_ text: String) -> FeedList { FeedList(parsing: text, directory: "/srv/lingkar") }

  @Test("reads a URL with tags and a note, and keeps blank and comment lines out")
  func urlTagsNote() {
    let list = parse(
      """
      # the school's feeds

      https://gurukreatif.wordpress.com/feed/ "blog" "id"   # added by Bu Sari 2026-11-29
      """)
    #expect(list.diagnostics.isEmpty)
    let source = list.sources.first
    #expect(source?.url == "https://gurukreatif.wordpress.com/feed/")
    #expect(source?.tags == ["blog", "id"])
    #expect(source?.note == "added by Bu Sari 2026-11-29")
    #expect(source?.line == 3)
    #expect(source?.isLocalFile == false)
  }

  @Test(
    "expands shortcuts to feed addresses",
    arguments: [
      ("mastodon:@someteacher@mastodon.social", "https://mastodon.social/@someteacher.rss"),
      ("@someteacher@Guru.Social", "https://guru.social/@someteacher.rss"),
      ("bluesky:someteacher.bsky.social", "https://bsky.app/profile/someteacher.bsky.social/rss"),
      (
        "youtube:UCabcdefghijklmnopqrstuv",
        "https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv"
      ),
      ("blogger:gurukreatif", "https://gurukreatif.blogspot.com/feeds/posts/default"),
      ("wordpress:gurukreatif", "https://gurukreatif.wordpress.com/feed/"),
      ("wordpress:blog.sekolah.sch.id", "https://blog.sekolah.sch.id/feed/"),
      ("medium:@someteacher", "https://medium.com/feed/@someteacher"),
      ("substack:someteacher", "https://someteacher.substack.com/feed"),
    ])
  func shortcuts(written: String, expected: String) {
    let list = parse(written + " \"social\"")
    #expect(list.diagnostics.isEmpty)
    #expect(list.sources.first?.url == expected)
    #expect(list.sources.first?.written == written)
  }

  @Test(
    "refuses services without feeds, with an explanation",
    arguments: ["x:someone", "twitter:someone", "facebook:someone"])
  func refused(line: String) {
    let list = parse(line)
    #expect(list.sources.isEmpty)
    #expect(list.diagnostics.first?.subject == "feeds.txt:1")
    #expect(list.diagnostics.first?.said.text(in: .en).contains("publishes no feeds") == true)
  }

  @Test("turns local paths into file URLs, relative ones against the feeds file's directory")
  func localPaths() {
    let list = parse("/srv/feeds/local.xml\nshared/other.xml\n../up.xml\nfile:///tmp/x.xml")
    #expect(list.diagnostics.isEmpty)
    #expect(
      list.sources.map(\.url) == [
        "file:///srv/feeds/local.xml", "file:///srv/lingkar/shared/other.xml", "file:///srv/up.xml",
        "file:///tmp/x.xml",
      ])
    #expect(list.sources.allSatisfy { $0.isLocalFile })
  }

  @Test("reports a bad line with its number and goes on")
  func badLines() {
    let list = parse(
      """
      https://ok.example/feed "tag
      ftp://files.example/feed.xml
      https://ok.example/feed2 stray words
      mastodon:nobody
      https://ok.example/feed3
      https://ok.example/feed3
      """)
    #expect(list.sources.map(\.url) == ["https://ok.example/feed3"])
    #expect(
      list.diagnostics.map(\.subject) == ["feeds.txt:1", "feeds.txt:2", "feeds.txt:3", "feeds.txt:4", "feeds.txt:6"])
    #expect(list.diagnostics[0].said.text(in: .en).contains("closing double quote"))
  }
}
