import Foundation
import LingkarFetch
import LingkarModel
import LingkarTestSupport
import Testing

/// Collects a body in memory (tests only: the real pipeline streams into the parser).
final class Collector: BodyConsumer {
  var bytes: [UInt8] = []
  let head: ResponseHead
  init(head: ResponseHead) { self.head = head }
  /// Set by `bodyEnded`; the fetcher hands a body back only after that.
  var ended = false
  /// Microseconds to sleep per piece, to make the body queue fill up (never needed to pass).
  var delay: UInt32 = 0
  func consume(_ chunk: UnsafeRawBufferPointer) {
    precondition(!ended, "a piece after the end")
    if delay > 0 { usleep(delay) }
    bytes.append(contentsOf: chunk)
  }
  func bodyEnded() { ended = true }
  var text: String { String(decoding: bytes, as: UTF8.self) }
}

let server = TestServer.shared
let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)

func fetchAll(
  _ requests: [FetchRequest], delay: UInt32 = 0, configure: (inout FetchOptions) -> Void = { _ in }
) throws -> [FetchResponse] {
  var options = FetchOptions()
  options.connectTimeoutMilliseconds = 5000
  options.totalTimeoutMilliseconds = 30_000
  configure(&options)
  let fetcher = try Fetcher(options: options, now: { fixedNow })
  var responses: [FetchResponse] = []
  try fetcher.run(
    requests,
    makeConsumer: {
      let collector = Collector(head: $0)
      collector.delay = delay
      return collector
    }, completion: { responses.append($0) })
  return responses.sorted { $0.request.id < $1.request.id }
}

func fetch(_ path: String, validators: Validators = Validators(), configure: (inout FetchOptions) -> Void = { _ in })
  throws -> FetchResponse
{
  let url = path.contains("://") ? path : server.url(path)
  let responses = try fetchAll([FetchRequest(id: 0, url: url, validators: validators)], configure: configure)
  return try #require(responses.first)
}

func body(_ response: FetchResponse) -> Collector? {
  if case .fetched(let consumer) = response.outcome { return consumer as? Collector }
  return nil
}

func failure(_ response: FetchResponse) -> FetchFailure? {
  if case .failed(let failure) = response.outcome { return failure }
  return nil
}

@Suite("Fetcher against a loopback server")
struct FetcherTests {
  @Test("a 200 delivers the body with its validators and sends Lingkar's User-Agent")
  func ok() throws {
    let response = try fetch("/feed/plain.xml")
    let collector = try #require(body(response))
    #expect(collector.text.contains("<title>plain item 0</title>"))
    #expect(collector.head.status == 200)
    #expect(response.validators.etag == "\"plain-v1\"")
    #expect(response.validators.lastModified == "Mon, 01 Jan 2024 10:00:00 GMT")
    #expect(server.lastHeaders("/feed/plain.xml")["user-agent"]?.hasPrefix("Lingkar/") == true)
  }

  @Test("stored validators are sent back and a 304 is an outcome, not an error")
  func notModified() throws {
    let first = try fetch("/feed/conditional.xml")
    let second = try fetch("/feed/conditional.xml", validators: first.validators)
    guard case .notModified = second.outcome else { Issue.record("expected 304, got \(second.outcome)"); return }
    let headers = server.lastHeaders("/feed/conditional.xml")
    #expect(headers["if-none-match"] == "\"conditional-v1\"")
    #expect(headers["if-modified-since"] == "Mon, 01 Jan 2024 10:00:00 GMT")
  }

  @Test("a Last-Modified in the future is not kept")
  func futureLastModified() throws {
    let response = try fetch("/future/feed.xml")
    #expect(body(response) != nil)
    #expect(response.validators.lastModified == nil)
  }

  @Test("301 and 308 are followed and recorded as permanent moves", arguments: ["r301", "r308"])
  func permanentRedirect(kind: String) throws {
    let response = try fetch("/\(kind)/feed/moved-\(kind).xml")
    #expect(body(response) != nil)
    #expect(response.permanentRedirect == server.url("/feed/moved-\(kind).xml"))
  }

  @Test("a 302 is followed but not recorded as a move")
  func temporaryRedirect() throws {
    let response = try fetch("/r302/feed/temporary.xml")
    #expect(body(response) != nil)
    #expect(response.permanentRedirect == nil)
    #expect(response.finalURL == server.url("/feed/temporary.xml"))
  }

  @Test("HTTP errors become failures in plain words", arguments: [404, 500])
  func httpError(code: Int) throws {
    let response = try fetch("/status/\(code)")
    #expect(failure(response) == .http(code))
    #expect(body(response) == nil)
  }

  @Test("a 410 means gone")
  func gone() throws {
    guard case .gone = try fetch("/status/410").outcome else { Issue.record("expected gone"); return }
  }

  @Test("a 429 with Retry-After gives the time to wait, and the host is not asked again in the run")
  func retryAfter() throws {
    let responses = try fetchAll(
      [FetchRequest(id: 0, url: server.url("/status/429")), FetchRequest(id: 1, url: server.url("/feed/after429.xml"))]
    ) { $0.jobs = 1 }
    #expect(failure(responses[0]) == .http(429))
    #expect(responses[0].retryAfter == fixedNow.addingTimeInterval(3600))
    #expect(failure(responses[1]) == .waiting)
    #expect(server.get("/_count/feed/after429.xml") == "0")
  }

