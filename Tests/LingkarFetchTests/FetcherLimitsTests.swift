import Foundation
import LingkarFetch
import LingkarModel
import LingkarTestSupport
import Testing

/// Runs `body` on a thread of its own and waits at most `seconds`: a hang becomes a failed test
/// (the thread is left behind; `unblock` may free it) instead of a test run that never ends.
func within<T>(
  _ seconds: Double, unblock: () -> Void = {}, _ body: @escaping @Sendable () throws -> T
) -> (value: T?, elapsed: Double) {
  let box = Box<T>()
  let done = DispatchSemaphore(value: 0)
  let start = Date()
  Thread.detachNewThread {
    box.value = try? body()
    done.signal()
  }
  if done.wait(timeout: .now() + seconds) == .timedOut {
    Issue.record("still running after \(seconds) s")
    unblock()
    return (nil, Date().timeIntervalSince(start))
  }
  return (box.value, Date().timeIntervalSince(start))
}

/// The result of a thread `within` started; read only after its semaphore was signalled.
final class Box<T>: @unchecked Sendable { var value: T? }

func message(_ response: FetchResponse) -> String {
  failure(response).map { $0.message.text(in: .en) } ?? "\(response.outcome)"
}

@Suite("Fetcher: per-transfer errors and Lingkar's own limits (issue 12)")
struct FetcherLimitsTests {
  @Test("a gzip bomb and an over-cap body while the body queue is held full end their own transfers only")
  func bombWithFullQueue() throws {
    let requests = [
      FetchRequest(id: 0, url: server.url("/bomb.xml")),
      FetchRequest(id: 1, url: server.url("/feed/bomb-good-a.xml?items=300")),
      FetchRequest(id: 2, url: server.url("/big.xml")),
      FetchRequest(id: 3, url: server.url("/feed/bomb-good-b.xml?items=300")),
    ]
    for threads in [1, 2] {
      let responses = try fetchAll(requests, delay: 300) {
        $0.bodyThreads = threads
        $0.bodyQueueBytes = 1
        $0.maxBodyBytes = 2_000_000
      }
      #expect(responses.count == 4)
      #expect(failure(responses[0]) == .tooLarge(limit: 2_000_000))
      #expect(failure(responses[2]) == .tooLarge(limit: 2_000_000))
      for good in [responses[1], responses[3]] {
        let collector = try #require(body(good))
        #expect(collector.ended && collector.text.hasSuffix("</rss>"))
      }
    }
  }

  @Test("a validator with a line break is neither stored nor sent, so no header can be injected")
  func headerInjection() throws {
    let first = try fetch("/etag-inject.xml")
    #expect(body(first) != nil)
    #expect(first.validators.etag == nil)
    #expect(first.validators.lastModified == nil)
    // A validator stored before the check (or by hand) is not sent either.
    let stored = Validators(etag: "\"abc\"\rX-Injected: yes", lastModified: "Mon, 01 Jan 2024 10:00:00 GMT\nX-Two: 1")
    _ = try fetch("/etag-inject.xml", validators: stored)
    let headers = server.lastHeaders("/etag-inject.xml")
    #expect(headers["x-injected"] == nil && headers["x-two"] == nil)
    #expect(headers["if-none-match"] == nil && headers["if-modified-since"] == nil)
    #expect(headers["user-agent"]?.hasPrefix("Lingkar/") == true)
    // Valid validators still go out.
    _ = try fetch("/etag-inject.xml", validators: Validators(etag: "\"ok-1\""))
    #expect(server.lastHeaders("/etag-inject.xml")["if-none-match"] == "\"ok-1\"")
  }

  @Test("a FIFO, a folder and a device named as local feeds are refused at once, without opening them")
  func specialFiles() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let fifo = directory.file("feed.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createDirectory(atPath: directory.file("folder.xml"), withIntermediateDirectories: true)
    directory.write("good.xml", "<rss version=\"2.0\"><channel><title>good</title></channel></rss>")
    let urls = [fifo, directory.file("folder.xml"), "/dev/zero", directory.file("good.xml")].map {
      URL(fileURLWithPath: $0).absoluteString
    }
    let requests = urls.enumerated().map { FetchRequest(id: $0.offset, url: $0.element, allowsFile: true) }
    let (responses, elapsed) = within(
      30,
      unblock: {
        // Before the fix libcurl blocks in open(): a writer that comes and goes lets it return.
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
      }
    ) { try fetchAll(requests) { $0.maxBodyBytes = 100_000 } }
    let all = try #require(responses)
    #expect(elapsed < 15)  // before: blocked in open() until a writer came
    #expect(message(all[0]).contains("pipe (FIFO)"))
    #expect(message(all[1]).contains("folder"))
    #expect(message(all[2]).contains("device"))
    #expect(try #require(body(all[3])).text.contains("<title>good</title>"))
    #expect(all[3].finalURL == urls[3])
  }

