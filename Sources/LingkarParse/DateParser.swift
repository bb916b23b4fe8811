import Foundation
import LingkarModel

/// Turns the date strings found in feeds into `Date`s. It agrees with feedparser 6's
/// `_parse_date` (compared in UTC, to the second) and also reads Indonesian names and zones.
///
/// Accepted forms (surrounding whitespace is ignored; English and Indonesian names and zone
/// names are case-insensitive):
/// - RFC 822/1123: `[Weekday,] 21 Jul 2012 [10:00[:00]] [am|pm] [zone] [(comment)]`. Only the
///   first three letters of the weekday and month count, so long or misspelled names work.
///   Day and month may be swapped (`Jul 21 2012`). Two-digit years 90-99 are 19xx and 00-89
///   are 20xx. A missing time is midnight, and a missing or unknown zone is UTC.
/// - Zones: `+0700`, `+07:00`, `+07`, `GMT+7`, `GMT-05:00`, `Etc/GMT-7` (POSIX sign: UTC+7),
///   UT, UTC, GMT, Z, AT/ADT/AST, ET/EST/EDT, CT/CST/CDT, MT/MST/MDT, PT/PST/PDT, MET/MEST,
///   CET/CEST, WIB (+7), WITA (+8), WIT (+9), and military A (-1), N (+1), M (-12), Y (+12),
///   which keep RFC 822's reversed signs as feedparser does. Other names count as UTC.
/// - asctime `Sun Jan  4 16:29:06 [PST] 2004` and Perforce `Fri, 2006/09/15 08:19:53 EDT`.
/// - ISO 8601, RFC 3339, W3C-DTF: `2026-08-28T10:00:00[.123][Z|+07:00|+0700|-07]`, with `T`
///   or spaces between date and time, with or without minutes and seconds. Also `2026-08-28`,
///   `2003-12`, `2003`, compact `20260828[T100000Z]`, two-digit years `030828` and `03-08-28`
///   (20xx), ordinals `2003-335` and `2003335`, and weeks `2003-W01-1` and `2003W011`.
/// - Month and day names in English, Indonesian (`Senin, 28 Agustus 2026 pukul 10:00 WIB`),
///   Greek (`Κυρ, 11 Ιούλ 2004 12:00:00 EST`) and Hungarian (`2004-július-13T9:15-05:00`).
///   Korean dates `2004년 05월 28일 01:31:15` and `2004-05-25 오후 11:23:17` are +09:00.
///
/// Out-of-range fields (month 13, 31 June, hour 24, minute 60) give nil. Fractional
/// seconds are dropped.
enum DateParser {
  /// Parses a feed date; nil when unparseable (never "now").
  static func parse(_ text: String) -> Date? {
    var text = text
    let seconds: Int? = text.withUTF8 { bytes in
      var start = 0
      var end = bytes.count
      while start < end, isSpace(bytes[start]) { start += 1 }
      while end > start, isSpace(bytes[end - 1]) { end -= 1 }
      guard start < end else { return nil }
      if isDigit(bytes[start]), let value = parseISO(bytes, start, end) { return value }
      return parseWords(bytes, start, end)
    }
    return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
  }

  private typealias Bytes = UnsafeBufferPointer<UInt8>

  /// Broken-down fields, validated and converted once at the end.
  private struct Stamp {
    var year = 0, month = 1, day = 1
    var ordinal: Int?  // day of the year, instead of month and day
    var week: Int?  // ISO week (with `weekday`, 1 = Monday), instead of month and day
    var weekday = 1
    var hour = 0, minute = 0, second = 0
    var offset = 0  // seconds east of UTC
    var meridiem: Int?  // 0 for am, 12 for pm

