import Foundation
import LingkarModel

/// Reads the dates HTTP headers carry (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 and asctime forms).
enum HTTPDate {
  static func parse(_ text: String) -> Date? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
    // IMF-fixdate and RFC 850: weekday day month year time GMT; asctime: weekday month day time year.
    let day: Int?, month: Int?, year: Int?, time: String
    if parts.count >= 5, let first = Int(parts[1]) {
      (day, month, year, time) = (first, months[parts[2].lowercased()], Int(parts[3]), parts[4])
    } else if parts.count >= 5 {
      (day, month, year, time) = (Int(parts[2]), months[parts[1].lowercased()], Int(parts[4]), parts[3])
    } else {
      return nil
    }
    let clock = time.split(separator: ":").compactMap { Int($0) }
    guard let day, let month, var year, clock.count == 3 else { return nil }
    if year < 100 { year += year < 70 ? 2000 : 1900 }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
  }

  /// A `Retry-After` value: seconds from now, or a date.
  static func retryAfter(_ text: String, now: Date) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(trimmed) { return now.addingTimeInterval(TimeInterval(max(0, seconds))) }
    return parse(trimmed)
  }

  private static let months = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
  ]
}
