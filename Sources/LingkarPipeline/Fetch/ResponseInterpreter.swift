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
        update: update,
        problem: Diagnostic(
          subject: source.written, stage: stage,
          said: Message("errors.feed.failed", ["reason": .message(failure.message)])
        ))
    }
    switch response.outcome {
    case .notModified:
      return Result(update: FeedUpdate(source: source, status: .notModified, host: host, time: time))
    case .gone:
      let update = FeedUpdate(source: source, status: .gone, failure: .http(410), host: host, time: time)
      return Result(
        update: update, problem: Diagnostic(subject: source.written, stage: .fetch, said: Message("errors.feed.gone")))
    case .failed(.waiting):
      let said =
        response.retryAfter.map {
          Message("errors.feed.waiting-until", ["time": .text(SchoolTime.text($0, utcOffset: options.utcOffset))])
        } ?? Message("errors.feed.waiting")
      return Result(problem: Diagnostic(subject: source.written, stage: .fetch, said: said))
    case .notFetched:
      return Result(problem: Diagnostic(subject: source.written, stage: .fetch, said: FetchFailure.notFetched.message))
    case .failed(let failure):
      return failed(failure)
    case .fetched(let consumer):
      guard let parser = consumer as? FeedBodyParser else {
        return failed(.unreadable(FetchFailure.Unreadable.empty), stage: .parse)
      }
      let document: FeedDocument
      do {
        document = try parser.document()
      } catch {
        return failed(error.failure, stage: .parse)
      }
      let moved = response.permanentRedirect
      let update = FeedUpdate(
        source: source, status: moved == nil ? .ok : .moved, validators: response.validators, movedTo: moved,
        host: host, document: document, time: time)
      let problem = moved.map {
        Diagnostic(
          subject: source.written, stage: .fetch,
          said: Message("errors.feed.moved", ["url": .text($0)]))
      }
      return Result(update: update, problem: problem)
    }
  }
}