  @Test("an address longer than the limit is refused for its feed alone, before any request")
  func longURL() throws {
    let long = server.url("/feed/long-url.xml?q=" + String(repeating: "a", count: 3000))
    let responses = try fetchAll([
      FetchRequest(id: 0, url: long), FetchRequest(id: 1, url: server.url("/feed/short.xml")),
    ])
    #expect(message(responses[0]).contains("longer than 2048 bytes"))
    #expect(server.get("/_count/feed/long-url.xml") == "0")
    #expect(body(responses[1]) != nil)
  }

  @Test("a second feed on the host of a feed over the size cap is fetched, not left waiting for ever")
  func secondTransferAfterCapFailure() throws {
    let site = TestSite("pipewait")
    let big = "<rss version=\"2.0\"><channel>" + String(repeating: " ", count: 1_500_000) + "</channel></rss>"
    site.feed("/big.xml", big)
    site.feed("/big2.xml", big)
    site.feed("/small.xml", TestSite.rss(title: "Small", items: 2))
    let requests = [
      FetchRequest(id: 0, url: site.url("/big.xml")), FetchRequest(id: 1, url: site.url("/small.xml")),
      FetchRequest(id: 2, url: site.url("/big2.xml")),
    ]
    let (responses, elapsed) = within(30) {
      try fetchAll(requests) {
        $0.maxBodyBytes = 1_000_000
        $0.totalTimeoutMilliseconds = 5000
      }
    }
    let all = try #require(responses)
    #expect(elapsed < 8)
    #expect(failure(all[0]) == .tooLarge(limit: 1_000_000))
    #expect(try #require(body(all[1])).text.contains("Small post 1"))
  }

  @Test("Lingkar's own deadline ends a transfer that gets no answer (libcurl has no timer of its own)")
  func ownDeadline() throws {
    let token = "deadline-" + UUID().uuidString.prefix(8)
    defer { _ = server.get("/_release/\(token)") }
    let start = Date()
    let response = try fetch("/hold/\(token).xml") { $0.totalTimeoutMilliseconds = 1000 }
    let elapsed = Date().timeIntervalSince(start)
    #expect(failure(response) == .timedOut)
    #expect(elapsed < 5)
  }

  @Test("the run's time limit ends what runs and reports what never started")
  func runDeadline() throws {
    let token = "run-" + UUID().uuidString.prefix(8)
    defer { _ = server.get("/_release/\(token)") }
    let requests = (0..<3).map { FetchRequest(id: $0, url: server.url("/hold/\(token).xml?n=\($0)")) }
    let start = Date()
    let responses = try fetchAll(requests) {
      $0.maxHostConnections = 1
      $0.runTimeoutMilliseconds = 1500
    }
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(failure(responses[0]) == .timedOut)
    for response in responses.dropFirst() {
      guard case .notFetched(let reason) = response.outcome else {
        Issue.record("expected not fetched, got \(response.outcome)")
        continue
      }
      #expect(reason.contains("the run reached its time limit"))
    }
  }
}

/// Which large bodies are between passing the threshold and being handed over, and the most at once.
final class LargeBodies: @unchecked Sendable {
  private let lock = NSLock()
  private var open: Set<String> = []
  private(set) var most = 0

  func grew(_ url: String) {
    lock.withLock {
      open.insert(url)
      most = max(most, open.count)
    }
  }

  func handedOver(_ url: String) { _ = lock.withLock { open.remove(url) } }
}

/// Tells `LargeBodies` when its body passes `threshold` bytes.
final class WatchedCollector: BodyConsumer {
  let url: String
  let threshold: Int
  let watch: LargeBodies
  var count = 0
  var ended = false

  init(url: String, threshold: Int, watch: LargeBodies) {
    self.url = url
    self.threshold = threshold
    self.watch = watch
  }

  func consume(_ chunk: UnsafeRawBufferPointer) {
    count += chunk.count
    if count > threshold { watch.grew(url) }
    usleep(500)
  }

  func bodyEnded() { ended = true }
}

@Suite("Fetcher: large bodies one at a time (issue 12)")
struct LargeBodyTests {
  @Test("large bodies pass the threshold one at a time, each handed over before the next grows; small ones go on")
  func oneLargeAtATime() throws {
    let watch = LargeBodies()
    let requests =
      (0..<3).map { FetchRequest(id: $0, url: server.url("/feed/large-\($0).xml?items=6000")) }
      + [FetchRequest(id: 3, url: server.url("/feed/large-small.xml"))]
    var options = FetchOptions()
    options.largeBodyBytes = 300_000
    options.bodyQueueBytes = 64_000
    let fetcher = try Fetcher(options: options)
    var done: [Int: Int] = [:]
    try fetcher.run(
      requests,
      makeConsumer: { WatchedCollector(url: $0.url, threshold: 300_000, watch: watch) },
      completion: { response in
        if case .fetched(let consumer) = response.outcome, let collector = consumer as? WatchedCollector {
          #expect(collector.ended)
          done[response.request.id] = collector.count
        }
        watch.handedOver(response.request.url)
      })
    #expect(done.count == 4)
    #expect(done.values.filter { $0 > 1_000_000 }.count == 3)
    #expect(watch.most == 1)
  }
}
