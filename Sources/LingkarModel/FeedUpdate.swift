public import Foundation

/// The result of one fetch, as the store is asked to record it.
public struct FeedUpdate: Sendable {
  public var source: FeedSource
  public var status: FeedStatus
  public var failure: FetchFailure?
  /// Validators from this response; nil keeps the stored ones (a 304 or a failure).
  public var validators: Validators?
  /// The new address when the server moved the feed for good (301/308).
  public var movedTo: String?
  /// The server's Retry-After, when it gave one: applies to every feed on the same host.
  public var retryAfter: Date?
  /// For a failure: not to be fetched again before this time (growing intervals, never dropped).
  public var nextFetch: Date?
  /// The host the feed lives on (lower-cased), for per-host waiting.
  public var host: String?
  /// The parsed feed for a 200; nil otherwise.
  public var document: FeedDocument?
  public var time: Date

  public init(
    source: FeedSource, status: FeedStatus, failure: FetchFailure? = nil, validators: Validators? = nil,
    movedTo: String? = nil, retryAfter: Date? = nil, nextFetch: Date? = nil, host: String? = nil,
    document: FeedDocument? = nil,
    time: Date
  ) {
    self.source = source
    self.status = status
    self.failure = failure
    self.validators = validators
    self.movedTo = movedTo
    self.retryAfter = retryAfter
    self.nextFetch = nextFetch
    self.host = host
    self.document = document
    self.time = time
  }
}
