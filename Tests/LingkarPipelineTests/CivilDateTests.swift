import Foundation
import LingkarModel
import Testing

@testable import LingkarFetch
@testable import LingkarParse
@testable import LingkarPipeline

/// The calendar arithmetic has one home (`CivilDate`); the settings' days (`CalendarDay`), feed dates
/// (`DateParser`), HTTP dates (`HTTPDate`) and `--since` dates (`PeriodSpec`) all go through it. Every
/// day from 1600 to 2400 (leap and century years, before 1970) is checked against Foundation's
/// Gregorian calendar in UTC, which shares no code with it. (1600, not earlier: Foundation's
/// Gregorian calendar turns Julian before 1582.)
@Suite("CivilDate: one calendar, checked against Foundation's")
struct CivilDateTests {
  static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar
  }()

  static let firstDay = -135_140  // 1600-01-01
  static let lastDay = 157_419  // 2400-12-31

  /// Foundation's year, month, day and weekday (1 = Sunday) of every day of the range, worked out once.
  static let foundation: [(year: Int, month: Int, day: Int, weekday: Int)] = (firstDay...lastDay).map { days in
    let parts = utc.dateComponents(
      [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(days) * 86_400))
    // Every part asked for is there; -1 for a missing one could never match, so the comparison would fail.
    return (parts.year ?? -1, parts.month ?? -1, parts.day ?? -1, parts.weekday ?? -1)
  }

  static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  @Test("the range's ends are the days they are said to be")
  func ends() {
    #expect(CivilDate.daysSinceEpoch(year: 1600, month: 1, day: 1) == Self.firstDay)
    #expect(CivilDate.daysSinceEpoch(year: 2400, month: 12, day: 31) == Self.lastDay)
    #expect(CivilDate.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
  }

  @Test("every day from 1600 to 2400: days ⇄ year, month, day, and the weekday, as Foundation counts them")
  func everyDayAgainstFoundation() {
    var mismatches: [String] = []
    for days in Self.firstDay...Self.lastDay {
      let parts = Self.foundation[days - Self.firstDay]
      let (year, month, day) = (parts.year, parts.month, parts.day)
      let civil = CivilDate.civil(fromDays: Int64(days))
      let back = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
      let calendarDay = CalendarDay(daysSinceEpoch: days)
      // Foundation: 1 = Sunday; Weekday: Monday first.
      let weekday = Weekday.allCases[(parts.weekday + 5) % 7]
      if civil != (Int64(year), Int64(month), Int64(day)) || back != days || calendarDay.weekday != weekday
        || !CivilDate.isValid(year: year, month: month, day: day)
      {
        mismatches.append("\(days): Foundation \(year)-\(month)-\(day), CivilDate \(civil), back \(back)")
        if mismatches.count > 10 { break }
      }
    }
    #expect(mismatches.isEmpty)
  }

  @Test("every day from 1600 to 2400 read as text by CalendarDay, PeriodSpec, DateParser and HTTPDate")
  func everyDayThroughEachReader() {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    var mismatches: [String] = []
    for days in Self.firstDay...Self.lastDay {
      let date = Date(timeIntervalSince1970: Double(days) * 86_400)
      let parts = Self.foundation[days - Self.firstDay]
      let (year, month, day) = (parts.year, parts.month, parts.day)
      let text = "\(year)-\(Self.two(month))-\(Self.two(day))"
      let http = "Mon, \(Self.two(day)) \(months[month - 1]) \(year) 00:00:00 GMT"
      let noon = date.addingTimeInterval(12 * 3600 + 34 * 60 + 56)
      let settingsDay = CalendarDay(text)
      if settingsDay?.daysSinceEpoch != days || settingsDay?.description != text
        || PeriodSpec.day(text) != date
        || DateParser.parse(text + "T12:34:56Z") != noon
        || HTTPDate.parse(http) != date
      {
        mismatches.append(text)
        if mismatches.count > 10 { break }
      }
    }
    #expect(mismatches.isEmpty)
  }

  @Test(
    "a day is real exactly when Foundation's calendar has it (29 February of 1600, 2000, 2400, not 1700, 1900, 2100)")
  func validity() {
    let real = Set(Self.foundation.map { $0.year * 10_000 + $0.month * 100 + $0.day })
    var wrong: [Int] = []
    for year in 1600...2400 {
      for month in 0...13 {
        for day in 0...32
        where CivilDate.isValid(year: year, month: month, day: day)
          != real.contains(year * 10_000 + month * 100 + day)
        {
          wrong.append(year * 10_000 + month * 100 + day)
        }
      }
    }
    #expect(wrong.isEmpty)
    for year in [1600, 2000, 2400] {
      #expect(CalendarDay("\(year)-02-29") != nil)
      #expect(PeriodSpec.day("\(year)-02-29") != nil)
      #expect(DateParser.parse("\(year)-02-29") != nil)
    }
    for year in [1700, 1800, 1900, 2100, 2200, 2300, 2026] {
      #expect(CalendarDay("\(year)-02-29") == nil)
      #expect(PeriodSpec.day("\(year)-02-29") == nil)
      #expect(DateParser.parse("\(year)-02-29") == nil)
    }
  }
}
