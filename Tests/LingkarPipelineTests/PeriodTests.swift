import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

#if canImport(Glibc)
  import Glibc
#endif

/// A static file server of its own (`Tests/Support/dir_server.py`, through `PythonPeer`) that a
/// test can take away and bring back on the same port: a network outage and its end.
final class DirServer {
  let folder: String
  private(set) var port = 0
  private var peer: PythonPeer?

  init(folder: String) throws {
    self.folder = folder
    try start()
  }

  deinit { stop() }

  func start() throws {
    let peer = try PythonPeer(script: "dir_server.py", arguments: [folder, String(port)])
    port = peer.port
    self.peer = peer
  }

  /// Kills the server at once (SIGKILL, see `PythonPeer.stop`).
  func stop() {
    peer?.stop()
    peer = nil
  }

  func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

  /// Writes a feed file with the given modification time (the server's Last-Modified), so a
  /// rewrite within one second is still seen as new.
  func write(_ name: String, _ text: String, modified: Date) throws {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
  }
}

/// An item of a test feed.
struct FeedPost {
  var id: String
  var title: String
  var text = "Asesmen formatif lima menit: murid menulis jawaban, guru memberi umpan balik dan rubrik sederhana."
  var published: Date
  var link: String?

  init(_ id: String, _ title: String, published: Date, link: String? = nil, text: String? = nil) {
    self.id = id
    self.title = title
    self.published = published
    self.link = link
    if let text { self.text = text }
  }
}

func rssFeed(_ title: String, _ posts: [FeedPost]) -> String {
  let items = posts.map { post in
    let link = post.link ?? "https://example.org/\(post.id)"
    return """
      <item><title>\(post.title)</title><link>\(link)</link><guid>\(post.id)</guid>\
      <description>\(post.text)</description><pubDate>\(httpDate(post.published))</pubDate></item>
      """
  }
  return """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>\(title)</title><link>https://example.org/</link>
    \(items.joined(separator: "\n"))
    </channel></rss>
    """
}

func httpDate(_ date: Date) -> String {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.timeZone = TimeZone(identifier: "UTC")
  formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
  return formatter.string(from: date)
}

/// `lingkar run` with an injected clock, in a test folder.
struct Runner {
  let directory: TemporaryDirectory
  var retryFailed = false
  var settings: String?

  func run(at time: Date) throws(LingkarFailure) -> FetchAndDigestRun.Result {
    var fetch = options(directory)
    fetch.connectTimeoutSeconds = 2
    fetch.totalTimeoutSeconds = 10
    fetch.ignoreBackoff = retryFailed
    var digest = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("lingkar.yaml"))
    digest.language = .en
    return try FetchAndDigestRun(fetch: fetch, digest: digest, now: { time }).run()
  }

  func titles(_ result: FetchAndDigestRun.Result) -> Set<String> {
    Set(result.digest.items.compactMap(\.title))
  }
}

@Suite("no post is ever lost: outages and late first fetches")
struct PeriodTests {
  let day = 86_400.0
  let day0 = Date(timeIntervalSince1970: 1_793_516_400)  // 2026-11-01T07:00:00Z

  @Test(
    "an outage run fails, records no digest and backs no feed off; a post published during it reaches the next digest")
  func outage() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let files = TemporaryDirectory()
    defer { files.remove() }
    let server = try DirServer(folder: files.path)
    let early = [FeedPost("a1", "Asesmen formatif di kelas 4", published: day0 - 3600)]
    try server.write("a.xml", rssFeed("A", early), modified: day0 - 3600)
    let other = [FeedPost("b1", "Rubrik sederhana", published: day0 - 7200)]
    try server.write("b.xml", rssFeed("B", other), modified: day0)
    directory.write("feeds.txt", server.url("a.xml") + "\n" + server.url("b.xml") + "\n")
    let runner = Runner(directory: directory)

    let first = try runner.run(at: day0)
    #expect(runner.titles(first) == ["Asesmen formatif di kelas 4", "Rubrik sederhana"])

