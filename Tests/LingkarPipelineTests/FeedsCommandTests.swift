import Foundation
import LingkarFeedList
import LingkarFetch
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

/// A temp folder with a feeds file, and the options every `feeds` command takes, pointed at it and
/// at a loopback site standing in for YouTube.
struct FeedsFixture {
  let directory = TemporaryDirectory()
  let youTube = TestSite("youtube")
  var options: FeedsOptions

  init(_ text: String? = nil) {
    options = FeedsOptions(feedsPath: directory.file("feeds.txt"), databasePath: directory.file("lingkar.db"))
    options.fetch.connectTimeoutMilliseconds = 5_000
    options.youTubeOrigin = youTube.origin
    options.lockTimeout = 30
    if let text { directory.write("feeds.txt", text) }
  }

  var text: String { (try? String(contentsOfFile: options.feedsPath, encoding: .utf8)) ?? "" }

  func add(_ input: String, tags: [String] = [], check: Bool = true) throws(LingkarFailure) -> FeedAdder.Result {
    try FeedAdder(options: options).add(
      FeedAdder.Request(input: input, tags: tags, addedBy: "Bu Sari", check: check, now: Self.day))
  }

  static let day = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29 10:00 UTC
  static var date: String { FeedAdderDate.day }
}

/// The date `feeds add` writes for `FeedsFixture.day`, in this machine's time zone.
enum FeedAdderDate {
  static var day: String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: FeedsFixture.day)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}

/// The feeds error a throwing call ends with (the cause of its `LingkarFailure`), for tests that look into it.
func failure(_ body: () throws -> Void) -> FeedsError? {
  do {
    try body()
    return nil
  } catch {
    return (error as? LingkarFailure)?.cause as? FeedsError
  }
}

@Suite("lingkar feeds add")
struct FeedsAddTests {
  @Test("finds the main feed among a page's links, shows its title and latest three items, and appends its line")
  func fromLinks() throws {
    let fixture = FeedsFixture("# our feeds\n")
    defer { fixture.directory.remove() }
    let other = TestSite("cdn")
    other.feed("/everything.xml", TestSite.rss(title: "Elsewhere", items: 2))
    let blog = TestSite("blog")
    blog.page(
      "/2026/11/post.html",
      """
      <html><head><title>Guru Kreatif</title>
      <link rel="alternate" type="application/rss+xml" title="Guru Kreatif &raquo; Comments Feed" href="/comments/feed/">
      <link rel="alternate" type="application/rss+xml" title="Guru Kreatif &raquo; Feed" href="../../feed/">
      <link rel="alternate" type="application/atom+xml" title="Elsewhere" href="\(other.url("/everything.xml"))">
      </head><body>Halo</body></html>
      """)
    blog.feed("/feed/", TestSite.rss(title: "Guru Kreatif", items: 5))
    blog.feed("/comments/feed/", TestSite.rss(title: "Comments on Guru Kreatif", items: 9))

    let result = try fixture.add(blog.url("/2026/11/post.html"), tags: ["blog", "id"])
    #expect(result.title == "Guru Kreatif")
    #expect(result.latest.map(\.title) == ["Guru Kreatif post 1", "Guru Kreatif post 2", "Guru Kreatif post 3"])
    #expect(
      result.candidates.map(\.url) == [blog.url("/feed/"), other.url("/everything.xml"), blog.url("/comments/feed/")])
    #expect(result.candidates.allSatisfy { $0.problem == nil })
    let line = "\(blog.url("/feed/")) \"blog\" \"id\"   # added by Bu Sari \(FeedsFixture.date)"
    #expect(result.line == line)
    #expect(result.lineNumber == 2)
    #expect(fixture.text == "# our feeds\n\(line)\n")

