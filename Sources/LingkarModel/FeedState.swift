public import Foundation

/// What Lingkar remembers about a feed between runs.
public struct FeedState: Sendable, Hashable {
  /// The URL or shortcut as written in `feeds.txt`.
  public var written: String
  /// The address last fetched.
  public var resolvedURL: String
  public var title: String?
  public var validators: Validators
  public var status: FeedStatus?
  /// The last problem as stored: a `FetchFailure.code` (`http:404`), or the English words of an
  /// older Lingkar; nil after a success.
  public var error: String?
  /// The last problem; nil after a success.
  public var failure: FetchFailure? { error.map(FetchFailure.init(code:)) }
  /// How many fetches in a row have failed.
  public var failureStreak: Int
  /// Not to be fetched before this time (backoff after failures, or the server's Retry-After).
  public var nextFetch: Date?
  /// Where a permanent redirect (301/308) pointed, for `feeds check`.
  public var movedTo: String?
  /// The server said 410 Gone: the feed is no longer fetched.
  public var gone: Bool
  public var lastSuccess: Date?

  public init(
    written: String, resolvedURL: String, title: String? = nil, validators: Validators = Validators(),
    status: FeedStatus? = nil, error: String? = nil, failureStreak: Int = 0, nextFetch: Date? = nil,
    movedTo: String? = nil, gone: Bool = false, lastSuccess: Date? = nil
  ) {
    self.written = written
    self.resolvedURL = resolvedURL
    self.title = title
    self.validators = validators
    self.status = status
    self.error = error
    self.failureStreak = failureStreak
    self.nextFetch = nextFetch
    self.movedTo = movedTo
    self.gone = gone
    self.lastSuccess = lastSuccess
  }
}
