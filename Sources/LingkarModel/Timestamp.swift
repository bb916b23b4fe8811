public import Foundation

/// UTC timestamps in the `YYYY-MM-DDTHH:MM:SSZ` form Lingkar writes everywhere, computed without
/// a formatter so it is cheap and the same on every machine.
public enum Timestamp {
  /// `2026-11-29T07:00:00Z`; fractions of a second are dropped.
  public static func iso8601(_ date: Date) -> String {
    let seconds = wholeSeconds(date.timeIntervalSince1970)
    var days = seconds / 86_400
    var rest = seconds % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    let (year, month, day) = civil(fromDays: days)
    return String(
      format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
  }

  /// The first and last second Lingkar writes: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
  public static let earliest: Int64 = -62_135_596_800
  public static let latest: Int64 = 253_402_300_799

  /// Whole seconds (rounded down) of a time read from anywhere, brought into years 1-9999: a
  /// date from a damaged database or a hand-edited `digest.json` (NaN, infinite, 1e300) must give
  /// some date, never trap in the conversion to an integer.
  public static func wholeSeconds(_ interval: Double) -> Int64 {
    guard !interval.isNaN else { return 0 }
    if interval <= Double(earliest) { return earliest }
    if interval >= Double(latest) { return latest }
    return Int64(interval.rounded(.down))
  }

  /// A date brought into years 1-9999 (see `wholeSeconds`); fractions of a second are kept.
  public static func clamped(_ interval: Double) -> Date {
    guard !interval.isNaN else { return Date(timeIntervalSince1970: 0) }
    return Date(timeIntervalSince1970: min(max(interval, Double(earliest)), Double(latest)))
  }

  /// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian; see `CivilDate`).
  public static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let date = CivilDate.civil(fromDays: days)
    return (date.year, date.month, date.day)
  }
}
