import Foundation
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

let server = TestServer.shared

func options(_ directory: TemporaryDirectory) -> FetchRunOptions {
  var options = FetchRunOptions(feedsPath: directory.file("feeds.txt"), databasePath: directory.file("lingkar.db"))
  options.lockWait = 0
  options.connectTimeoutSeconds = 5
  options.totalTimeoutSeconds = 30
  return options
}

@Suite("lingkar fetch, end to end")
struct FetchRunTests {
  @Test("stores every readable feed, reports the others in plain words, and a rerun gets 304s")
  func endToEnd() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write(
      "local.xml",
      "<rss version=\"2.0\"><channel><title>l</title><item><guid>l1</guid><title>Local</title></item></channel></rss>")
    directory.write(
      "feeds.txt",
      """
      # test feeds
      \(server.url("/feed/e2e-a.xml")) "blog"
      \(server.url("/r301/feed/e2e-moved.xml"))
      \(server.url("/feed.json"))
      \(server.url("/page.html"))
      \(server.url("/status/404/e2e"))
      \(server.url("/status/410/e2e"))
      local.xml
      twitter:someone
      """)
    var problems: [Diagnostic] = []
    let first = try FetchRun(options: options(directory)).run(report: { problems.append($0) })
    #expect(first.feeds == 7)
    #expect(first.items == 5 + 5 + 3 + 1)
    #expect(first.new == 14)
    #expect(first.failed == 2)
    let messages = Dictionary(problems.map { ($0.subject, $0.said.text(in: .en)) }, uniquingKeysWith: { $1 })
    #expect(messages["feeds.txt:9"]?.contains("publishes no feeds") == true)
    #expect(messages[server.url("/page.html")] == "failed: this is a web page, not a feed")
    #expect(messages[server.url("/status/404/e2e")]?.hasPrefix("failed: HTTP 404") == true)
    #expect(messages[server.url("/status/410/e2e")]?.hasPrefix("gone") == true)
    #expect(messages[server.url("/r301/feed/e2e-moved.xml")]?.contains(server.url("/feed/e2e-moved.xml")) == true)

    let states = try FeedStore(path: directory.file("lingkar.db")).feedStates()
    #expect(states[server.url("/r301/feed/e2e-moved.xml")]?.movedTo == server.url("/feed/e2e-moved.xml"))
    #expect(states[server.url("/status/410/e2e")]?.gone == true)

    let second = try FetchRun(options: options(directory)).run()
    #expect(second.items == 14)
    #expect(second.new == 0)
    #expect(second.notModified == 3)  // a.xml, the moved feed (ETag after the redirect) and feed.json
    #expect(second.failed == 2)  // the 404 waits out its backoff; the web page waits too
    #expect(server.get("/_count/status/410/e2e") == "1")  // gone feeds are not asked again
  }

  @Test("a failing feed is retried later with a growing wait, never dropped")
  func backoff() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", server.url("/status/500") + "\n")
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var clock = start
    func run() throws -> FetchSummary { try FetchRun(options: options(directory), now: { clock }).run() }
    #expect(try run().failed == 1)
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let firstWait = try #require(try store.feedStates().first?.value.nextFetch).timeIntervalSince(start)
    #expect(try run().failed == 1)  // skipped, still counted as failing
    #expect(try store.feedStates().first?.value.failureStreak == 1)
    clock = start.addingTimeInterval(firstWait + 1)
    #expect(try run().failed == 1)
    let state = try #require(try store.feedStates().first?.value)
    #expect(state.failureStreak == 2)
    #expect(try #require(state.nextFetch).timeIntervalSince(clock) == 2 * firstWait)
  }
}
