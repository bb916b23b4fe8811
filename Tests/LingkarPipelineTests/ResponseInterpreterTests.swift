import Foundation
import LingkarModel
import LingkarParse
import Testing

@testable import LingkarFetch
@testable import LingkarPipeline

/// The rules of `ResponseInterpreter`: what a finished transfer becomes in the store, and what the
/// teacher is told about it.
@Suite("ResponseInterpreter")
struct ResponseInterpreterTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
  let source = FeedSource(written: "https://Guru.Example/feed", url: "https://Guru.Example/feed")

  var interpreter: ResponseInterpreter {
    var options = FetchRunOptions(feedsPath: "feeds.txt", databasePath: "lingkar.db")
    options.backoffBase = 1800
    options.maxBackoff = 7 * 86_400
    options.utcOffset = 7 * 3600
    let now = now
    return ResponseInterpreter(options: options, now: { now })
  }

  func response(
    _ outcome: FetchOutcome, retryAfter: Date? = nil, permanentRedirect: String? = nil,
    validators: Validators = Validators()
  ) -> FetchResponse {
    FetchResponse(
      request: FetchRequest(id: 0, url: source.url), outcome: outcome, status: 200, finalURL: source.url,
      validators: validators, permanentRedirect: permanentRedirect, retryAfter: retryAfter, bodyBytes: 0)
  }

  func parsed(_ text: String) -> FeedBodyParser {
    let parser = FeedBodyParser(baseURL: source.url, charset: nil)
    Array(text.utf8).withUnsafeBytes { parser.consume($0) }
    parser.bodyEnded()
    return parser
  }

  let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Guru</title>
    <item><title>Pojok baca</title><link>https://guru.example/a</link><guid>a</guid></item></channel></rss>
    """

  func failingState(streak: Int) -> FeedState {
    FeedState(written: source.written, resolvedURL: source.url, failureStreak: streak)
  }

  @Test("a parsed feed is stored as ok, with its validators and the host in lower case; nothing to report")
  func fetched() throws {
    let validators = Validators(etag: "\"v1\"")
    let result = interpreter.update(
      for: response(.fetched(consumer: parsed(rss)), validators: validators), source: source, state: nil)
    let update = try #require(result.update)
    #expect(update.status == .ok)
    #expect(update.host == "guru.example")
    #expect(update.validators == validators)
    #expect(update.document?.entries.map(\.title) == ["Pojok baca"])
    #expect(update.time == now)
    #expect(result.problem == nil)
  }

  @Test("a permanent redirect is stored as moved, with its new address, and the teacher is asked to update the list")
  func moved() throws {
    let result = interpreter.update(
      for: response(.fetched(consumer: parsed(rss)), permanentRedirect: "https://baru.example/feed"), source: source,
      state: nil)
    let update = try #require(result.update)
    #expect(update.status == .moved && update.movedTo == "https://baru.example/feed")
    #expect(update.document != nil)
    #expect(
      result.problem
        == Diagnostic(
          subject: source.written, stage: .fetch,
          said: Message("errors.feed.moved", ["url": "https://baru.example/feed"])))
    #expect(
      result.problem?.said.text(in: .en)
        == "moved: the feed now lives at https://baru.example/feed; it still works, but please update the feeds file")
  }

  @Test("304 is stored as not modified, quietly")
  func notModified() throws {
    let result = interpreter.update(for: response(.notModified), source: source, state: nil)
    #expect(result.update?.status == .notModified)
    #expect(result.update?.document == nil)
    #expect(result.problem == nil)
  }

  @Test("410 is stored as gone and reported once")
  func gone() throws {
    let result = interpreter.update(for: response(.gone), source: source, state: nil)
    #expect(result.update?.status == .gone && result.update?.failure == .http(410))
    #expect(
      result.problem?.said.text(in: .en)
        == "gone: the server says this feed no longer exists (HTTP 410); it will not be fetched again")
  }

  @Test("a server that asks to wait: nothing stored, the teacher told until when (school's clock)")
  func waiting() {
    let until = now.addingTimeInterval(3600)
    let result = interpreter.update(for: response(.failed(.waiting), retryAfter: until), source: source, state: nil)
    #expect(result.update == nil)
    #expect(
      result.problem?.said.text(in: .en) == "not fetched: the server asked Lingkar to wait until 2027-01-15 16:00 WIB")
    let open = interpreter.update(for: response(.failed(.waiting)), source: source, state: nil)
    #expect(open.problem?.said.text(in: .en) == "not fetched: the server asked Lingkar to wait")
  }

  @Test("a failure extends the streak's backoff from now; a later Retry-After wins")
  func failure() throws {
    let result = interpreter.update(for: response(.failed(.timedOut)), source: source, state: failingState(streak: 2))
    let update = try #require(result.update)
    #expect(update.status == .failed && update.failure == .timedOut)
    #expect(update.nextFetch == now.addingTimeInterval(4 * 1800))  // the third failure in a row
    #expect(result.problem?.stage == .fetch)
    #expect(result.problem?.said.text(in: .en) == "failed: \(FetchFailure.timedOut.message.text(in: .en))")
    let first = interpreter.update(for: response(.failed(.http(500))), source: source, state: nil)
    #expect(first.update?.nextFetch == now.addingTimeInterval(1800))
    let later = now.addingTimeInterval(86_400)
    let asked = interpreter.update(
      for: response(.failed(.http(503)), retryAfter: later), source: source, state: failingState(streak: 2))
    #expect(asked.update?.nextFetch == later && asked.update?.retryAfter == later)
    let sooner = interpreter.update(
      for: response(.failed(.http(503)), retryAfter: now.addingTimeInterval(60)), source: source, state: nil)
    #expect(sooner.update?.nextFetch == now.addingTimeInterval(1800))
  }

  @Test("a body that is not a feed fails at the parse stage, in the fetch report's words")
  func notAFeed() throws {
    let page = interpreter.update(
      for: response(.fetched(consumer: parsed("<!DOCTYPE html><html><body><p>Halo</p></body></html>"))),
      source: source, state: nil)
    #expect(page.update?.status == .failed && page.update?.failure == .webPage)
    #expect(page.problem?.stage == .parse)
    let empty = interpreter.update(for: response(.fetched(consumer: nil)), source: source, state: nil)
    #expect(empty.update?.failure == .unreadable("empty"))
    #expect(empty.problem?.stage == .parse)
    #expect(FeedParseError.htmlPage.failure == .webPage)
    #expect(FeedParseError.empty.failure == .unreadable("empty"))
    #expect(FeedParseError.notAFeed(root: "svg").failure == .unreadable("not-a-feed:svg"))
    #expect(
      FeedParseError.notAFeed(root: "svg").message.text(in: .en)
        == "unreadable feed: not a feed (the document is <svg>)")
    #expect(FeedParseError.unreadable("broken").failure == .unreadable("broken"))
  }
}
