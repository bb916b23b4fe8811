public import Foundation

/// A day of the calendar (no time, no time zone): a meeting date, a chapter's date, an output folder.
/// Written `YYYY-MM-DD`; ordered; its weekday is computed, never looked up.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let daysSinceEpoch: Int

  public init(daysSinceEpoch: Int) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// `YYYY-MM-DD`, a real day of the Gregorian calendar; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let days = Self.days(year: year, month: month, day: day)
    self.init(daysSinceEpoch: days)
    guard self.year == year, self.month == month, self.day == day else { return nil }
  }

  /// The day `date` falls on, `utcOffset` seconds east of UTC.
  public init(_ date: Date, utcOffset: Int = 0) {
    let seconds = Int(Timestamp.wholeSeconds(date.timeIntervalSince1970 + Double(utcOffset)))
    daysSinceEpoch = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
  }

  public var year: Int { Int(Timestamp.civil(fromDays: Int64(daysSinceEpoch)).0) }
  public var month: Int { Int(Timestamp.civil(fromDays: Int64(daysSinceEpoch)).1) }
  public var day: Int { Int(Timestamp.civil(fromDays: Int64(daysSinceEpoch)).2) }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    let index = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 0 = Monday
    return Weekday.allCases[index]
  }

  /// Midnight at the start of this day, `utcOffset` seconds east of UTC.
  public func start(utcOffset: Int = 0) -> Date {
    Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400 - Double(utcOffset))
  }

  public func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + days) }

  /// Days from `other` to this day (positive when this one is later).
  public func days(since other: CalendarDay) -> Int { daysSinceEpoch - other.daysSinceEpoch }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = Timestamp.civil(fromDays: Int64(daysSinceEpoch))
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

  /// Days since 1970-01-01 of a civil date (see `CivilDate`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    CivilDate.daysSinceEpoch(year: year, month: month, day: day)
  }
}

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: String, Sendable, Hashable, CaseIterable {
  case monday, tuesday, wednesday, thursday, friday, saturday, sunday

  /// The Indonesian name (`senin` … `minggu`), also accepted in the settings file.
  public var indonesianName: String {
    switch self {
    case .monday: "senin"
    case .tuesday: "selasa"
    case .wednesday: "rabu"
    case .thursday: "kamis"
    case .friday: "jumat"
    case .saturday: "sabtu"
    case .sunday: "minggu"
    }
  }

  /// An English or Indonesian name, any case (`Thursday`, `kamis`, `Jum'at`).
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter }
    guard let match = Self.allCases.first(where: { $0.rawValue == key || $0.indonesianName == key }) else { return nil }
    self = match
  }
}
