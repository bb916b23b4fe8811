public import Foundation
import LingkarFeedList
import LingkarFetch
public import LingkarModel
import LingkarParse
public import LingkarStore

/// `lingkar fetch`: read the feeds file, fetch every feed that is due, parse bodies as they stream
/// in, and store the results in batches. One feed's problem never stops the run.
public final class FetchRun {
  public let options: FetchRunOptions
  private let now: () -> Date

  public init(options: FetchRunOptions, now: @escaping () -> Date = Date.init) {
    self.options = options
    self.now = now
  }

  /// Runs once: takes the run lock, fetches, and lets the lock go.
  /// - Parameters:
  ///   - report: called for every problem, as it happens.
  ///   - progress: called with (feeds done, feeds in total).
  public func run(
    report: (Diagnostic) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(LingkarFailure) -> FetchSummary {
    let lock: RunLock
    do {
      lock = try RunLock(path: options.databasePath + ".lock", wait: options.lockWait)
    } catch {
      throw LingkarFailure(error)
    }
    defer { withExtendedLifetime(lock) {} }
    return try run(holding: lock, report: report, progress: progress)
  }

  /// Runs once under the run lock the caller holds (`lingkar run` holds it for the fetch and the
  /// digest); `lock` is asked for so that no caller can forget to take it.
  public func run(
    holding lock: RunLock, report: (Diagnostic) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(LingkarFailure) -> FetchSummary {
    let list: FeedList
    do {
      list = try FeedListFile(path: options.feedsPath).readList(mustExist: true)
    } catch {
      if case .notRegularFile = error { throw LingkarFailure(error.message, cause: error) }
      throw LingkarFailure(Message("errors.feeds-file.missing", ["path": .text(options.feedsPath)]), cause: error)
    }
    list.diagnostics.forEach(report)

    let store: FeedStore
    let states: [String: FeedState]
    do {
      store = try FeedStore(path: options.databasePath)
      // Damage is reported before this run writes on top of it (see `FeedStore.verify`).
      try store.verify()
      states = try store.feedStates()
    } catch {
      throw LingkarFailure(error)
    }

    var summary = FetchSummary()
    summary.feeds = list.sources.count
    var done = 0
    let total = list.sources.count
    var requests: [FetchRequest] = []
    let start = now()
    for (index, source) in list.sources.enumerated() {
      let state = states[source.written]
      if let skip = FeedSchedule.skipReason(
        state: state, now: start, ignoreBackoff: options.ignoreBackoff, utcOffset: options.utcOffset)
      {
        report(Diagnostic(subject: source.written, stage: .fetch, said: skip.message))
        if skip.countsAsFailed { summary.failed += 1 }
        done += 1
        continue
      }
      let sameAddress = state?.resolvedURL == source.url
      requests.append(
        FetchRequest(
          id: index, url: source.url, validators: sameAddress ? state?.validators ?? Validators() : Validators(),
          allowsFile: source.isLocalFile))
    }
    progress(done, total)

    let fetcher: Fetcher
    do {
      // A body past the fetcher's large-body size also fills a batch, so each large feed is stored
      // (and its parsed items let go) before the fetcher lets the next one grow: the run's memory is
      // bounded by its largest feed plus one batch of small ones.
      var fetchOptions = options.fetch
      fetchOptions.largeBodyBytes = min(fetchOptions.largeBodyBytes, options.batchBodyBytes)
      fetcher = try Fetcher(options: fetchOptions, now: now)
    } catch {
      throw LingkarFailure(fetcher: error)
    }
    var batch: [FeedUpdate] = []
    var batchBytes = 0
    var storeFailure: StoreError?
    func flush() {
      batchBytes = 0
      guard !batch.isEmpty, storeFailure == nil else { return }
      do {
        let counts = try store.record(batch)
        summary.new += counts.new
        summary.updated += counts.updated
      } catch {
        storeFailure = error
      }
      batch.removeAll(keepingCapacity: true)
    }
    let interpreter = ResponseInterpreter(options: options, now: now)
    // Transport failures are held back until the end of the run: when (nearly) every feed failed so,
    // the school's connection was down, and they are not held against the feeds (no backoff).
    var check = ConnectionCheck()
    var transportFailures: [FeedUpdate] = []
    do {
      try fetcher.run(
        requests,
        makeConsumer: { head in FeedBodyParser(baseURL: head.url, charset: head.charset) },
        completion: { response in
          let source = list.sources[response.request.id]
          let result = interpreter.update(for: response, source: source, state: states[source.written])
          if let problem = result.problem { report(problem) }
          switch result.update?.status {
          case .failed?: summary.failed += 1
          case .notModified?: summary.notModified += 1
          default: break
          }
          if !source.isLocalFile { check.tried += 1 }
          if let update = result.update, update.status == .failed, !source.isLocalFile,
            let failure = update.failure, ConnectionCheck.isTransport(failure)
          {
            let state = states[source.written]
            check.transportFailures += 1
            if let state, state.failureStreak == 0, state.lastSuccess != nil { check.failedAfterSuccess += 1 }
            transportFailures.append(update)
          } else if let update = result.update {
            batch.append(update)
            batchBytes += response.bodyBytes
          }
          if batch.count >= options.batchSize || batchBytes >= options.batchBodyBytes { flush() }
          done += 1
          progress(done, total)
        })
    } catch {
      throw LingkarFailure(fetcher: error)
    }
    summary.tried = check.tried
    summary.transportFailures = check.transportFailures
    summary.connectionProblem = check.isConnectionProblem
    if !summary.connectionProblem { batch.append(contentsOf: transportFailures) }
    flush()
    if let storeFailure { throw LingkarFailure(storeFailure) }
    do {
      summary.items = try store.itemCount()
    } catch {
      throw LingkarFailure(error)
    }
    return summary
  }
}
