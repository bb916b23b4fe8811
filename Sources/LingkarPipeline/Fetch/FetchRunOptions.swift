public import Foundation
public import LingkarFetch

/// Everything `lingkar fetch` can be told.
public struct FetchRunOptions: Sendable {
  public var feedsPath: String
  public var databasePath: String
  /// The HTTP policy: jobs, per-host cap, size cap, timeouts, User-Agent.
  public var fetch = FetchOptions()
  /// How long to wait for another run's lock before giving up (exit 3).
  public var lockWait: TimeInterval = 5
  /// The wait after the first failure; it doubles with each failure in a row, up to `maxBackoff`.
  public var backoffBase: TimeInterval = 30 * 60
  public var maxBackoff: TimeInterval = 7 * 24 * 3600
  /// Fetch failing feeds now, ignoring their backoff (never the server's Retry-After).
  public var ignoreBackoff = false
  /// Seconds east of UTC of the school's clock, for the times in messages ("next try after 18:41 WIB").
  public var utcOffset = 0
  /// Results stored per transaction, at most.
  public var batchSize = 32
  /// Body bytes whose parsed feeds are held for one transaction, about: a batch of large feeds is
  /// stored early, so memory stays bounded by this, not by `batchSize` times the largest feed.
  public var batchBodyBytes = 2_000_000

  public init(feedsPath: String, databasePath: String) {
    self.feedsPath = feedsPath
    self.databasePath = databasePath
  }

  // The HTTP settings the command line sets, so that callers need not import LingkarFetch.
  public var jobs: Int {
    get { fetch.jobs }
    set { fetch.jobs = newValue }
  }
  public var maxHostConnections: Int {
    get { fetch.maxHostConnections }
    set { fetch.maxHostConnections = newValue }
  }
  public var maxBodyBytes: Int {
    get { fetch.maxBodyBytes }
    set { fetch.maxBodyBytes = newValue }
  }
  public var totalTimeoutSeconds: Int {
    get { fetch.totalTimeoutMilliseconds / 1000 }
    set { fetch.totalTimeoutMilliseconds = newValue * 1000 }
  }
  public var connectTimeoutSeconds: Int {
    get { fetch.connectTimeoutMilliseconds / 1000 }
    set { fetch.connectTimeoutMilliseconds = newValue * 1000 }
  }
  public var userAgent: String {
    get { fetch.userAgent }
    set { fetch.userAgent = newValue }
  }
}
