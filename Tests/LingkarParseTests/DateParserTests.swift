import Foundation
import Testing

@testable import LingkarParse

@Suite("DateParser")
struct DateParserTests {
  /// One input and the expected UTC instant (`YYYY-MM-DDTHH:MM:SSZ`), or nil when unparseable.
  struct Case: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String?
    init(_ input: String, _ expected: String?) {
      self.input = input
      self.expected = expected
    }
    var testDescription: String { "\"\(input)\" → \(expected ?? "nil")" }
  }

  /// Formats a date as `YYYY-MM-DDTHH:MM:SSZ` in UTC, fractional seconds dropped.
  static func isoString(_ date: Date?) -> String? {
    guard let date else { return nil }
    let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    return whole.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
  }

  static let cases: [Case] = [
    // RFC 822 / 1123 and common deviations
    Case("Sat, 21 Jul 2012 10:00:00 +0000", "2012-07-21T10:00:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00 GMT", "2012-07-21T10:00:00Z"),
    Case("21 Jul 2012 10:00:00 GMT", "2012-07-21T10:00:00Z"),
    Case("Saturday, 21 Jul 2012 10:00:00 UT", "2012-07-21T10:00:00Z"),
    Case("Thurs, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z"),
    Case("Thu, 1 January 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
    Case("Sat, 21 Jul 2012 10:00 +0700", "2012-07-21T03:00:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00 +07:00", "2012-07-21T03:00:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00 -0530", "2012-07-21T15:30:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00 GMT-05:00", "2012-07-21T15:00:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00 +0000 (UTC)", "2012-07-21T10:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 EST", "2004-01-26T05:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 EDT", "2004-01-26T04:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 CST", "2004-01-26T06:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 MDT", "2004-01-26T06:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 PST", "2004-01-26T08:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 PDT", "2004-01-26T07:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 A", "2004-01-26T01:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 Y", "2004-01-25T12:00:00Z"),
    Case("Mon, 26 Jan 2004 00:00:00 XYZ", "2004-01-26T00:00:00Z"),
    Case("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z"),
    Case("Thu, 01 Jan 89 19:48:21 GMT", "2089-01-01T19:48:21Z"),
    Case("Fri, 01 Jan 99 19:48:21 GMT", "1999-01-01T19:48:21Z"),
    Case("Jan 26 2004 10:00:00 GMT", "2004-01-26T10:00:00Z"),
    Case("Sat, 21 Jul 2012", "2012-07-21T00:00:00Z"),
    Case("21 Jul 2012 10:00", "2012-07-21T10:00:00Z"),
    Case("Sat, 21 Jul 2012 10:00:00", "2012-07-21T10:00:00Z"),
    Case("Mon, 21 Jan 2008 8:56 pm PST", "2008-01-22T04:56:00Z"),
    // asctime and Perforce
    Case("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z"),
    Case("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),
    Case("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"),
    // ISO 8601, RFC 3339, W3C-DTF
    Case("2026-08-28T10:00:00Z", "2026-08-28T10:00:00Z"),
    Case("2026-08-28T10:00:00.123456Z", "2026-08-28T10:00:00Z"),
    Case("2026-08-28T10:00:00+07:00", "2026-08-28T03:00:00Z"),
    Case("2026-08-28T10:00:00-0800", "2026-08-28T18:00:00Z"),
    Case("2026-08-28T10:00+07:00", "2026-08-28T03:00:00Z"),
    Case("2026-08-28 10:00:00", "2026-08-28T10:00:00Z"),
    Case("2026-08-28 10:00:00 -05:00", "2026-08-28T15:00:00Z"),
    Case("2026-08-28", "2026-08-28T00:00:00Z"),
    Case("2003-12", "2003-12-01T00:00:00Z"),
    Case("2003", "2003-01-01T00:00:00Z"),
    Case("20260828T100000Z", "2026-08-28T10:00:00Z"),
    Case("20031231", "2003-12-31T00:00:00Z"),
    Case("03-12-31", "2003-12-31T00:00:00Z"),
    Case("2003-335", "2003-12-01T00:00:00Z"),
    Case("2003-W01-1", "2002-12-30T00:00:00Z"),
    Case("  2026-08-28T10:00:00Z\n", "2026-08-28T10:00:00Z"),
    // Indonesian names and zones
    Case("Senin, 28 Agustus 2026 10:00 WIB", "2026-08-28T03:00:00Z"),
    Case("Selasa, 01 Des 2026 10:00:00 WITA", "2026-12-01T02:00:00Z"),
    Case("Jum'at, 7 Okt 2026 23:15 WIT", "2026-10-07T14:15:00Z"),
    Case("Minggu, 5 Mei 2026 pukul 08:00 WIB", "2026-05-05T01:00:00Z"),
    Case("Kamis, 13 Agt 2026 08:00:00 +0700", "2026-08-13T01:00:00Z"),
    Case("Rabu, 12 Februari 2025 14:30 GMT+7", "2025-02-12T07:30:00Z"),
    // Other languages
    Case("Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11T17:00:00Z"),
    Case("2004-július-13T9:15-05:00", "2004-07-13T14:15:00Z"),
    Case("2004-05-25 오후 11:23:17", "2004-05-25T14:23:17Z"),
    Case("2004년 05월 28일  01:31:15", "2004-05-27T16:31:15Z"),
    // Invalid or out of range
    Case("", nil),
    Case("garbage", nil),
    Case("Thu, 31 Jun 2004 19:48:21 GMT", nil),
    Case("Mon, 26 Jan 2004 25:00:00 GMT", nil),
    Case("Mon, 32 Jan 2004 10:00:00 GMT", nil),
    Case("2004-13-01T00:00:00Z", nil),
    Case("2003-02-29", nil),
    Case("2004-01-01T10:60:00Z", nil),
    Case("Foo, 01 Jan 2004 10:00:00 GMT", nil),
  ]

  @Test("Feed dates parse to the expected UTC instant", arguments: cases)
  func parsesFeedDate(_ testCase: Case) {
    #expect(Self.isoString(DateParser.parse(testCase.input)) == testCase.expected)
  }

  @Test("A leap day in a leap year is accepted")
  func acceptsLeapDay() {
    #expect(
      Self.isoString(DateParser.parse("Sun, 29 Feb 2004 12:00:00 GMT")) == "2004-02-29T12:00:00Z")
  }

  @Test("Dates before 1970 come out negative and exact")
  func parsesDatesBeforeEpoch() {
    #expect(DateParser.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970 == -1)
  }
}
