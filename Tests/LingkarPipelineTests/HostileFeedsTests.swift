import Foundation
import LingkarFetch
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

/// Runs `body` on a thread of its own and waits at most `seconds`, so that a hang fails the test
/// instead of stopping the test run; `unblock` is called on a timeout, to free the thread.
private func within<T>(_ seconds: Double, unblock: () -> Void = {}, _ body: @escaping () throws -> T)
  -> (value: T?, elapsed: Double)
{
  let box = ResultBox<T>()
  box.body = body
  let done = DispatchSemaphore(value: 0)
  let start = Date()
  Thread.detachNewThread {
    do {
      box.value = try box.body?()
    } catch {
      box.error = "\(error)"
    }
    done.signal()
  }
  guard done.wait(timeout: .now() + seconds) == .success else {
    Issue.record("still running after \(seconds) s")
    unblock()
    return (nil, Date().timeIntervalSince(start))
  }
  if let error = box.error { Issue.record("threw: \(error)") }
  return (box.value, Date().timeIntervalSince(start))
}

/// What the thread `within` started produced; read only after its semaphore was signalled.
/// The work is handed over to that thread, and not touched here meanwhile.
private final class ResultBox<T>: @unchecked Sendable {
  var body: (() throws -> T)?
  var value: T?
  var error: String?
}

/// A run's summary and its per-feed messages, by the feed as written.
private struct Outcome: @unchecked Sendable {
  var summary: FetchSummary
  var messages: [String: String]
}

private func run(_ options: FetchRunOptions) throws -> Outcome {
  var messages: [String: String] = [:]
  let summary = try FetchRun(options: options).run(report: { messages[$0.subject] = $0.said.text(in: .en) })
  return Outcome(summary: summary, messages: messages)
}

