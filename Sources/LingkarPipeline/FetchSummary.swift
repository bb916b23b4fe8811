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

  public init() {}

  public var description: String { "feeds=\(feeds) items=\(items) new=\(new) failed=\(failed)" }
}