    // Published on day 10, while the school's connection is down until day 15.
    let during = early + [FeedPost("a2", "Umpan balik saat ujian", published: day0 + 10 * day)]
    try server.write("a.xml", rssFeed("A", during), modified: day0 + 10 * day)
    server.stop()
    var failure: LingkarFailure?
    do {
      _ = try runner.run(at: day0 + 14 * day)
    } catch {
      failure = error
    }
    guard let summary = (failure?.cause as? ConnectionDown)?.summary else {
      Issue.record("an outage run must fail as a connection problem, got \(String(describing: failure))")
      return
    }
    #expect(summary.tried == 2 && summary.transportFailures == 2)
    #expect(failure?.said.text(in: .en).hasPrefix("no feed could be read: is the internet connection down?") == true)
    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try store.digests().map(\.date) == ["2026-11-01"])
    #expect(!FileManager.default.fileExists(atPath: directory.file("output/2026-11-15")))
    for state in try store.feedStates().values {
      #expect(state.failureStreak == 0 && state.nextFetch == nil && state.status == .ok, "\(state.written)")
    }

    try server.start()
    let after = try runner.run(at: day0 + 15 * day)
    #expect(after.fetch.failed == 0)
    #expect(after.digest.period.from == day0)
    #expect(runner.titles(after) == ["Umpan balik saat ujian"])
  }

  @Test("a late first fetch reaches the next digest, within the look-back window; a 5-year-old backlog stays out")
  func lateFirstFetch() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("late")
    site.feed("/a.xml", rssFeed("A", [FeedPost("a1", "Asesmen di kelas 1", published: day0 - 3600)]))
    site.serve("/c.xml", status: 500)
    directory.write("feeds.txt", site.url("/a.xml") + "\n" + site.url("/c.xml") + "\n")
    let runner = Runner(directory: directory)
    let one = try runner.run(at: day0)
    #expect(runner.titles(one) == ["Asesmen di kelas 1"])
    #expect(one.fetch.failed == 1)
    let two = try runner.run(at: day0 + 14 * day)
    #expect(two.digest.items.isEmpty)

    // A new feed, and the failing feed now answering, both with posts dated in periods already written.
    let now = day0 + 21 * day
    site.feed(
      "/b.xml",
      rssFeed(
        "B",
        [
          FeedPost("b-period2", "Rubrik dari periode kedua", published: day0 + 10 * day),
          FeedPost("b-period1", "Umpan balik dari periode pertama", published: day0 - 5 * day),
          FeedPost("b-old", "Ujian lama di luar jendela", published: day0 - 20 * day),
          FeedPost("b-backlog", "Arsip lima tahun lalu", published: day0 - 5 * 365 * day),
        ]))
    let recovered = FeedPost("c1", "Penilaian yang sempat gagal diambil", published: day0 + 3 * day)
    site.feed("/c.xml", rssFeed("C", [recovered]))
    directory.write("feeds.txt", [site.url("/a.xml"), site.url("/c.xml"), site.url("/b.xml")].joined(separator: "\n"))
    let three = try runner.run(at: now)
    #expect(three.digest.period.from == day0 + 14 * day)
    #expect(
      runner.titles(three)
        == ["Rubrik dari periode kedua", "Umpan balik dari periode pertama", "Penilaian yang sempat gagal diambil"])
    // The date shown stays the published date.
    let late = try #require(three.digest.items.first { $0.title == "Rubrik dari periode kedua" })
    #expect(late.published == day0 + 10 * day)

    // Nothing enters two digests.
    #expect(try runner.run(at: now + day).digest.items.isEmpty)
  }

  @Test("lookback_days in lingkar.yaml sets the window")
  func lookbackSetting() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("lookback")
    site.feed("/a.xml", rssFeed("A", [FeedPost("a1", "Asesmen di kelas 1", published: day0 - 3600)]))
    directory.write("feeds.txt", site.url("/a.xml") + "\n")
    directory.write("lingkar.yaml", "lookback_days: 60\n")
    let runner = Runner(directory: directory)
    _ = try runner.run(at: day0)
    site.feed(
      "/b.xml",
      rssFeed(
        "B",
        [
          FeedPost("b1", "Ujian 45 hari lalu", published: day0 + 7 * day - 45 * day),
          FeedPost("b2", "Ujian 70 hari lalu", published: day0 + 7 * day - 70 * day),
        ]))
    directory.write("feeds.txt", site.url("/a.xml") + "\n" + site.url("/b.xml") + "\n")
    #expect(runner.titles(try runner.run(at: day0 + 7 * day)) == ["Ujian 45 hari lalu"])
  }

  @Test("a period starting in the future is refused before anything is fetched, and today's digest stays")
  func futureSince() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let name = "future" + UUID().uuidString.prefix(8).lowercased()
    directory.write("feeds.txt", server.url("/feed/\(name).xml") + "\n")
    let runner = Runner(directory: directory)
    _ = try runner.run(at: day0)
    let before = try #require(FileManager.default.contents(atPath: directory.file("output/2026-11-01/digest.json")))
    var fetch = options(directory)
    fetch.lockWait = 0
    var digest = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
    digest.since = try #require(PeriodSpec("2026-12-01"))
    var failure: LingkarFailure?
    do {
      _ = try FetchAndDigestRun(fetch: fetch, digest: digest, now: { self.day0 + 3600 }).run()
    } catch {
      failure = error
    }
    #expect(failure?.kind == .badUsage)
    #expect(failure?.said.text(in: .en).contains("in the future") == true)
    #expect(server.get("/_count/feed/\(name).xml") == "1")
    #expect(FileManager.default.contents(atPath: directory.file("output/2026-11-01/digest.json")) == before)
    digest.now = day0 + 3600
    #expect(throws: LingkarFailure.self) { try DigestRun(options: digest).run() }
    #expect(try FeedStore(path: directory.file("lingkar.db")).digests().count == 1)
  }

  @Test("skipped lines of feeds.txt are listed with the feeds needing attention")
  func feedsFileProblems() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let name = "badlines" + UUID().uuidString.prefix(8).lowercased()
    directory.write(
      "feeds.txt", server.url("/feed/\(name).xml") + "\nBlog Pak Dedi, alamatnya menyusul\ntwitter:someone\n")
    let result = try Runner(directory: directory).run(at: day0)
    #expect(result.digest.feedsFileProblems.map(\.subject) == ["feeds.txt:2", "feeds.txt:3"])
    let json = try checkDigestJSON(directory.file("output/2026-11-01/digest.json"))
    let problems = try #require(json["feedsFileProblems"] as? [[String: Any]])
    #expect(problems.compactMap { $0["line"] as? String } == ["feeds.txt:2", "feeds.txt:3"])
    // The short message for the groups (digest.txt) lists no problem: a group cannot fix a feed.
    for file in ["digest.html", "digest.md", "digest-full.txt"] {
      let text = try String(contentsOfFile: directory.file("output/2026-11-01/\(file)"), encoding: .utf8)
      #expect(text.contains("feeds.txt:2") && text.contains("feeds.txt:3"), "\(file)")
    }
  }

  @Test("an item without a usable link or with a swallowed title is never a best reading")
  func unfitReadings() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let site = TestSite("readings")
    let swallowed =
      "Asesmen formatif dengan exit ticket https://guru.example/asesmen Bu Sari Mon, 26 Oct 2026 10:00:00 +0700 "
      + String(repeating: "asesmen formatif rubrik ", count: 4)
    let texts = [
      "Guru kelas 5 memakai rubrik penilaian untuk asesmen formatif proyek sains; murid menilai diri sendiri.",
      "Exit ticket sebagai asesmen formatif harian: tiga pertanyaan singkat di akhir pelajaran matematika.",
      "Umpan balik tertulis pada asesmen formatif membantu murid memperbaiki karangan bahasa Indonesia.",
      "Kuis singkat dan rubrik sederhana untuk asesmen diagnostik di awal semester kelas 3.",
    ]
    let good = FeedPost("a1", "Asesmen formatif dengan rubrik", published: day0 - 3600, text: texts[0])
    site.feed("/a.xml", rssFeed("A", [good]))
    site.feed("/b.xml", rssFeed("B", [FeedPost("b1", swallowed, published: day0 - 7200, text: texts[1])]))
    let noLink = FeedPost(
      "c1", "Asesmen formatif tanpa tautan", published: day0 - 9000, link: "javascript:void(0)", text: texts[2])
    site.feed("/c.xml", rssFeed("C", [noLink]))
    site.feed(
      "/d.xml", rssFeed("D", [FeedPost("d1", "Rubrik asesmen formatif", published: day0 - 5400, text: texts[3])]))
    directory.write("feeds.txt", ["/a.xml", "/b.xml", "/c.xml", "/d.xml"].map(site.url).joined(separator: "\n"))
    let result = try Runner(directory: directory).run(at: day0)
    let digest = result.digest
    let fit = [site.url("/a.xml"), site.url("/d.xml")]
    let bad = Set(digest.items.filter { !fit.contains($0.feedURL) }.map(\.key))
    #expect(bad.count == 2)
    // With two fit items only, the picker (three readings) would take a bad one for any suggested
    // topic that has one.
    let withBad = digest.suggestions.filter { digest.topic($0.topicID)?.items.contains(where: bad.contains) == true }
    #expect(!withBad.isEmpty)
    #expect(digest.suggestions.allSatisfy { Set($0.readings).isDisjoint(with: bad) })
    #expect(withBad.allSatisfy { !$0.readings.isEmpty })
  }

  @Test("a feed waiting out its backoff is reported with the time on the school's clock")
  func skipMessageInSchoolTime() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", server.url("/status/500/zone") + "\n")
    var fetch = options(directory)
    fetch.utcOffset = 7 * 3600
    let clock = Date(timeIntervalSince1970: 1_796_641_916)  // 2026-12-07T11:11:56Z
    _ = try FetchRun(options: fetch, now: { clock }).run()
    var messages: [String] = []
    _ = try FetchRun(options: fetch, now: { clock + 60 }).run(report: { messages.append($0.said.text(in: .id)) })
    #expect(messages.count == 1)
    #expect(messages.first?.contains("dicoba lagi sesudah 2026-12-07 18:41 WIB") == true)
    #expect(messages.first?.contains("Z") == false)
  }
}