    /// Seconds since 1970 in UTC, or nil when a field is out of range.
    func epochSeconds() -> Int? {
      var hour = hour
      if let meridiem {
        guard (1...12).contains(hour) else { return nil }
        hour = hour % 12 + meridiem
      }
      guard (1...9999).contains(year), (0...23).contains(hour), (0...59).contains(minute),
        (0...59).contains(second)
      else { return nil }
      let leap = CivilDate.isLeapYear(year)
      let days: Int
      if let week {
        guard (1...53).contains(week), (1...7).contains(weekday) else { return nil }
        let january4 = DateParser.daysFromCivil(year, 1, 4)
        let mondayBased = ((january4 + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        days = january4 - mondayBased + (week - 1) * 7 + weekday - 1
      } else if let ordinal {
        guard (1...(leap ? 366 : 365)).contains(ordinal) else { return nil }
        days = DateParser.daysFromCivil(year, 1, 1) + ordinal - 1
      } else {
        guard (1...12).contains(month) else { return nil }
        let length = CivilDate.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else { return nil }
        days = DateParser.daysFromCivil(year, month, day)
      }
      return days * 86_400 + hour * 3_600 + minute * 60 + second - offset
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (see `CivilDate`).
  @inline(__always)
  private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    CivilDate.daysSinceEpoch(year: year, month: month, day: day)
  }

  // MARK: - ISO 8601 and W3C-DTF

  private static func parseISO(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
    var s = Stamp()
    var i = start
    var hasMonth = true
    var korean = false
    switch digitRun(b, i, end) {
    case 4:
      s.year = number(b, i, 4)
      i += 4
      if skip(b, &i, end, "-") {
        if i < end, b[i] | 0x20 == UInt8(ascii: "w") {
          guard parseWeek(b, &i, end, &s, dashed: true) else { return nil }
        } else if digitRun(b, i, end) == 3 {
          s.ordinal = read(b, &i, end, 3...3)
        } else if let month = read(b, &i, end, 1...2) ?? hungarianMonth(b, &i, end) {
          s.month = month
          if skip(b, &i, end, "-") {
            guard let day = read(b, &i, end, 1...2) else { return nil }
            s.day = day
          }
        } else {
          return nil
        }
      } else if i < end, b[i] | 0x20 == UInt8(ascii: "w") {
        guard parseWeek(b, &i, end, &s, dashed: false) else { return nil }
      } else if hasPrefix(b, i, end, koreanYear) {  // 2004년 05월 28일
        i += 3
        guard let month = koreanPart(b, &i, end, koreanMonth),
          let day = koreanPart(b, &i, end, koreanDay)
        else { return nil }
        (s.month, s.day, korean) = (month, day, true)
      } else {
        hasMonth = false
      }
    case 8:
      (s.year, s.month, s.day) = (number(b, i, 4), number(b, i + 4, 2), number(b, i + 6, 2))
      i += 8
    case 7:
      (s.year, s.ordinal) = (number(b, i, 4), number(b, i + 4, 3))
      i += 7
    case 6:
      (s.year, s.month, s.day) = (2000 + number(b, i, 2), number(b, i + 2, 2), number(b, i + 4, 2))
      i += 6
    case 2:  // 03-12-31
      guard let year = read(b, &i, end, 2...2), skip(b, &i, end, "-"),
        let month = read(b, &i, end, 2...2), skip(b, &i, end, "-"),
        let day = read(b, &i, end, 2...2)
      else { return nil }
      (s.year, s.month, s.day) = (2000 + year, month, day)
    default:
      return nil
    }

    guard i < end else { return s.epochSeconds() }
    if b[i] | 0x20 == UInt8(ascii: "t") {
      i += 1
      guard parseTime(b, &i, end, &s) else { return nil }
    } else if isSpace(b[i]) {
      skipSpaces(b, &i, end)
      if hasPrefix(b, i, end, koreanAM) || hasPrefix(b, i, end, koreanPM) {  // 2004-05-25 오후 11:23:17
        s.meridiem = hasPrefix(b, i, end, koreanPM) ? 12 : 0
        korean = true
        i += 6
        skipSpaces(b, &i, end)
      }
      guard i < end, isDigit(b[i]) else {
        // A date followed by words is the date alone; a bare year followed by words is not a date.
        return hasMonth && !korean ? s.epochSeconds() : nil
      }
      guard parseTime(b, &i, end, &s) else { return nil }
    } else if b[i] | 0x20 != UInt8(ascii: "z") {
      return nil
    }
    if korean {
      s.offset = 9 * 3_600
      return s.epochSeconds()
    }
    skipSpaces(b, &i, end)
    if i < end, s.meridiem == nil, let meridiem = meridiemWord(b, i..<wordEnd(b, i, end)) {
      s.meridiem = meridiem
      i = wordEnd(b, i, end)
      skipSpaces(b, &i, end)
    }
    if i < end {
      guard let offset = zoneOffset(b, i..<wordEnd(b, i, end)) else { return nil }
      s.offset = offset
    }
    return s.epochSeconds()
  }

  /// `W01`, `W01-1` (dashed) or `W011` after the year.
  private static func parseWeek(
    _ b: Bytes, _ i: inout Int, _ end: Int, _ s: inout Stamp, dashed: Bool
  ) -> Bool {
    i += 1
    let run = digitRun(b, i, end)
    guard run == 2 || (run == 3 && !dashed) else { return false }
    s.week = number(b, i, 2)
    if run == 3 { s.weekday = number(b, i + 2, 1) }
    i += run
    if dashed, skip(b, &i, end, "-") {
      guard let weekday = read(b, &i, end, 1...1) else { return false }
      s.weekday = weekday
    }
    return true
  }

  /// Spaces, two digits, then a Korean unit suffix (월 or 일).
  private static func koreanPart(_ b: Bytes, _ i: inout Int, _ end: Int, _ unit: [UInt8]) -> Int? {
    skipSpaces(b, &i, end)
    guard digitRun(b, i, end) == 2, hasPrefix(b, i + 2, end, unit) else { return nil }
    defer { i += 2 + unit.count }
    return number(b, i, 2)
  }

  /// `hh[:mm[:ss]][.fff]` or compact `hhmm[ss]`; the minutes and seconds may be one digit.
  private static func parseTime(_ b: Bytes, _ i: inout Int, _ end: Int, _ s: inout Stamp) -> Bool {
    let run = digitRun(b, i, end)
    if run == 4 || run == 6 {
      s.hour = number(b, i, 2)
      s.minute = number(b, i + 2, 2)
      if run == 6 { s.second = number(b, i + 4, 2) }
      i += run
    } else {
      guard let hour = read(b, &i, end, 1...2) else { return false }
      s.hour = hour
      if skip(b, &i, end, ":") {
        guard let minute = read(b, &i, end, 1...2) else { return false }
        s.minute = minute
        if skip(b, &i, end, ":") {
          guard let second = read(b, &i, end, 1...2) else { return false }
          s.second = second
        }
      }
    }
    if i + 1 < end, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(b[i + 1]) {
      i += 1 + digitRun(b, i + 1, end)
    }
    return true
  }

  // MARK: - RFC 822, asctime, Perforce

  private static func parseWords(_ b: Bytes, _ start: Int, _ end: Int) -> Int? {
    var words: [Range<Int>] = []
    words.reserveCapacity(8)
    var i = start
    while i < end {
      let wordStart = i
      while i < end, separatorWidth(b, i, end) == 0 { i += 1 }
      if i > wordStart, !isFiller(b, wordStart..<i) { words.append(wordStart..<i) }
      if i < end { i += separatorWidth(b, i, end) }
    }
    var rest = words[...]
    guard let first = rest.first else { return nil }
    if isWeekday(b, first) { rest = rest.dropFirst() }
    guard let a = rest.popFirst(), let c = rest.first else { return nil }
    var s = Stamp()
    if b[a].contains(UInt8(ascii: "/")) {  // Perforce: 2006/09/15 08:19:53 EDT
      var j = a.lowerBound
      guard let year = read(b, &j, a.upperBound, 1...4), skip(b, &j, a.upperBound, "/"),
        let month = read(b, &j, a.upperBound, 1...2), skip(b, &j, a.upperBound, "/"),
        let day = read(b, &j, a.upperBound, 1...2), j == a.upperBound,
        let time = rest.popFirst(), parseWholeTime(b, time, &s)
      else { return nil }
      (s.year, s.month, s.day) = (year, month, day)
    } else {
      rest = rest.dropFirst()
      if let day = wholeNumber(b, a), let month = monthNumber(b, c) {
        (s.day, s.month) = (day, month)
      } else if let month = monthNumber(b, a), let day = wholeNumber(b, c) {
        (s.day, s.month) = (day, month)
      } else {
        return nil
      }
      guard let next = rest.popFirst() else { return nil }
      if b[next].contains(UInt8(ascii: ":")) {  // asctime: Jan  4 16:29:06 [zone] 2004
        guard parseWholeTime(b, next, &s), let yearWord = rest.popFirst() else { return nil }
        if let year = parseYear(b, yearWord) {
          s.year = year
        } else {
          guard let year = rest.popFirst().flatMap({ parseYear(b, $0) }) else { return nil }
          s.year = year
          rest = [yearWord][...]
        }
      } else {
        guard let year = parseYear(b, next) else { return nil }
        s.year = year
        if let time = rest.popFirst(), !parseWholeTime(b, time, &s) { return nil }
      }
    }
    if s.meridiem == nil, let word = rest.first, let meridiem = meridiemWord(b, word) {
      s.meridiem = meridiem
      rest = rest.dropFirst()
    }
    if let zone = rest.first {
      guard let offset = zoneOffset(b, zone) else { return nil }
      s.offset = offset
    }
    return s.epochSeconds()
  }

  /// A time filling a whole word, optionally glued to `am`/`pm` (`8:56am`).
  private static func parseWholeTime(_ b: Bytes, _ word: Range<Int>, _ s: inout Stamp) -> Bool {
    var i = word.lowerBound
    guard parseTime(b, &i, word.upperBound, &s) else { return false }
    if i == word.upperBound { return true }
    s.meridiem = meridiemWord(b, i..<word.upperBound)
    return s.meridiem != nil
  }

  /// Four digits, or one or two digits with feedparser's rule: 90-99 → 19xx, 00-89 → 20xx.
  private static func parseYear(_ b: Bytes, _ word: Range<Int>) -> Int? {
    guard let value = wholeNumber(b, word, maxDigits: 4) else { return nil }
    return word.count > 2 ? value : value + (value < 90 ? 2000 : 1900)
  }

  /// Words skipped between the parts: `Senin, 28 Agustus 2026 - 10:00`, `pukul 10:00` ("at").
  private static func isFiller(_ b: Bytes, _ word: Range<Int>) -> Bool {
    switch word.count {
    case 1:
      return b[word.lowerBound] == UInt8(ascii: "-") || b[word.lowerBound] == UInt8(ascii: "|")
    case 5: return lowercased(b, word) == "pukul"
    default: return false
    }
  }

  private static func isWeekday(_ b: Bytes, _ word: Range<Int>) -> Bool {
    if b[word.lowerBound] >= 0x80 { return greekWeekdays.contains(text(b, word)) }
    return weekdayPrefixes.contains(prefix3(b, word))
  }

  private static func monthNumber(_ b: Bytes, _ word: Range<Int>) -> Int? {
    if b[word.lowerBound] >= 0x80 { return greekMonths[text(b, word)] }
    return monthPrefixes[prefix3(b, word)]
  }

  /// A Hungarian month name running up to the next `-`; advances `i` past it.
  private static func hungarianMonth(_ b: Bytes, _ i: inout Int, _ end: Int) -> Int? {
    var j = i
    while j < end, b[j] != UInt8(ascii: "-") { j += 1 }
    guard let month = hungarianMonths[text(b, i..<j)] else { return nil }
    i = j
    return month
  }

  // MARK: - Zones

  /// `am`, `pm`, `a.m.`, `p.m.` → 0 or 12.
  private static func meridiemWord(_ b: Bytes, _ word: Range<Int>) -> Int? {
    switch lowercased(b, word) {
    case "am", "a.m.": return 0
    case "pm", "p.m.": return 12
    default: return nil
    }
  }

  /// Seconds east of UTC for a zone word; unknown names are UTC, malformed offsets nil.
  private static func zoneOffset(_ b: Bytes, _ word: Range<Int>) -> Int? {
    var i = word.lowerBound
    let end = word.upperBound
    var sign = 1
    if end - i >= 4, lowercased(b, i..<i + 4) == "etc/" {
      i += 4
      sign = -1  // tz database names are POSIX-style: Etc/GMT+7 is UTC-7
    }
    guard i < end else { return 0 }
    if case let prefix = prefix3(b, i..<end), prefix == "gmt" || prefix == "utc" {
      guard i + 3 < end, b[i + 3] == UInt8(ascii: "+") || b[i + 3] == UInt8(ascii: "-") else {
        return 0
      }
      i += 3
    } else {
      sign = 1
    }
    if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
      if b[i] == UInt8(ascii: "-") { sign = -sign }
      i += 1
      var hours: Int
      var minutes = 0
      let run = digitRun(b, i, end)
      if run == 3 || run == 4 {  // +0700, +700
        (hours, minutes) = (number(b, i, run - 2), number(b, i + run - 2, 2))
      } else {
        guard let value = read(b, &i, end, 1...2) else { return nil }
        hours = value
        if skip(b, &i, end, ":") {
          guard let value = read(b, &i, end, 2...2) else { return nil }
          minutes = value
        }
      }
      guard hours < 24, minutes < 60 else { return nil }
      return (hours * 3_600 + minutes * 60) * sign
    }
    return (zoneHours[lowercased(b, i..<end)] ?? 0) * 3_600
  }

  // MARK: - Tables

  private static let zoneHours: [String: Int] = [
    "ut": 0, "utc": 0, "gmt": 0, "z": 0,
    "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5,
    "cdt": -5, "cst": -6, "ct": -6, "mdt": -6, "mst": -7, "mt": -7,
    "pdt": -7, "pst": -8, "pt": -8,
    "a": -1, "n": 1, "m": -12, "y": 12,  // RFC 822's military letters, signs as feedparser has them
    "met": 1, "mest": 2, "cet": 1, "cest": 2,
    "wib": 7, "wita": 8, "wit": 9,
  ]

  private static let monthPrefixes: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "mei": 5, "agu": 8, "agt": 8, "okt": 10, "des": 12,  // Indonesian
  ]

