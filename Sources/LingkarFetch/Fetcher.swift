internal import CCurl
public import Foundation
public import LingkarModel

/// Fetches many feeds at once on libcurl's multi interface, in one event loop on the calling thread.
///
/// Bodies stream into a `BodyConsumer` made per transfer when its headers are known. The consumers
/// run on body workers (`FetchOptions.bodyThreads`), fed through a bounded queue: the event loop
/// never waits for a parser, and when the queue is full the transfers that want to add to it pause.
/// Each transfer's end is handed to `completion`, on the calling thread, as soon as its body has
/// been consumed, so the caller can store results in batches while others are still downloading.
///
/// ```swift
/// let fetcher = try Fetcher(options: FetchOptions())
/// try fetcher.run(requests, makeConsumer: { head in MyParser(charset: head.charset) }) { response in
///   ...
/// }
/// ```
public final class Fetcher {
  public let options: FetchOptions
  private let multi: UnsafeMutableRawPointer
  /// The clock, replaceable in tests.
  private let now: () -> Date

  public init(options: FetchOptions, now: @escaping () -> Date = Date.init) throws(FetchError) {
    guard Self.globalInit == CURLE_OK else {
      throw .curl(code: Int(Self.globalInit.rawValue), message: "libcurl could not start")
    }
    guard let multi = curl_multi_init() else { throw .curlMulti(code: -1, message: "curl_multi_init failed") }
    self.options = options
    self.multi = multi
    self.now = now
    try CurlResult.check(CCurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.maxHostConnections))
    try CurlResult.check(CCurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX)))
    try CurlResult.check(CCurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(options.jobs, 8) * 2))
  }

  deinit {
    curl_multi_cleanup(multi)
  }

  /// `curl_global_init(CURL_GLOBAL_ALL)`, once per process (the macro is not imported: ALL = SSL | WIN32 = 3).
  private static let globalInit: CURLcode = curl_global_init(3)

  /// Runs every request; returns when all are done. Problems of single feeds come back as outcomes,
  /// wherever libcurl reports them (adding the handle, resuming a paused transfer, the transfer's
  /// end); only a failure of libcurl itself (`curl_multi_perform`, `curl_multi_poll`) throws.
  /// Nothing outlives its limits: each transfer ends at its own deadline and the run at
  /// `FetchOptions.runTimeoutMilliseconds`, kept here on a monotonic clock.
  public func run(
    _ requests: [FetchRequest],
    makeConsumer: @escaping (ResponseHead) -> any BodyConsumer,
    completion: (FetchResponse) -> Void
  ) throws(FetchError) {
    let workers = BodyWorkers(
      threads: options.bodyThreads, capacity: options.bodyQueueBytes, wake: MultiWakeup(multi: multi).callAsFunction)
    // No worker job may outlive this call: they wake the multi handle.
    defer { workers.drain() }
    let gate = LargeBodyGate(threshold: options.largeBodyBytes)
    var queue = HostQueue(requests: requests, maxPerHost: options.maxHostConnections)
    var active: [UnsafeMutableRawPointer: Transfer] = [:]
    /// Transfers done whose bodies the workers are still consuming, by serial.
    var consuming: [Int: FetchResponse] = [:]
    var serial = 0
    var running: Int32 = 0
    let runDeadline = options.runTimeoutMilliseconds.map { ContinuousClock.now.advanced(by: .milliseconds($0)) }

    /// Ends one transfer with libcurl's `code` and hands its response on (at once, or once the
    /// workers have consumed its body).
    func end(_ transfer: Transfer, code: CURLcode) {
      guard active.removeValue(forKey: transfer.handle) != nil else { return }
      curl_multi_remove_handle(multi, transfer.handle)
      queue.finished(host: transfer.host)
      let response = self.response(for: transfer, code: code)
      if let until = response.retryAfter { queue.block(host: transfer.host, until: until) }
      if let stream = transfer.stream {
        if case .fetched = response.outcome {
          consuming[stream.serial] = response
          workers.end(stream)
          return
        }
        workers.cancel(stream)
      }
      completion(response)
      gate.leave(transfer.serial)
    }

    while true {
      // Start transfers up to the job limit, never more per host than the host cap.
      while active.count < options.jobs, let next = queue.next(now: now()) {
        switch next {
        case .start(let request, let host):
          let localFile: LocalFile?
          switch prepare(request) {
          case .success(let file): localFile = file
          case .failure(let refusal):
            queue.finished(host: host)
            completion(failedResponse(request, refusal))
            continue
          }
          do {
            serial += 1
            let transfer = try Transfer(
              request: request, host: host, serial: serial, options: options, workers: workers, gate: gate,
              localFile: localFile, makeConsumer: makeConsumer)
            try CurlResult.check(curl_multi_add_handle(multi, transfer.handle))
            active[transfer.handle] = transfer
          } catch {
            queue.finished(host: host)
            completion(failedResponse(request, Self.startFailure(error)))
          }
        case .wait(let request, let until):
          var response = failedResponse(request, .waiting)
          response.retryAfter = until
          completion(response)
        }
      }
      try CurlResult.check(curl_multi_perform(multi, &running))
      var finished = 0
      var left: Int32 = 0
      while let message = curl_multi_info_read(multi, &left) {
        guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
          let transfer = active[handle]
        else { continue }
        finished += 1
        end(transfer, code: CCurl_msg_result(message))
      }
      // Lingkar's own deadlines: a transfer past its own (its clock stops while it waits for the
      // large-body gate), everything once the run is past its.
      let instant = ContinuousClock.now
      let runOver = runDeadline.map { instant >= $0 } ?? false
      for transfer in Array(active.values) where runOver || (!transfer.waitsForGate && transfer.deadline <= instant) {
        finished += 1
        end(transfer, code: CURLE_OPERATION_TIMEDOUT)
      }
      if runOver {
        for request in queue.takeAll() {
          var response = failedResponse(request, .timedOut)
          response.outcome = .notFetched("the run reached its time limit before this feed's turn")
          completion(response)
        }
      }
      let ended = workers.takeEnded()
      for serial in ended {
        if let response = consuming.removeValue(forKey: serial) { completion(response) }
        gate.leave(serial)  // the large feed has been handed over (and stored): the next may come
      }
      if active.isEmpty && queue.isEmpty && consuming.isEmpty { break }
      if workers.hasRoom {
        for transfer in Array(active.values) where transfer.isPaused && (!transfer.waitsForGate || gate.isOpen) {
          let code = transfer.resume()
          if code != CURLE_OK {
            finished += 1
            end(transfer, code: code)
          }
        }
      }
      // Wait for the network or a worker (curl_multi_wakeup); never once nothing can wake the
      // poll, as it would sleep its whole timeout. Never past the next deadline either.
      if (running > 0 || !consuming.isEmpty) && finished == 0 && ended.isEmpty {
        var wait = Duration.milliseconds(1000)
        for transfer in active.values where !transfer.waitsForGate { wait = min(wait, transfer.deadline - instant) }
        if let runDeadline { wait = min(wait, runDeadline - instant) }
        let (seconds, attoseconds) = wait.components
        let milliseconds = Int32(max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000) + 1)
        try CurlResult.check(curl_multi_poll(multi, nil, 0, milliseconds, nil))
      }
    }
  }

  /// What must hold before a request goes to libcurl: an address of bounded length, and for a local
  /// path a regular file, opened here without blocking (see `LocalFile`).
  private func prepare(_ request: FetchRequest) -> Result<LocalFile?, FetchFailure> {
    if request.url.utf8.count > options.maxURLBytes {
      return .failure(.addressTooLong(limit: options.maxURLBytes))
    }
    guard request.allowsFile, request.url.lowercased().hasPrefix("file:") else { return .success(nil) }
    return LocalFile.open(request.url).map { Optional($0) }
  }

  private func response(for transfer: Transfer, code: CURLcode) -> FetchResponse {
    let status = transfer.responseCode
    let outcome: FetchOutcome
    if code != CURLE_OK {
      if transfer.exceededCap {
        outcome = .failed(.tooLarge(limit: options.maxBodyBytes))
      } else if let refused = transfer.refusedAddress {
        outcome = .failed(.privateAddress(refused))
      } else {
        outcome = .failed(CurlResult.failure(for: code))
      }
    } else {
      switch status {
      case 0, 200..<300: outcome = .fetched(consumer: transfer.consumer)
      case 304: outcome = .notModified
      case 410: outcome = .gone
      default: outcome = .failed(.http(status))
      }
    }
    let time = now()
    // Only valid header values are kept: they are sent back in the next request's headers.
    var validators = Validators(
      etag: HeaderValue.safe(transfer.headers.etag), lastModified: HeaderValue.safe(transfer.headers.lastModified))
    if let modified = validators.lastModified, HTTPDate.parse(modified).map({ $0 > time }) ?? true {
      validators.lastModified = nil  // in the future, or unreadable: sending it back would mislead the server
    }
    var retryAfter: Date?
    if status == 429 || status == 503, let value = transfer.headers.retryAfter {
      retryAfter = HTTPDate.retryAfter(value, now: time)
    }
    return FetchResponse(
      request: transfer.request, outcome: outcome, status: status, finalURL: transfer.effectiveURL,
      validators: transfer.request.allowsFile ? Validators() : validators,
      permanentRedirect: transfer.permanentRedirect, retryAfter: retryAfter, bodyBytes: transfer.bodyBytes)
  }

  /// A transfer that could not be set up: libcurl's code, for developers (the words are ours).
  private static func startFailure(_ error: any Error) -> FetchFailure {
    switch error as? FetchError {
    case .curl(let code, _)?, .curlMulti(let code, _)?: .downloadFailed(curlCode: code)
    case nil: .downloadFailed(curlCode: -1)
    }
  }

  private func failedResponse(_ request: FetchRequest, _ failure: FetchFailure) -> FetchResponse {
    FetchResponse(
      request: request, outcome: .failed(failure), status: 0, finalURL: request.url, validators: Validators(),
      permanentRedirect: nil, retryAfter: nil, bodyBytes: 0)
  }
}
