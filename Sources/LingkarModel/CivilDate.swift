/// The one place the proleptic Gregorian calendar is turned into a count of days and back (Howard
/// Hinnant's `days_from_civil` and `civil_from_days`), so that the settings' days, the feed date
/// parser, HTTP dates and `--since` dates cannot disagree about a leap year. Pure integer
/// arithmetic: no formatter, no time zone, the same on every machine, and cheap enough for the
/// date parser's hot path (hence `@inlinable`).
public enum CivilDate {
  /// Days since 1970-01-01 of `year`-`month`-`day`. The fields are not checked: a day past the
  /// end of its month runs on into the next (`isValid` says whether a date is real).
  @inlinable
  public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Year, month and day of a count of days since 1970-01-01.
  @inlinable
  public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  @inlinable
  public static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// 28 to 31; 0 for a month outside 1...12.
  @inlinable
  public static func daysInMonth(year: Int, month: Int) -> Int {
    guard (1...12).contains(month) else { return 0 }
    return month == 2 ? (isLeapYear(year) ? 29 : 28) : 30 + (month + month / 8) & 1
  }

  /// Whether `year`-`month`-`day` is a real day of the calendar.
  @inlinable
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    (1...12).contains(month) && (1...daysInMonth(year: year, month: month)).contains(day)
  }
}