  /// English, then Indonesian (Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu, Ahad).
  private static let weekdayPrefixes: Set<String> = [
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "sen", "sel", "rab", "kam", "jum", "sab", "min", "aha",
  ]

  private static let greekMonths: [String: Int] = [
    "Ιαν": 1, "Φεβ": 2, "Μάώ": 3, "Μαώ": 3, "Απρ": 4, "Μάι": 5, "Μαϊ": 5, "Μαι": 5,
    "Ιούν": 6, "Ιον": 6, "Ιούλ": 7, "Ιολ": 7, "Αύγ": 8, "Αυγ": 8, "Σεπ": 9, "Οκτ": 10,
    "Νοέ": 11, "Νοε": 11, "Δεκ": 12,
  ]

  private static let greekWeekdays: Set<String> = ["Κυρ", "Δευ", "Τρι", "Τετ", "Πεμ", "Παρ", "Σαβ"]

  /// Includes feedparser's spellings `februári` and `máujus` besides the correct ones.
  private static let hungarianMonths: [String: Int] = [
    "január": 1, "február": 2, "februári": 2, "március": 3, "április": 4, "május": 5,
    "máujus": 5, "június": 6, "július": 7, "augusztus": 8, "szeptember": 9, "október": 10,
    "november": 11, "december": 12,
  ]

