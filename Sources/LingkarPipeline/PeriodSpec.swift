public import Foundation
import LingkarModel

/// The `--since` argument: `last` (since the previous digest; 14 days when there is none), `Nd`
/// (N days before now) or a date `YYYY-MM-DD` (from its start, UTC).
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

  /// `YYYY-MM-DD` → midnight UTC of that day (days from the civil calendar, no formatter).
  static func day(_ text: String) -> Date? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    // Days from civil (Howard Hinnant's algorithm), the inverse of Timestamp.civil.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let date = Date(timeIntervalSince1970: Double(days) * 86_400)
    guard Timestamp.iso8601(date).hasPrefix(text) else { return nil }
    return date
  }
}
