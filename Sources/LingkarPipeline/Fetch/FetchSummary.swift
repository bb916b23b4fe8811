public import LingkarModel

/// The totals of a fetch run, as the last line of `lingkar fetch` prints them.
public struct FetchSummary: Sendable, Equatable, CustomStringConvertible {
  /// Feeds listed in the feeds file (bad lines not counted).
  public var feeds = 0
  /// Items held in the database after the run.
  public var items = 0
  /// Items seen for the first time in this run.
  public var new = 0
  /// Items already held whose content changed.
  public var updated = 0
  /// Feeds that failed in this run, or are still waiting out a failure.
  public var failed = 0
  /// Feeds answered 304.
  public var notModified = 0
  /// Set when (nearly) no feed could be reached while they were fine before: the school's
  /// connection, not the feeds, failed (`ConnectionCheck`). The feeds' failures were not recorded.
  public var connectionProblem = false
  /// Feeds tried over the network, and how many of them failed at the transport level.
  public var tried = 0
  public var transportFailures = 0

  public init() {}

  /// The plain words for a connection problem; `digest`: whether a digest would have followed.
  public func connectionMessage(digest: Bool) -> Message {
    ConnectionCheck(tried: tried, transportFailures: transportFailures).message(digest: digest)
  }

  public var description: String { "feeds=\(feeds) items=\(items) new=\(new) failed=\(failed)" }
}