  private static let koreanYear: [UInt8] = [0xEB, 0x85, 0x84]  // 년
  private static let koreanMonth: [UInt8] = [0xEC, 0x9B, 0x94]  // 월
  private static let koreanDay: [UInt8] = [0xEC, 0x9D, 0xBC]  // 일
  private static let koreanAM: [UInt8] = [0xEC, 0x98, 0xA4, 0xEC, 0xA0, 0x84]  // 오전
  private static let koreanPM: [UInt8] = [0xEC, 0x98, 0xA4, 0xED, 0x9B, 0x84]  // 오후

  // MARK: - Bytes

  private static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

  private static func isSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
  }

  /// Width of the word separator at i (space, comma, no-break space), or 0.
  private static func separatorWidth(_ b: Bytes, _ i: Int, _ end: Int) -> Int {
    if isSpace(b[i]) || b[i] == UInt8(ascii: ",") { return 1 }
    return b[i] == 0xC2 && i + 1 < end && b[i + 1] == 0xA0 ? 2 : 0
  }

  private static func skipSpaces(_ b: Bytes, _ i: inout Int, _ end: Int) {
    while i < end, isSpace(b[i]) { i += 1 }
  }

  private static func wordEnd(_ b: Bytes, _ i: Int, _ end: Int) -> Int {
    var j = i
    while j < end, !isSpace(b[j]) { j += 1 }
    return j
  }