  @Test("a gzip body arrives decoded")
  func gzipBody() throws {
    let response = try fetch("/gzip.xml")
    #expect(try #require(body(response)).text.hasPrefix("<?xml"))
    #expect(server.lastHeaders("/gzip.xml")["accept-encoding"]?.contains("gzip") == true)
  }

  @Test("a brotli body arrives decoded (skipped when the test server has no brotli module)")
  func brotliBody() throws {
    guard server.get("/_caps").contains("\"brotli\": true") else { return }
    let response = try fetch("/br.xml")
    #expect(try #require(body(response)).text.contains("<title>brotli</title>"))
  }

  @Test("a body over the size cap is stopped as too large")
  func tooLarge() throws {
    let response = try fetch("/big.xml") { $0.maxBodyBytes = 1_000_000 }
    #expect(failure(response) == .tooLarge(limit: 1_000_000))
    #expect(response.bodyBytes <= 1_100_000)
  }

  @Test("a server that drips bytes is cut off by the low-speed limit")
  func slowDrip() throws {
    let response = try fetch("/drip.xml") {
      $0.lowSpeedBytesPerSecond = 1000
      $0.lowSpeedSeconds = 1
    }
    #expect(failure(response) == .timedOut)
  }

  @Test("a connection reset in the middle of the body is reported as broken off")
  func reset() throws {
    #expect(failure(try fetch("/reset.xml")) == .connectionBroken)
  }

  @Test("a redirect to file:// is refused")
  func redirectToFile() throws {
    #expect(failure(try fetch("/tofile")) == .forbiddenAddress)
  }

  @Test("a file:// address is read only when the feeds file named a local path")
  func fileURL() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("local.xml", "<rss version=\"2.0\"><channel><title>local</title></channel></rss>")
    let url = URL(fileURLWithPath: directory.file("local.xml")).absoluteString
    #expect(failure(try fetch(url)) == .forbiddenAddress)
    let allowed = try fetchAll([FetchRequest(id: 0, url: url, allowsFile: true)])
    #expect(try #require(body(allowed[0])).text.contains("<title>local</title>"))
    let missing = try fetchAll([FetchRequest(id: 0, url: url + "-missing", allowsFile: true)])
    #expect(failure(missing[0]) == .fileNotReadable)
  }

  @Test("a redirect loop stops after a few hops")
  func redirectLoop() throws {
    #expect(failure(try fetch("/loop")) == .tooManyRedirects)
    #expect(Int(server.get("/_count/loop")) ?? 0 <= 6)
  }

  @Test("a port where nothing listens is reported as refused")
  func refused() throws {
    #expect(failure(try fetch("http://127.0.0.1:1/feed.xml")) == .connectionRefused)
  }

  @Test("the body of an HTML page and of a JSON Feed reach the consumer with their content type")
  func contentTypes() throws {
    let page = try #require(body(try fetch("/page.html")))
    #expect(page.head.charset == "utf-8")
    let json = try #require(body(try fetch("/feed.json")))
    #expect(json.head.contentType == "application/feed+json")
  }

  @Test("many transfers at once all complete, one response each")
  func many() throws {
    let requests = (0..<40).map { FetchRequest(id: $0, url: server.url("/feed/many\($0).xml")) }
    let responses = try fetchAll(requests) {
      $0.jobs = 8
      $0.maxHostConnections = 3
    }
    #expect(responses.count == 40)
    #expect(responses.allSatisfy { body($0) != nil })
  }

  @Test("with a tiny body queue, transfers pause and resume, and every body arrives whole and in order")
  func backpressure() throws {
    let expected = try #require(body(try fetch("/feed/pressure.xml?items=400"))).bytes
    #expect(expected.count > 80_000)
    let requests =
      (0..<12).map { FetchRequest(id: $0, url: server.url("/feed/pressure.xml?items=400")) }
      + [FetchRequest(id: 12, url: server.url("/gzip.xml"))]
    for threads in [1, 2] {
      let responses = try fetchAll(requests, delay: 200) {
        $0.jobs = 8
        $0.bodyThreads = threads
        $0.bodyQueueBytes = 1
      }
      #expect(responses.count == 13)
      for response in responses.prefix(12) {
        let collector = try #require(body(response))
        #expect(collector.ended)
        #expect(collector.bytes == expected)
        #expect(response.bodyBytes == expected.count)
      }
      #expect(try #require(body(responses[12])).text.contains("<title>gzip item 0</title>"))
    }
  }

  @Test("a local file is read whole through a tiny body queue")
  func fileThroughTinyQueue() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let text =
      "<rss version=\"2.0\"><channel>" + String(repeating: "<item><title>t</title></item>", count: 20_000)
      + "</channel></rss>"
    directory.write("large.xml", text)
    let url = URL(fileURLWithPath: directory.file("large.xml")).absoluteString
    let responses = try fetchAll([FetchRequest(id: 0, url: url, allowsFile: true)], delay: 50) {
      $0.bodyQueueBytes = 1
    }
    let collector = try #require(body(responses[0]))
    #expect(collector.ended)
    #expect(collector.text == text)
  }
}
