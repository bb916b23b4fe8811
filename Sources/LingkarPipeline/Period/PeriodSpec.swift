public import Foundation
public import LingkarModel
import LingkarStore

/// The `--since` argument: `last` (since the previous digest; 14 days when there is none), `Nd`
/// (N days before now) or a date `YYYY-MM-DD` (from its start, UTC).
///
/// Which items a period holds (`items(in:now:previousDigest:lookbackDays:)`):
/// - `last` after an earlier digest: every item first seen since that digest ended, whatever its
///   published date, unless it was published before both the period's start and the look-back
///   window (`lookbackDays`, 30 by default). A post fetched late (a new feed, a feed that was
///   failing, an outage) still reaches the next digest, and a new feed's backlog stays out.
/// - `last` before any digest, `Nd` and `YYYY-MM-DD`: the items published (else first seen) in
///   those days. An explicit period shows what appeared in it; a later `last` digest starts where
///   it ended, so an item first seen before it and published before its start is not shown again.
public enum PeriodSpec: Sendable, Hashable {
  case last
  case days(Int)
  case date(Date)

  /// Days covered by `last` when no digest was written before.
  public static let defaultDays = 14

  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed == "last" {
      self = .last
    } else if trimmed.hasSuffix("d"), let days = Int(trimmed.dropLast()), days > 0, days <= 3660 {
      self = .days(days)
    } else if let date = Self.day(trimmed) {
      self = .date(date)
    } else {
      return nil
    }
  }

  /// The start of the period ending at `now`; `previousDigest` answers `last` when known.
  public func start(now: Date, previousDigest: Date? = nil) -> Date {
    switch self {
    case .last: return previousDigest ?? now.addingTimeInterval(-Double(Self.defaultDays) * 86_400)
    case .days(let days): return now.addingTimeInterval(-Double(days) * 86_400)
    case .date(let date): return date
    }
  }

  /// Days before now a late item may have been published and still enter a `last` digest.
  public static let defaultLookbackDays = 30

  /// Why this period cannot end at `now` (a date in the future), or nil when it can.
  public func problem(now: Date) -> Message? {
    guard case .date(let date) = self, date > now else { return nil }
    return Message("errors.since.future", ["day": .text(String(Timestamp.iso8601(date).prefix(10)))])
  }

  /// The period's start and its items, ending at `now`; `previousDigest` is the end of the latest
  /// digest before this one (not today's, which a rerun replaces).
  func items(in store: FeedStore, now: Date, previousDigest: Date?, lookbackDays: Int) throws(StoreError)
    -> (start: Date, items: [StoredItem])
  {
    let start = start(now: now, previousDigest: previousDigest)
    guard self == .last, let previousDigest else { return (start, try store.items(since: start, until: now)) }
    let window = now.addingTimeInterval(-Double(max(0, lookbackDays)) * 86_400)
    return (start, try store.items(firstSeenAfter: previousDigest, through: now, placedSince: min(start, window)))
  }

  /// `YYYY-MM-DD` → midnight UTC of that day (days from the civil calendar, no formatter).
  static func day(_ text: String) -> Date? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    let date = Date(timeIntervalSince1970: Double(days) * 86_400)
    guard Timestamp.iso8601(date).hasPrefix(text) else { return nil }
    return date
  }
}