    // The feed is stored at once, so the list shows it.
    let rows = try FeedsOverview(options: fixture.options).rows().rows
    #expect(rows.count == 1)
    #expect(rows.first?.title == "Guru Kreatif")
    #expect(rows.first?.items == 5)
    #expect(rows.first?.addedBy == "Bu Sari")
    #expect(rows.first?.tags == ["blog", "id"])
    #expect(rows.first?.status == .ok)
  }

  @Test("reads a page with upper-case markup in Latin-1 (charset only in the HTTP header)")
  func latin1UpperCase() throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    let site = TestSite("lama")
    let html =
      Array("<HTML><HEAD><TITLE>Caf".utf8) + [0xE9]
      + Array(
        "</TITLE><LINK REL=\"ALTERNATE\" TYPE=\"APPLICATION/RSS+XML\" TITLE=\"Berita Sekolah\" HREF=\"BERITA.XML\"></HEAD></HTML>"
          .utf8)
    site.serve("/INDEX.HTM", headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: html)
    site.feed("/BERITA.XML", TestSite.rss(title: "Berita Sekolah", items: 1))
    let result = try fixture.add(site.url("/INDEX.HTM"))
    #expect(result.written == site.url("/BERITA.XML"))
    #expect(result.title == "Berita Sekolah")
  }

  @Test("tries the well-known paths when the page announces no feed, under the page's folder and at the root")
  func wellKnown() throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    let root = TestSite("hugo")
    root.page("/", "<html><head><title>Hugo site</title></head><body>No links here.</body></html>")
    root.feed("/index.xml", TestSite.rss(title: "Hugo site", items: 2))
    #expect(try fixture.add(root.url("/")).written == root.url("/index.xml"))

    let nested = TestSite("sekolah")
    nested.page("/blog/", "<html><body>Blog</body></html>")
    nested.feed("/blog/feed/", TestSite.rss(title: "Blog sekolah", items: 2))
    nested.feed(
      "/feed.json", #"{"version":"https://jsonfeed.org/version/1.1","title":"Site","items":[]}"#,
      contentType: "application/feed+json")
    let result = try fixture.add(nested.url("/blog/"))
    #expect(result.written == nested.url("/blog/feed/"))
    #expect(result.candidates.map(\.url) == [nested.url("/blog/feed/"), nested.url("/feed.json")])
  }

  @Test("says clearly when a page has no feed at all, and leaves the file alone")
  func noFeed() {
    let fixture = FeedsFixture("# nothing yet\n")
    defer { fixture.directory.remove() }
    let site = TestSite("plain")
    site.page("/", "<html><head><title>Just a page</title></head><body><p>Hello</p></body></html>")
    let error = failure { _ = try fixture.add(site.url("/")) }
    guard case .noFeed(_, let tried, _)? = error else {
      Issue.record("expected noFeed, got \(String(describing: error))")
      return
    }
    #expect(tried.contains("/rss.xml"))
    #expect(error?.message.text(in: .en).contains("no feed found at \(site.url("/"))") == true)
    #expect(fixture.text == "# nothing yet\n")
  }

  @Test(
    "writes each shortcut as given, after checking it expands",
    arguments: [
      "@guru@mastodon.social", "mastodon:@guru@guru.social", "bluesky:guru.bsky.social",
      "youtube:UCabcdefghijklmnopqrstuv", "blogger:gurukreatif", "wordpress:gurukreatif", "medium:@guru",
      "substack:guru",
    ])
  func shortcutsWritten(input: String) throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    let result = try fixture.add(input, tags: ["social"], check: false)
    #expect(fixture.text == "\(input) \"social\"   # added by Bu Sari \(FeedsFixture.date)\n")
    #expect(result.written == input)
    // What feeds.txt makes of the line is the platform's feed address.
    let list = FeedList(parsing: fixture.text, directory: fixture.directory.path)
    #expect(list.diagnostics.isEmpty)
    #expect(list.sources.first?.url.hasPrefix("https://") == true)
  }

  @Test("checks a shortcut's feed by fetching it: a Mastodon account on a loopback instance")
  func mastodonChecked() throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    // Mastodon feeds live at https://INSTANCE/@USER.rss; the loopback stands in through a plain address.
    let instance = TestSite("toot")
    instance.feed("/@guru.rss", TestSite.rss(title: "Guru on Mastodon", items: 4))
    let result = try fixture.add(instance.url("/@guru.rss"))
    #expect(result.title == "Guru on Mastodon")
    #expect(result.latest.count == 3)
  }

  @Test("resolves youtube:@handle through the channel page to youtube:CHANNEL-ID")
  func youTubeHandle() throws {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    let id = "UCabcdefghijklmnopqrstuv"
    fixture.youTube.page(
      "/@GuruBelajar",
      "<html><head><link rel=\"canonical\" href=\"https://www.youtube.com/channel/\(id)\"></head><body></body></html>")
    fixture.youTube.feed(
      "/feeds/videos.xml?channel_id=\(id)",
      """
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Guru Belajar</title>
      <entry><id>yt:video:1</id><title>Asesmen formatif</title><updated>2026-11-20T08:00:00Z</updated></entry></feed>
      """, contentType: "application/atom+xml")
    let result = try fixture.add("youtube:@GuruBelajar", tags: ["video"])
    #expect(result.written == "youtube:\(id)")
    #expect(result.title == "Guru Belajar")
    #expect(fixture.text == "youtube:\(id) \"video\"   # @GuruBelajar; added by Bu Sari \(FeedsFixture.date)\n")

    fixture.youTube.page("/@Nobody", "<html><body>This channel does not exist.</body></html>")
    let error = failure { _ = try fixture.add("youtube:@Nobody") }
    #expect(error?.message.text(in: .en).contains("youtube:UC") == true)
  }

  @Test("refuses X/Twitter and Facebook with an explanation and alternatives")
  func refused() {
    let fixture = FeedsFixture()
    defer { fixture.directory.remove() }
    for input in ["twitter:@guru", "https://x.com/guru", "https://www.facebook.com/sdharapan"] {
      let error = failure { _ = try fixture.add(input) }
      #expect(error?.message.text(in: .en).contains("publishes no feeds") == true)
      #expect(error?.message.text(in: .en).contains("bluesky:") == true)
    }
    #expect(fixture.text == "")
  }

  @Test("refuses a feed already listed under another spelling, naming its line")
  func duplicateSameURL() {
    let site = TestSite("dup")
    let fixture = FeedsFixture("# feeds\n\(site.url("/feed/")) \"blog\"\n")
    defer { fixture.directory.remove() }
    let spelled = site.url("/feed").replacingOccurrences(of: "http://", with: "HTTP://").uppercased()
      .replacingOccurrences(of: "/FEED", with: "/feed")
    let error = failure { _ = try fixture.add(spelled, check: false) }
    guard case .duplicate(_, let line, let text, _)? = error else {
      Issue.record("expected duplicate, got \(String(describing: error))")
      return
    }
    #expect(line == 2)
    #expect(text == "\(site.url("/feed/")) \"blog\"")
    #expect(fixture.text == "# feeds\n\(site.url("/feed/")) \"blog\"\n")
  }

  @Test("refuses the same feed reached through a redirect, or found on a page")
  func duplicateAfterRedirect() {
    let site = TestSite("moved")
    site.feed("/feed/", TestSite.rss(title: "Blog", items: 3))
    site.redirect("/old-feed.xml", to: "/feed/", status: 302)
    site.page("/", "<html><head><link rel=alternate type=application/rss+xml href=/feed/></head></html>")
    let original = "\(site.url("/feed/"))   # the blog\n"
    let fixture = FeedsFixture(original)
    defer { fixture.directory.remove() }
    for input in [site.url("/old-feed.xml"), site.url("/")] {
      let error = failure { _ = try fixture.add(input) }
      guard case .duplicate(_, let line, _, _)? = error else {
        Issue.record("expected duplicate for \(input), got \(String(describing: error))")
        continue
      }
      #expect(line == 1)
    }
    #expect(fixture.text == original)
  }

  @Test("two adds at once both land; the same feed added twice at once lands once")
  func concurrentAdds() async throws {
    let fixture = FeedsFixture(handEditedFeeds)
    defer { fixture.directory.remove() }
    let options = fixture.options
    let inputs = [
      "https://a.example/feed/", "https://b.example/feed/", "https://c.example/feed/", "https://c.example/feed/",
    ]
    let outcomes = await withTaskGroup(of: Bool.self) { group in
      for input in inputs {
        group.addTask {
          (try? FeedAdder(options: options).add(
            FeedAdder.Request(input: input, addedBy: "x", check: false, now: FeedsFixture.day)))
            != nil
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(outcomes.filter { $0 }.count == 3)
    let lines = fixture.text.components(separatedBy: "\n")
    #expect(fixture.text.hasPrefix(handEditedFeeds))
    #expect(
      Set(
        lines.filter { $0.hasPrefix("https://") && $0.contains(".example/feed/") && !handEditedFeeds.contains($0) }.map
        { $0.prefix(24) })
        == ["https://a.example/feed/ ", "https://b.example/feed/ ", "https://c.example/feed/ "])
    #expect(lines.count == handEditedFeeds.components(separatedBy: "\n").count + 3)
  }
}

/// A feeds file as people really edit it: comments, blank lines, odd spacing, tabs, notes, a bad line,
/// and no line break at the very end.
let handEditedFeeds = """
  # Feeds of SD Harapan — edit freely, one feed a line

  https://gurukreatif.wordpress.com/feed/ "blog" "id"   # added by Bu Sari 2026-11-29
  \thttps://www.edutopia.org/rss.xml    "en"\t# teaching ideas
  mastodon:@mguhlin@mastodon.education "social"

  # old ones, kept for later
  #https://msyukur.blogspot.com/feeds/posts/default
  https://broken.example/feed "unclosed
  https://www.cultofpedagogy.com/feed/
  """

@Suite("lingkar feeds remove, check, import, export")
struct FeedsMaintenanceTests {
  @Test("add then remove gives back the hand-edited file byte for byte, by address or by line number")
  func addRemove() throws {
    let fixture = FeedsFixture(handEditedFeeds)
    defer { fixture.directory.remove() }
    let result = try fixture.add("https://new.example/feed/", tags: ["x"], check: false)
    #expect(fixture.text == handEditedFeeds + "\n" + result.line)
    let removed = try FeedsRemover(options: fixture.options).remove("http://NEW.example/feed")
    #expect(removed.line == 11)
    #expect(fixture.text == handEditedFeeds)

    _ = try fixture.add("https://new.example/feed/", check: false)
    _ = try FeedsRemover(options: fixture.options).remove("11")
    #expect(fixture.text == handEditedFeeds)

    // A line in the middle, by its shortcut.
    _ = try FeedsRemover(options: fixture.options).remove("mastodon:@mguhlin@mastodon.education")
    var lines = handEditedFeeds.components(separatedBy: "\n")
    lines.remove(at: 4)
    #expect(fixture.text == lines.joined(separator: "\n"))

    #expect(
      failure { _ = try FeedsRemover(options: fixture.options).remove("1") }?.message.text(in: .en).contains(
        "holds no feed")
        == true)
    #expect(
      failure { _ = try FeedsRemover(options: fixture.options).remove("https://nowhere.example/") }?.message.text(
        in: .en
      )
      .contains("no line of feeds.txt") == true)
  }

  @Test("check --fix on a file with a moved and a gone feed changes exactly those two lines")
  func checkFix() throws {
    let site = TestSite("health")
    site.feed("/fine.xml", TestSite.rss(title: "Fine", items: 3))
    site.feed("/new-home.xml", TestSite.rss(title: "Moved blog", items: 3, link: "https://moved.example/"))
    site.redirect("/old-home.xml", to: site.url("/new-home.xml"), status: 301)
    site.serve("/gone.xml", status: 410, body: Array("gone".utf8))
    site.serve("/missing.xml", status: 404, body: Array("not here".utf8))
    site.page("/a-page.html", "<html><head><title>Not a feed</title></head><body></body></html>")
    let original = """
      # School feeds — keep this comment

      \(site.url("/fine.xml")) "ok"   # fine
        \(site.url("/old-home.xml"))\t"blog"  "id"   # moved, keeps its tags and note
      \(site.url("/gone.xml")) "old"   # gone
      \(site.url("/missing.xml"))
      \(site.url("/a-page.html"))

      # the end, no line break after this
      """
    let fixture = FeedsFixture(original)
    defer { fixture.directory.remove() }
    let now = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29: the items (Nov 2026) are recent
    let report = try FeedsChecker(options: fixture.options).check(.init(fetch: true, fix: true, now: now))

    var expected = original.components(separatedBy: "\n")
    expected[3] = "  \(site.url("/new-home.xml"))\t\"blog\"  \"id\"   # moved, keeps its tags and note"
    expected[4] = "# gone (HTTP 410) on \(FeedAdderDate.day): \(site.url("/gone.xml")) \"old\"   # gone"
    #expect(fixture.text == expected.joined(separator: "\n"))
    #expect(report.fixed.count == 2)
    let kinds = Dictionary(grouping: report.findings, by: \.line).mapValues { $0.map(\.kind) }
    #expect(kinds == [6: [.failing], 7: [.notAFeed]])
    #expect(report.findings.first { $0.line == 6 }?.message.text(in: .en).contains("HTTP 404") == true)

    // The store follows the rewritten address: the moved feed's items are not new to it.
    let states = try FeedStore(path: fixture.options.databasePath).feedStates()
    #expect(states[site.url("/new-home.xml")] != nil)
    #expect(states[site.url("/old-home.xml")] == nil)

    // A second check finds nothing more to fix.
    let again = try FeedsChecker(options: fixture.options).check(.init(fetch: true, fix: true, now: now))
    #expect(again.fixed.isEmpty)
    #expect(fixture.text == expected.joined(separator: "\n"))
  }

  @Test("check reports silent feeds, duplicates and lines it cannot read, without changing anything")
  func checkReport() throws {
    let site = TestSite("report")
    site.feed("/a.xml", TestSite.rss(title: "A", items: 4, link: "https://same.example/"))
    site.feed("/b.xml", TestSite.rss(title: "B (same posts)", items: 4, link: "https://same.example/"))
    let original = """
      \(site.url("/a.xml"))
      \(site.url("/b.xml"))
      \(site.url("/a.xml?utm_source=mail"))
      https://x.example/feed "unclosed
      """
    let fixture = FeedsFixture(original)
    defer { fixture.directory.remove() }
    let later = Date(timeIntervalSince1970: 1_795_953_600 + 90 * 86_400)  // three months after the posts
    let report = try FeedsChecker(options: fixture.options).check(.init(fetch: true, fix: true, now: later))
    #expect(fixture.text == original)
    let kinds = Dictionary(grouping: report.findings, by: \.line).mapValues { Set($0.map(\.kind)) }
    #expect(kinds[1] == [.silent])
    #expect(kinds[2] == [.silent, .duplicate])
    #expect(kinds[3]?.contains(.duplicate) == true)
    #expect(kinds[4] == [.unreadableLine])
  }

  @Test("export, import into an empty file and export again give the same OPML")
  func opmlRoundTrip() throws {
    let fixture = FeedsFixture(
      """
      # ours
      https://gurukreatif.wordpress.com/feed/ "blog" "id"   # Guru Kreatif; added by Bu Sari 2026-11-29
      https://www.edutopia.org/rss.xml "en"   # Edutopia
      https://example.org/feed?a=1&b=2   # Tom & Jerry's "notes"
      mastodon:@guru@mastodon.social "social" "id"
      local.xml
      """)
    defer { fixture.directory.remove() }
    let day = Date(timeIntervalSince1970: 1_795_953_600)
    let first = try FeedsOPML(options: fixture.options).export(now: day)
    #expect(first.skipped == ["local.xml"])
    #expect(first.opml.contains("xmlUrl=\"https://mastodon.social/@guru.rss\""))
    fixture.directory.write("export.opml", first.opml)

    var copy = fixture.options
    copy.feedsPath = fixture.directory.file("copy.txt")
    let imported = try FeedsOPML(options: copy).importFile(
      fixture.directory.file("export.opml"), addedBy: "Pak Budi", now: day)
    #expect(imported.added.count == 4)
    let second = try FeedsOPML(options: copy).export(now: day)
    #expect(second.opml == first.opml)

    // Importing again adds nothing: every feed is there.
    let again = try FeedsOPML(options: copy).importFile(fixture.directory.file("export.opml"), now: day)
    #expect(again.added.isEmpty)
    #expect(again.skipped.count == 4)
  }

  @Test("imports an OPML file from another reader with nested folders, skipping feeds already listed")
  func importNested() throws {
    let fixture = FeedsFixture("# mine\nhttp://www.kqed.org/mindshift/feed/\n")
    defer { fixture.directory.remove() }
    fixture.directory.write(
      "inoreader.opml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="1.0"><head><title>Subscriptions from Inoreader</title></head><body>
        <outline text="Guru Penggerak" title="Guru Penggerak">
          <outline text="itsmyshare" title="itsmyshare" type="rss" xmlUrl="https://itsmyshare.blogspot.com/feeds/posts/default" htmlUrl="https://itsmyshare.blogspot.com/"/>
          <outline text="Kurikulum" title="Kurikulum">
            <outline text="edpendidikan" title="edpendidikan" type="rss" xmlUrl="https://edpendidikan.blogspot.com/feeds/posts/default?alt=rss&max-results=25"/>
          </outline>
        </outline>
        <outline text="KQED MindShift" title="KQED MindShift" type="rss" xmlUrl="https://www.kqed.org/mindshift/feed"/>
        <outline text="Podcast" title="Podcast" type="rss" xmlUrl="feed://podcast.example/rss"/>
      </body></opml>
      """)
    let result = try FeedsOPML(options: fixture.options).importFile(
      fixture.directory.file("inoreader.opml"), tags: ["imported"], addedBy: "Bu Sari", now: FeedsFixture.day)
    let date = FeedsFixture.date
    #expect(
      fixture.text == """
        # mine
        http://www.kqed.org/mindshift/feed/
        https://itsmyshare.blogspot.com/feeds/posts/default "Guru Penggerak" "imported"   # itsmyshare; added by Bu Sari \(date)
        https://edpendidikan.blogspot.com/feeds/posts/default?alt=rss&max-results=25 "Guru Penggerak" "Kurikulum" "imported"   # edpendidikan; added by Bu Sari \(date)
        http://podcast.example/rss "imported"   # Podcast; added by Bu Sari \(date)

        """)
    #expect(result.skipped.map { $0.reason.text(in: .en) } == ["already on line 2"])
    #expect(FeedList(parsing: fixture.text, directory: "/").diagnostics.isEmpty)
  }
}

@Suite("the lingkar feeds commands")
struct FeedsProcessTests {
  func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> (status: Int32, out: String, err: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    // The English messages these tests read (the default is now Indonesian; issue 14).
    environment["LANG"] = "en_US.UTF-8"
    process.environment = environment
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
  }

  @Test("add, list, check --fix and remove from the command line, with plain messages and exit codes")
  func commandLine() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("cli")
    site.page(
      "/", "<html><head><link rel=alternate type=application/atom+xml title=Posts href=/atom.xml></head></html>")
    site.feed("/atom.xml", TestSite.rss(title: "CLI blog", items: 4))
    site.serve("/gone.xml", status: 410)
    directory.write("feeds.txt", "# mine\n\(site.url("/gone.xml"))\n")

    let refused = try run(["feeds", "add", "twitter:@guru"], in: directory)
    #expect(refused.status == 1)
    #expect(refused.err.contains("publishes no feeds"))

    let added = try run(["feeds", "add", site.url("/"), "--tag", "blog", "--by", "Bu Sari"], in: directory)
    #expect(added.status == 0)
    #expect(added.out.contains("CLI blog"))
    #expect(added.out.contains("CLI blog post 1"))
    #expect(added.out.contains("Added to feeds.txt line 3"))

    let again = try run(["feeds", "add", site.url("/atom.xml")], in: directory)
    #expect(again.status == 1)
    #expect(again.err.contains("already in feeds.txt on line 3"))

    let list = try run(["feeds", "list"], in: directory)
    #expect(list.status == 0)
    #expect(list.out.contains("CLI blog"))
    #expect(list.out.hasSuffix("feeds=2\n"))

    let check = try run(["feeds", "check", "--fix"], in: directory)
    #expect(check.status == 0)
    #expect(check.out.contains("commented out (gone)"))
    let text = try String(contentsOfFile: directory.file("feeds.txt"), encoding: .utf8)
    #expect(text.components(separatedBy: "\n")[1].hasPrefix("# gone (HTTP 410)"))

    let removed = try run(["feeds", "remove", "3"], in: directory)
    #expect(removed.status == 0)
    let export = try run(["feeds", "export"], in: directory)
    #expect(export.out.contains("<opml version=\"2.0\">"))
  }
}