@Suite("what counts as a connection problem, and as a reading")
struct RuleTests {
  @Test("at least 80 % transport failures among the feeds tried, new (or every feed failing)")
  func connectionRule() {
    func check(_ tried: Int, _ failed: Int, _ afterSuccess: Int) -> Bool {
      ConnectionCheck(tried: tried, transportFailures: failed, failedAfterSuccess: afterSuccess).isConnectionProblem
    }
    #expect(check(10, 10, 10))
    #expect(check(10, 8, 8))
    #expect(!check(10, 7, 7))  // most feeds failed, but three answered: a bad day for those feeds
    #expect(!check(10, 9, 0))  // they were failing already: not the connection
    #expect(check(1, 1, 1))
    #expect(!check(1, 1, 0))  // one feed that never worked (a typo) is not an outage
    #expect(check(3, 3, 0))  // nothing at all could be reached, not even once
    #expect(!check(0, 0, 0))
  }

  @Test("lookback_days and utc_offset in lingkar.yaml: read, checked, and told apart from their absence")
  func settings() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("a.yaml", "utc_offset: WIB\nlookback_days: 45\n")
    let given = try #require(try SettingsSource.load(path: directory.file("a.yaml")))
    #expect(given.lookbackDays == 45 && given.hasUTCOffset && given.utcOffset == 7 * 3600)
    directory.write("b.yaml", "school: X\n")
    let absent = try #require(try SettingsSource.load(path: directory.file("b.yaml")))
    #expect(absent.lookbackDays == nil && !absent.hasUTCOffset)
    directory.write("c.yaml", "lookback_days: 0\n")
    #expect(throws: (any Error).self) { try SettingsSource.load(path: directory.file("c.yaml")) }
    #expect(
      SchoolTime.text(Date(timeIntervalSince1970: 1_796_643_716), utcOffset: 19_800) == "2026-12-07 17:11 UTC+05:30")
    #expect(SchoolTime.zone(-3 * 3600) == "UTC-03:00")
  }

  @Test("fit to recommend: an http(s) link, and a title that is only a title")
  func eligibility() {
    let link = "https://guru.example/post"
    #expect(ReadingEligibility.isEligible(title: "Asesmen formatif", link: link))
    #expect(ReadingEligibility.isEligible(title: nil, link: link))  // a social post
    #expect(ReadingEligibility.isEligible(title: "Kurikulum 2026-2027: rapat pukul 10:30", link: link))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen formatif", link: nil))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen formatif", link: "javascript:void(0)"))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen formatif", link: "ftp://guru.example/x"))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen formatif", link: "/relative/post"))
    #expect(!ReadingEligibility.isEligible(title: String(repeating: "a", count: 201), link: link))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen https://guru.example/post Bu Sari", link: link))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen Mon, 26 Oct 2026 10:00:00 +0700", link: link))
    #expect(!ReadingEligibility.isEligible(title: "Asesmen 2026-10-26T10:00", link: link))
  }
}

@Suite("lingkar run: usage")
struct RunUsageProcessTests {
  /// Runs the binary in `directory`; returns the exit status and stderr.
  func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    // The English messages these tests read (the default is now Indonesian; issue 14).
    environment["LANG"] = "en_US.UTF-8"
    process.environment = environment
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
  }

  @Test("--since with a future date is bad usage (exit 2) and fetches and writes nothing; --retry-failed is taken")
  func futureSince() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let name = "usage" + UUID().uuidString.prefix(8).lowercased()
    directory.write("feeds.txt", server.url("/feed/\(name).xml") + "\n")
    let (status, message) = try run(["run", "--since", "2999-01-01", "--retry-failed"], in: directory)
    #expect(status == 2)
    #expect(message.contains("--since 2999-01-01 is in the future"))
    #expect(server.get("/_count/feed/\(name).xml") == "0")
    #expect(!FileManager.default.fileExists(atPath: directory.file("output")))
    let (fine, _) = try run(["run", "--quiet", "--retry-failed", "--lang", "en"], in: directory)
    #expect(fine == 0)
    #expect(server.get("/_count/feed/\(name).xml") == "1")
  }
}
