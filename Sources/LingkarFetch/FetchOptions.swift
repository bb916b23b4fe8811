import Foundation

/// The fetch policy in one place: concurrency, limits, timeouts, identity.
public struct FetchOptions: Sendable {
  /// Transfers running at once.
  public var jobs: Int = 16
  /// Connections to one host at once (Mastodon accounts often share one instance).
  public var maxHostConnections: Int = 4
  /// Largest decoded body accepted, in bytes; a larger one is stopped as it arrives.
  public var maxBodyBytes: Int = 10_000_000
  /// Redirects followed at most.
  public var maxRedirects: Int = 5
  public var connectTimeoutMilliseconds: Int = 10_000
  /// Whole-transfer limit, kept by Lingkar itself (libcurl is given none: see `Transfer.deadline`).
  public var totalTimeoutMilliseconds: Int = 60_000
  /// Limit for a whole `Fetcher.run`: transfers still running then end as timed out, and requests
  /// not started yet are reported as not fetched. Nil: no limit beyond each transfer's.
  public var runTimeoutMilliseconds: Int? = 30 * 60_000
  /// Longest address fetched, in bytes; a longer one is refused for its feed alone.
  public var maxURLBytes: Int = 2048
  /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds` is stopped (tarpits).
  public var lowSpeedBytesPerSecond: Int = 100
  public var lowSpeedSeconds: Int = 20
  public var userAgent: String = FetchOptions.defaultUserAgent
  /// Threads that feed bodies into their consumers (parsers), off the network loop: one per
  /// processor beyond the first, which the network loop and the caller's work keep busy.
  public var bodyThreads: Int = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount - 1))
  /// Body bytes waiting for the body threads, at most; when full, transfers pause.
  public var bodyQueueBytes: Int = 1 << 20
  /// Bodies larger than this go one at a time (the others pause at this size until it has been
  /// handed over), so a run holds at most one large parsed feed besides the small ones.
  public var largeBodyBytes: Int = 2_000_000
  /// When set, connections to private addresses are refused (see `AddressGuard`): the web server
  /// sets it for addresses people type in; nil (cron's runs, the command line) connects anywhere.
  public var addressGuard: AddressGuard?

  public static let version = "0.1.0"
  public static let defaultUserAgent = "Lingkar/\(version) (+https://github.com/lingkar/lingkar)"

  public init() {}
}
