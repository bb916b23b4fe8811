import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import NIOCore
import Testing

@testable import LingkarWeb

/// The pages over the pipeline's operations: reading, adding a feed, picking topics, the agenda.
@Suite struct WebPagesTests {
  /// Markup and script from feeds never reaches a page as markup.
  static func expectEscaped(_ html: String, _ path: String) {
    #expect(!html.contains("<script"), "\(path) has a script")
    #expect(!html.contains("<img src=x"), "\(path) has the feed's img")
    #expect(!html.contains("<b>sederhana"), "\(path) has the feed's markup")
    #expect(!html.contains("href=\"javascript:"), "\(path) links to javascript:")
  }

  @Test("hostile titles are escaped on every page; the suggested topics come first with WhatsApp links")
  func readingPages() async throws {
    let fixture = try WebFixture()
    let date = try fixture.recordHostileDigest()
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.facilitatorCode)
      for path in ["/", "/topics", "/archive", "/archive/\(date)", "/feeds", "/meeting", "/?lang=en"] {
        let response = try await client.get(path, teacher)
        #expect(response.status == .ok, "\(path)")
        Self.expectEscaped(text(response), path)
      }
      let home = text(try await client.get("/?lang=id", teacher))
      #expect(home.contains("&lt;script&gt;alert(&#39;feed&#39;)&lt;/script&gt;Guru"))
      #expect(home.contains("href=\"https://wa.me/?text="))
      #expect(home.contains("Usulan topik"))
      let suggested = try #require(home.range(of: "Usulan topik"))
      if let others = home.range(of: "Topik lain") { #expect(suggested.lowerBound < others.lowerBound) }
      let english = text(try await client.get("/?lang=en", teacher))
      #expect(english.contains("Suggested topics") && english.contains("<html lang=\"en\""))
      // The language asked for is kept for the next pages.
      #expect(text(try await client.get("/feeds", teacher)).contains("The school&#39;s feeds"))
      #expect(text(try await client.get("/archive/2000-01-01", teacher)).contains("2000-01-01"))
    }
  }

  @Test("/ weighs under 60 KB compressed and loads nothing from elsewhere")
  func pageWeight() async throws {
    let fixture = try WebFixture()
    _ = try fixture.recordHostileDigest()
    try await fixture.app().test(.router) { client in
      let visitor = try await client.login(WebFixture.teacherCode)
      let home = text(try await client.get("/", visitor))
      #expect(!home.contains("<link") && !home.contains("@import") && !home.contains("<script"))
      let file = fixture.directory.file("home.html")
      try home.write(toFile: file, atomically: true, encoding: .utf8)
      let gzip = Process()
      gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
      gzip.arguments = ["-c", "gzip -9 -c \"$0\" | wc -c", file]
      let pipe = Pipe()
      gzip.standardOutput = pipe
      try gzip.run()
      gzip.waitUntilExit()
      let size =
        Int(
          String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? Int.max
      #expect(size < 60_000)
    }
  }

  @Test("adding a feed from a blog's home page: a preview first, nothing written; then the line with the name")
  func addFeed() async throws {
    let fixture = try WebFixture()
    let site = TestSite("blog")
    site.page("/", "<html><head><link rel=alternate type=application/rss+xml href=/feed/></head></html>")
    site.feed("/feed/", TestSite.rss(title: "Blog <script>x</script>Bu Ani", items: 4))
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode, name: "Bu Ani")
      let preview = try await client.post("/feeds/new", [("url", site.url("/")), ("csrf", teacher.csrf)], teacher)
      #expect(preview.status == .ok)
      Self.expectEscaped(text(preview), "preview")
      #expect(text(preview).contains("post 1") && text(preview).contains("action=\"/feeds/confirm\""))
      #expect(fixture.feedsText == "# the school's feeds\n")
      let confirm = try await client.post(
        "/feeds/confirm", [("url", site.url("/feed/")), ("csrf", teacher.csrf)], teacher)
      #expect(confirm.status == .ok)
      #expect(fixture.feedsText.contains(site.url("/feed/")) && fixture.feedsText.contains("# added by Bu Ani"))
      let list = text(try await client.get("/feeds", teacher))
      #expect(list.contains("Bu Ani"))
      Self.expectEscaped(list, "/feeds")
      // The same duplicate check as `feeds add`.
      let again = try await client.post(
        "/feeds/confirm", [("url", site.url("/feed/")), ("csrf", teacher.csrf)], teacher)
      #expect(again.status == .unprocessableContent)
    }
    #expect(fixture.feedsText.components(separatedBy: "\n").filter { $0.contains("/feed/") }.count == 1)
  }

  @Test(
    "addresses into the school's network are refused with a plain message, nothing written",
    arguments: [
      "http://127.0.0.1:PORT/feed/plain.xml", "http://localhost:PORT/feed/plain.xml",
      "http://[::1]:PORT/feed/plain.xml", "http://lingkar-web.localhost:PORT/feed/plain.xml",
    ])
  func privateAddresses(address: String) async throws {
    var fixture = try WebFixture()
    fixture.configuration.allowedEndpoints = []
    let url = address.replacingOccurrences(of: "PORT", with: String(TestServer.shared.port))
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode)
      let response = try await client.post(
        "/feeds/new", [("url", url), ("csrf", teacher.csrf)], teacher, headers: [:])
      #expect(response.status == .unprocessableContent)
      #expect(text(response).contains("jaringan lokal"))
      let confirm = try await client.post("/feeds/confirm", [("url", url), ("csrf", teacher.csrf)], teacher)
      #expect(confirm.status == .unprocessableContent)
    }
    #expect(fixture.feedsText == "# the school's feeds\n")
  }

  @Test("--allow-private-addresses lets the server fetch an intranet blog")
  func allowPrivate() async throws {
    var fixture = try WebFixture()
    fixture.configuration.allowedEndpoints = []
    fixture.configuration.allowPrivateAddresses = true
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode)
      let response = try await client.post(
        "/feeds/new", [("url", TestServer.shared.url("/feed/plain.xml")), ("csrf", teacher.csrf)], teacher)
      #expect(response.status == .ok)
    }
  }

  @Test("the facilitator picks topics as `topics pick` records them, then opens the agenda")
  func meeting() async throws {
    let fixture = try WebFixture()
    _ = try fixture.recordHostileDigest()
    try await fixture.app().test(.router) { client in
      let facilitator = try await client.login(WebFixture.facilitatorCode, name: "Pak Budi")
      let form = text(try await client.get("/meeting", facilitator))
      #expect(form.contains("name=\"topic\" value=\"literacy\""))
      let future = CalendarDay(Date().addingTimeInterval(7 * 86_400), utcOffset: 0).description
      let picked = try await client.post(
        "/meeting", [("topic", "literacy"), ("topic", "assessment"), ("date", future), ("csrf", facilitator.csrf)],
        facilitator)
      #expect(picked.status == .ok)
      let picks = try PickRun(databasePath: fixture.configuration.databasePath).list()
      #expect(picks.last?.topicIDs == ["literacy", "assessment"])
      #expect(picks.last?.meeting.description == future)
      // A date in the past is refused, as `topics pick` refuses it without --force.
      let past = try await client.post(
        "/meeting", [("topic", "literacy"), ("date", "2020-01-01"), ("csrf", facilitator.csrf)], facilitator)
      #expect(past.status == .unprocessableContent)
      #expect(try PickRun(databasePath: fixture.configuration.databasePath).list().count == 1)
      let agenda = try await client.get("/meeting/agenda", facilitator)
      #expect(agenda.status == .unprocessableContent || agenda.status == .ok)
    }
  }

  @Test("share, vote and board: the same operations as lingkar share, topics vote and board, names from the session")
  func sharingVotesBoard() async throws {
    let fixture = try WebFixture()
    fixture.directory.write(
      "lingkar.yaml", "language: id\nmeeting:\n  weekday: thursday\n  every_weeks: 2\n  first: 2026-01-08\n")
    let site = TestSite("web-share")
    site.page(
      "/artikel",
      "<html><head><title>Pojok baca <b>kelas</b> empat</title>"
        + "<meta name=\"description\" content=\"Buku dari kardus bekas.\"></head><body><p>Isi.</p></body></html>")
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode, name: "Bu Ani")
      let form = try await client.get("/share", teacher)
      #expect(form.status == .ok)
      #expect(text(form).contains("name=\"csrf\""))
      // Without the form token nothing is stored.
      let forged = try await client.post("/share", [("url", site.url("/artikel"))], teacher)
      #expect(forged.status == .forbidden)
      #expect(try FeedStore(path: fixture.configuration.databasePath).shares().isEmpty)
      let shared = try await client.post(
        "/share", [("url", site.url("/artikel")), ("note", "Bagus <untuk> kelas 4"), ("csrf", teacher.csrf)], teacher)
      #expect(shared.status == .ok)
      #expect(text(shared).contains("Pojok baca &lt;b&gt;kelas&lt;/b&gt; empat") || text(shared).contains("Pojok baca"))
      #expect(!text(shared).contains("<b>kelas</b>"))
      let shares = try FeedStore(path: fixture.configuration.databasePath).shares()
      #expect(shares.values.flatMap { $0 }.map(\.name) == ["Bu Ani"])
      // An address of the school's own network (here loopback on a port the test did not allow) is
      // refused with the guard's words, before anything is sent.
      let intranet = try await client.post(
        "/share", [("url", "http://127.0.0.1:9/rahasia"), ("csrf", teacher.csrf)], teacher)
      #expect(intranet.status == .unprocessableContent)
      #expect(text(intranet).contains("jaringan lokal"))
      // A vote, then the same vote taken back: the count the page says follows.
      let vote = try await client.post("/topics/vote", [("topic", "literacy"), ("csrf", teacher.csrf)], teacher)
      #expect(vote.status == .ok)
      #expect(text(vote).contains("dicatat"))
      let again = try await client.post("/topics/vote", [("topic", "literacy"), ("csrf", teacher.csrf)], teacher)
      #expect(text(again).contains("ditarik"))
      let unknown = try await client.post("/topics/vote", [("topic", "sepakbola"), ("csrf", teacher.csrf)], teacher)
      #expect(unknown.status == .unprocessableContent)
      // The board is the facilitator's; it carries the shared article with its QR code.
      #expect(try await client.get("/board", teacher).status == .forbidden)
      let facilitator = try await client.login(WebFixture.facilitatorCode, name: "Pak Dedi")
      let board = try await client.get("/board", facilitator)
      #expect(board.status == .ok)
      #expect(text(board).contains("<svg"))
      #expect(text(board).contains("Bu Ani"))
    }
  }

  /// The facilitator's line for `topic` on /meeting: from its checkbox to the end of its label.
  static func meetingLine(_ form: String, _ topic: String) -> String {
    guard let start = form.range(of: "value=\"\(topic)\""),
      let end = form.range(of: "</label>", range: start.upperBound..<form.endIndex)
    else { return "" }
    return String(form[start.upperBound..<end.lowerBound])
  }

  @Test(
    "votes on the pages: a teacher sees her vote on /topics and takes it back there; the counts beside /meeting's topics"
  )
  func votesOnThePages() async throws {
    let fixture = try WebFixture()
    fixture.directory.write(
      "lingkar.yaml", "language: id\nmeeting:\n  weekday: thursday\n  every_weeks: 1\n  first: 2026-01-08\n")
    _ = try fixture.recordHostileDigest()
    try await fixture.app().test(.router) { client in
      let ani = try await client.login(WebFixture.teacherCode, name: "Bu Ani")
      let dedi = try await client.login(WebFixture.teacherCode, name: "Pak Dedi")
      let before = text(try await client.get("/topics", ani))
      #expect(before.contains("Untuk pertemuan"))
      #expect(before.contains("name=\"topic\" value=\"literacy\""))
      #expect(!before.contains("Batalkan pilihan saya") && !before.contains("guru ingin membahas"))
      for voter in [ani, dedi] {
        let vote = try await client.post("/topics/vote", [("topic", "literacy"), ("csrf", voter.csrf)], voter)
        #expect(vote.status == .ok)
      }
      let voted = text(try await client.get("/topics", ani))
      #expect(voted.contains("Batalkan pilihan saya"))
      #expect(voted.contains("2 guru ingin membahas ini"))
      let english = text(try await client.get("/topics?lang=en", ani))
      #expect(english.contains("Take my vote back") && english.contains("2 teachers want to discuss this"))
      let facilitator = try await client.login(WebFixture.facilitatorCode, name: "Pak Budi")
      #expect(Self.meetingLine(text(try await client.get("/meeting", facilitator)), "literacy").contains("2 suara"))
      // Her second press takes her vote back: her page and the facilitator's count follow.
      _ = try await client.post("/topics/vote", [("topic", "literacy"), ("csrf", ani.csrf)], ani)
      let after = text(try await client.get("/topics?lang=id", ani))
      #expect(!after.contains("Batalkan pilihan saya"))
      #expect(after.contains("1 guru ingin membahas ini"))
      let form = text(try await client.get("/meeting", facilitator))
      #expect(Self.meetingLine(form, "literacy").contains("1 suara"))
      #expect(Self.meetingLine(form, "assessment").contains("0 suara"))
    }
  }

  @Test("our teachers: the feeds tagged guru, their titles escaped, behind the login")
  func ourTeachers() async throws {
    let fixture = try WebFixture()
    fixture.directory.write(
      "feeds.txt",
      "https://ani.example/feed \"guru\" # added by Bu Ani 2026-11-01\nhttps://berita.example/rss\n")
    try await fixture.app().test(.router) { client in
      #expect(try await client.get("/teachers").status == .seeOther)
      let teacher = try await client.login(WebFixture.teacherCode)
      let page = try await client.get("/teachers", teacher)
      #expect(page.status == .ok)
      #expect(text(page).contains("ani.example"))
      #expect(!text(page).contains("berita.example"))
      #expect(text(page).contains("Bu Ani"))
      #expect(text(page).contains("Guru kita"))
    }
  }
}