  private static func digitRun(_ b: Bytes, _ i: Int, _ end: Int) -> Int {
    var j = i
    while j < end, isDigit(b[j]) { j += 1 }
    return j - min(i, j)
  }

  private static func number(_ b: Bytes, _ i: Int, _ count: Int) -> Int {
    var value = 0
    for j in i..<i + count { value = value * 10 + Int(b[j] - UInt8(ascii: "0")) }
    return value
  }

  /// The word as a number when it is all digits (at most `maxDigits`).
  private static func wholeNumber(_ b: Bytes, _ word: Range<Int>, maxDigits: Int = 2) -> Int? {
    guard word.count <= maxDigits, digitRun(b, word.lowerBound, word.upperBound) == word.count
    else { return nil }
    return number(b, word.lowerBound, word.count)
  }

  private static func hasPrefix(_ b: Bytes, _ i: Int, _ end: Int, _ prefix: [UInt8]) -> Bool {
    guard end - i >= prefix.count else { return false }
    return prefix.indices.allSatisfy { b[i + $0] == prefix[$0] }
  }

  /// Reads a run of digits whose length is in `n`, advancing `i`.
  private static func read(_ b: Bytes, _ i: inout Int, _ end: Int, _ n: ClosedRange<Int>) -> Int? {
    let run = digitRun(b, i, end)
    guard n.contains(run) else { return nil }
    defer { i += run }
    return number(b, i, run)
  }

  /// Steps over `c` when it comes next.
  private static func skip(_ b: Bytes, _ i: inout Int, _ end: Int, _ c: Unicode.Scalar) -> Bool {
    guard i < end, b[i] == UInt8(ascii: c) else { return false }
    i += 1
    return true
  }

  private static func lower(_ c: UInt8) -> UInt8 { c &- UInt8(ascii: "A") < 26 ? c | 0x20 : c }

  private static func text(_ b: Bytes, _ word: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[word]), as: UTF8.self)
  }

  /// The word with ASCII letters lowercased (short words stay small strings, no allocation).
  private static func lowercased(_ b: Bytes, _ word: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: word.count) { out in
      for (k, j) in word.enumerated() { out[k] = lower(b[j]) }
      return word.count
    }
  }

  private static func prefix3(_ b: Bytes, _ word: Range<Int>) -> String {
    word.count < 3 ? "" : lowercased(b, word.lowerBound..<word.lowerBound + 3)
  }
}