@Suite("Hostile and broken feeds beside good ones (issue 12)")
struct HostileFeedsTests {
  @Test("lingkar run: a gzip bomb and an over-cap body while the body queue is full fail alone; the digest is written")
  func gzipBombInRun() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let good = TestSite("good")
    good.feed("/feed.xml", TestSite.rss(title: "Good", items: 3, link: good.url("/")))
    let other = TestSite("other")
    other.feed("/feed.xml", TestSite.rss(title: "Other", items: 3, link: other.url("/")))
    let bomb = server.url("/bomb.xml")
    let big = server.url("/big.xml")
    directory.write("feeds.txt", [bomb, good.url("/feed.xml"), big, other.url("/feed.xml")].joined(separator: "\n"))
    var fetch = options(directory)
    fetch.maxBodyBytes = 2_000_000
    fetch.fetch.bodyQueueBytes = 1
    var digest = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
    digest.language = .en
    let now = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22T00:00:00Z
    let pipeline = FetchAndDigestRun(fetch: fetch, digest: digest, now: { now })
    let (result, _) = within(60) {
      try pipeline.run()
    }
    let written = try #require(result)
    #expect(written.fetch.failed == 2)
    #expect(written.digest.itemCount == 6)
    #expect(written.paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    let failing = Dictionary(
      written.digest.feedsNeedingAttention.compactMap { entry -> (String, String)? in
        if case .failed(let reason) = entry.attention { return (entry.feed.url, reason?.message.text(in: .en) ?? "") }
        return nil
      }, uniquingKeysWith: { $1 })
    #expect(failing[bomb]?.contains("too large") == true)
    #expect(failing[big]?.contains("too large") == true)
  }

  @Test("a FIFO named in feeds.txt is refused at once, and the run goes on")
  func fifoInFeedsFile() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let fifo = directory.file("school.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    directory.write("feeds.txt", "school.fifo\n\(server.url("/feed/fifo-neighbour.xml"))\n")
    let runOptions = options(directory)
    let (outcome, elapsed) = within(
      30,
      unblock: {
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
      }
    ) { try run(runOptions) }
    let result = try #require(outcome)
    #expect(elapsed < 15)  // before: blocked in open() until a writer came
    #expect(result.summary.failed == 1 && result.summary.items == 5)
    #expect(result.messages["school.fifo"]?.contains("pipe (FIFO)") == true)
  }

  @Test("one run over nineteen hostile servers and a few more traps: bounded time, good feeds stored, a message each")
  func hostileServers() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let secret = "SECRET-" + UUID().uuidString
    directory.write("secret.txt", secret)
    let fifo = directory.file("trap.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    // A 429 with Retry-After blocks its host for the run: on a host of its own, as in the wild.
    let busy = TestSite("busy")
    busy.serve("/feed.xml", status: 429, headers: [("Retry-After", "3600")])
    busy.redirect("/loop", to: "/loop", status: 302)  // not the shared server's /loop: other tests count its requests
    let goods = ["hostile-good-a", "hostile-good-b", "hostile-good-c"].map { server.url("/feed/\($0).xml") }
    // Each hostile feed and what its message must say (nil: read, or refused, without a message).
    let hostile: [(String, String?)] = [
      (server.url("/tofile"), "not an http or https address"),
      (server.url("/toscheme/ftp"), "not an http or https address"),
      (server.url("/toscheme/gopher"), "not an http or https address"),
      (busy.url("/loop"), "too many redirects"),
      (server.url("/xxe.xml?file=\(directory.file("secret.txt"))"), nil),
      (server.url("/laughs.xml"), nil),
      (server.url("/bomb.xml"), "too large"),
      (server.url("/huge.xml?mb=60"), "too large"),
      (server.url("/endless.xml"), "too large"),
      (server.url("/tarpit.xml"), "timed out"),
      (server.url("/reset.xml"), "broke off"),
      (server.url("/badutf8.xml"), nil),
      (server.url("/page.html"), "web page"),
      (server.url("/empty.xml"), "empty"),
      (busy.url("/feed.xml"), "HTTP 429"),
      (server.url("/status/500"), "HTTP 500"),
      (server.url("/status/410"), "gone"),
      (server.url("/script.xml"), nil),
      (server.url("/items.xml?n=50000"), nil),
      (server.url("/feed/long.xml?q=" + String(repeating: "x", count: 2100)), "longer than 2048 bytes"),
      ("trap.fifo", "pipe (FIFO)"),
    ]
    var lines = hostile.map(\.0)
    for (index, good) in goods.enumerated() { lines.insert(good, at: index * 7) }
    directory.write("feeds.txt", lines.joined(separator: "\n") + "\n")
    var runOptions = options(directory)
    runOptions.maxBodyBytes = 4_000_000
    // Long enough for the debug build to parse 50,000 items on a loaded machine; the tarpit sets the wall time.
    runOptions.totalTimeoutSeconds = 15
    runOptions.connectTimeoutSeconds = 2
    runOptions.maxHostConnections = 8
    let hostileOptions = runOptions
    let (outcome, elapsed) = within(
      90,
      unblock: {
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
      }
    ) { try run(hostileOptions) }
    let result = try #require(outcome)
    #expect(elapsed < 45)
    let store = try FeedStore(path: directory.file("lingkar.db"))
    for good in goods { #expect(try store.itemCount(feed: good) == 5, "\(good)") }
    for (feed, expected) in hostile {
      guard let expected else { continue }
      #expect(result.messages[feed]?.contains(expected) == true, "\(feed): \(result.messages[feed] ?? "no message")")
    }
    #expect(try store.itemCount(feed: hostile[18].0) > 0, "\(result.messages[hostile[18].0] ?? "no message")")
    let items = try store.items(since: Date(timeIntervalSince1970: 0))
    let texts = items.map { item in
      [item.entry.title, item.entry.summary, item.entry.content, item.feedTitle].compactMap { $0 }
        .joined(separator: " ")
    }
    #expect(!texts.contains { $0.contains(secret) })  // nothing of the XXE's file
    #expect(texts.allSatisfy { $0.utf8.count < 100_000 })  // the billion laughs stayed small
    #expect(result.summary.feeds == hostile.count + goods.count)
  }
}

@Suite("The run's own time limit (issue 12)")
struct RunTimeLimitTests {
  @Test("at the run's time limit the running feed times out and the feeds not asked yet are not blamed for it")
  func runTimeLimit() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let token = "runlimit-" + UUID().uuidString.prefix(8)
    defer { _ = server.get("/_release/\(token)") }
    let feeds = (0..<2).map { server.url("/hold/\(token).xml?n=\($0)") }
    directory.write("feeds.txt", feeds.joined(separator: "\n"))
    var runOptions = options(directory)
    runOptions.maxHostConnections = 1
    runOptions.fetch.runTimeoutMilliseconds = 1500
    let start = Date()
    let result = try run(runOptions)
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(result.summary.failed == 1)
    #expect(result.messages[feeds[0]]?.contains("timed out") == true)
    #expect(result.messages[feeds[1]]?.hasPrefix("not fetched: the run reached its time limit") == true)
    let states = try FeedStore(path: directory.file("lingkar.db")).feedStates()
    #expect(states[feeds[0]]?.failureStreak == 1)
    #expect((states[feeds[1]]?.failureStreak ?? 0) == 0)
  }
}
