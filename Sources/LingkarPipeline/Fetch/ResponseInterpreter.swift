import Foundation
import LingkarFetch
import LingkarModel
import LingkarParse

/// Turns a finished transfer into what the store records and what the teacher is told.
struct ResponseInterpreter {
  let options: FetchRunOptions
  let now: () -> Date

  struct Result {
    var update: FeedUpdate?
    var problem: Diagnostic?
  }

  func update(for response: FetchResponse, source: FeedSource, state: FeedState?) -> Result {
    let time = now()
    let host = URLComponents(string: source.url)?.host?.lowercased()
    func failed(_ failure: FetchFailure, stage: Diagnostic.Stage = .fetch) -> Result {
      let streak = (state?.failureStreak ?? 0) + 1
      var next = time.addingTimeInterval(
        FeedSchedule.backoff(streak: streak, base: options.backoffBase, cap: options.maxBackoff))
      if let retry = response.retryAfter { next = max(next, retry) }
      let update = FeedUpdate(
        source: source, status: .failed, failure: failure, retryAfter: response.retryAfter, nextFetch: next,
        host: host, time: time)
      return Result(
        update: update, problem: Diagnostic(subject: source.written, stage: stage, message: "failed: \(failure)"))
    }
    switch response.outcome {
    case .notModified:
      return Result(update: FeedUpdate(source: source, status: .notModified, host: host, time: time))
    case .gone:
      let update = FeedUpdate(source: source, status: .gone, failure: .http(410), host: host, time: time)
      let message = "gone: the server says this feed no longer exists (HTTP 410); it will not be fetched again"
      return Result(update: update, problem: Diagnostic(subject: source.written, stage: .fetch, message: message))
    case .failed(.waiting):
      let until = response.retryAfter.map { " until \(SchoolTime.text($0, utcOffset: options.utcOffset))" } ?? ""
      let message = "not fetched: the server asked Lingkar to wait\(until)"
      return Result(problem: Diagnostic(subject: source.written, stage: .fetch, message: message))
    case .notFetched(let reason):
      return Result(problem: Diagnostic(subject: source.written, stage: .fetch, message: "not fetched: \(reason)"))
    case .failed(let failure):
      return failed(failure)
    case .fetched(let consumer):
      guard let parser = consumer as? FeedBodyParser else {
        return failed(.unreadable("the document is empty"), stage: .parse)
      }
      let document: FeedDocument
      do {
        document = try parser.document()
      } catch {
        return failed(Self.failure(for: error), stage: .parse)
      }
      let moved = response.permanentRedirect
      let update = FeedUpdate(
        source: source, status: moved == nil ? .ok : .moved, validators: response.validators, movedTo: moved,
        host: host, document: document, time: time)
      let problem = moved.map {
        Diagnostic(
          subject: source.written, stage: .fetch,
          message: "moved: the feed now lives at \($0); it still works, but please update the feeds file")
      }
      return Result(update: update, problem: problem)
    }
  }

  /// Parser errors in the words of the fetch report.
  static func failure(for error: FeedParseError) -> FetchFailure {
    switch error {
    case .htmlPage: .webPage
    case .empty: .unreadable("the document is empty")
    case .notAFeed(let root): .unreadable("not a feed (the document is <\(root)>)")
    case .unreadable(let why): .unreadable(why)
    }
  }
}
