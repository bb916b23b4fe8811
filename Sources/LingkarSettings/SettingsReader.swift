import Foundation
import LingkarModel
import Yams

/// Walks the YAML tree of a settings file into `Settings`, collecting a problem (with its line) for
/// every bad or unknown value instead of stopping at the first.
struct SettingsReader {
  let file: String
  private(set) var errors: [SettingsError] = []

  init(file: String) {
    self.file = file
  }

  private mutating func fail(
    _ node: Node?, _ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]
  ) {
    errors.append(
      SettingsError(file: file, line: node?.mark?.line ?? 0, problem: Message("errors.settings." + key, arguments)))
  }

  // MARK: - Sections

  mutating func settings(_ root: Node?) -> Settings {
    var settings = Settings()
    guard let root else { return settings }  // An empty file: the defaults.
    guard let fields = mapping(root, file, keys: Self.topKeys) else { return settings }
    settings.schoolName = text(fields["school"], "school")
    if let node = fields["language"], let value = text(node, "language") {
      settings.language = DigestLanguage(rawValue: value.lowercased())
      if settings.language == nil { fail(node, "language", ["given": .text(value)]) }
    }
    if let node = fields["utc_offset"], let value = text(node, "utc_offset") {
      if let offset = Self.utcOffset(value) {
        settings.utcOffset = offset
        settings.hasUTCOffset = true
      } else {
        fail(node, "utc-offset", ["given": .text(value)])
      }
    }
    if let node = fields["lookback_days"] { settings.lookbackDays = integer(node, "lookback_days", in: 1...3660) }
    settings.facilitator = text(fields["facilitator"], "facilitator")
    if let node = fields["meeting"] { settings.meeting = meeting(node) }
    if let node = fields["book_club"] { settings.bookClub = bookClub(node) }
    if let node = fields["mail"] { settings.mail = mail(node) }
    return settings
  }

  static let topKeys = [
    "school", "language", "utc_offset", "lookback_days", "facilitator", "meeting", "book_club", "mail",
  ]
  static let meetingKeys = ["weekday", "every_weeks", "first", "time", "place"]
  static let bookKeys = ["title", "author", "chapters"]
  static let chapterKeys = ["number", "title", "keywords", "date", "leads"]
  static let mailKeys = [
    "send", "url", "from", "to", "tls", "user", "user_env", "password_file", "password_env", "timeout_seconds",
    "admin",
  ]

  private mutating func meeting(_ node: Node) -> MeetingSchedule? {
    guard let fields = mapping(node, "meeting", keys: Self.meetingKeys) else { return nil }
    var weekday: Weekday?
    if let node = fields["weekday"], let value = text(node, "meeting.weekday") {
      weekday = Weekday(name: value)
      if weekday == nil {
        fail(node, "weekday", ["given": .text(value)])
      }
    } else if fields["weekday"] == nil {
      fail(node, "weekday-missing")
    }
    var interval = 2
    if let node = fields["every_weeks"] {
      interval = integer(node, "meeting.every_weeks", in: 1...8) ?? 2
    }
    var anchor: CalendarDay?
    if let node = fields["first"] {
      anchor = day(node, "meeting.first")
      if let day = anchor, let weekday, day.weekday != weekday {
        fail(
          node, "first-weekday",
          [
            "day": .text("\(day)"), "actual": .message(Message("errors.weekday." + day.weekday.rawValue)),
            "wanted": .message(Message("errors.weekday." + weekday.rawValue)),
          ])
        anchor = nil
      }
    } else if interval > 1 {
      fail(node, "first-missing", ["interval": .number(interval)])
    }
    guard let weekday, anchor != nil || interval == 1 else { return nil }
    let start = anchor ?? Self.firstDay(on: weekday)
    return MeetingSchedule(
      weekday: weekday, intervalWeeks: interval, anchor: start, time: text(fields["time"], "meeting.time"),
      place: text(fields["place"], "meeting.place"))
  }

  private mutating func bookClub(_ node: Node) -> BookClub? {
    guard let fields = mapping(node, "book_club", keys: Self.bookKeys) else { return nil }
    let title = text(fields["title"], "book_club.title")
    if title == nil && fields["title"] == nil { fail(node, "book-title") }
    var chapters: [BookChapter] = []
    if let list = fields["chapters"] {
      guard let items = list.sequence else {
        fail(list, "chapters-list")
        return nil
      }
      var seen: [Int: Int] = [:]
      for item in items {
        guard let chapter = chapter(item) else { continue }
        if let line = seen[chapter.number] {
          fail(item, "chapter-twice", ["number": .number(chapter.number), "lineNumber": .number(line)])
        }
        seen[chapter.number] = item.mark?.line ?? 0
        chapters.append(chapter)
      }
    }
    guard let title else { return nil }
    return BookClub(title: title, author: text(fields["author"], "book_club.author"), chapters: chapters)
  }

  private mutating func chapter(_ node: Node) -> BookChapter? {
    guard let fields = mapping(node, "book_club.chapters", keys: Self.chapterKeys) else { return nil }
    let number = fields["number"].flatMap { integer($0, "chapters.number", in: 1...999) }
    let title = text(fields["title"], "chapters.title")
    let date = fields["date"].flatMap { day($0, "chapters.date") }
    for (key, value) in [("number", number as Any?), ("title", title), ("date", date)]
    where value == nil && fields[key] == nil {
      fail(node, "chapter-key", ["key": .text(key)])
    }
    var keywords: [ChapterKeyword] = []
    if let node = fields["keywords"] { keywords = self.keywords(node) }
    guard let number, let title, let date else { return nil }
    return BookChapter(
      number: number, title: title, keywords: keywords, date: date, leader: text(fields["leads"], "chapters.leads"))
  }

  /// `[asesmen formatif, umpan balik=2]` or `"asesmen formatif; umpan balik=2"`.
  private mutating func keywords(_ node: Node) -> [ChapterKeyword] {
    var parts: [(Node, String)] = []
    if let items = node.sequence {
      for item in items {
        if let value = text(item, "a chapter keyword") { parts.append((item, value)) }
      }
    } else if let value = text(node, "chapters.keywords") {
      parts = value.split(separator: ";").map { (node, String($0)) }
    }
    var result: [ChapterKeyword] = []
    for (node, part) in parts {
      var phrase = part.trimmingCharacters(in: .whitespaces)
      var weight = 1
      if let equals = phrase.lastIndex(of: "=") {
        let number = phrase[phrase.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let value = Int(number), (1...5).contains(value) else {
          fail(node, "keyword-weight", ["given": .text(part.trimmingCharacters(in: .whitespaces))])
          continue
        }
        weight = value
        phrase = phrase[..<equals].trimmingCharacters(in: .whitespaces)
      }
      if phrase.isEmpty { continue }
      result.append(ChapterKeyword(text: phrase, weight: weight))
    }
    return result
  }

  private mutating func mail(_ node: Node) -> MailSettings? {
    guard let fields = mapping(node, "mail", keys: Self.mailKeys) else { return nil }
    var url: String?
    if let node = fields["url"], let value = text(node, "mail.url") {
      let lowered = value.lowercased()
      if !(lowered.hasPrefix("smtp://") || lowered.hasPrefix("smtps://")) || value.count < 9
        || value.contains(where: { $0.isWhitespace })
      {
        fail(node, "mail-url", ["given": .text(value)])
      } else if value.contains("@") {
        fail(node, "mail-url-user")
      } else {
        url = value
      }
    } else if fields["url"] == nil {
      fail(node, "mail-url-missing")
    }
    var from: MailAddress?
    if let node = fields["from"], let value = text(node, "mail.from") {
      from = MailAddress(parsing: value)
      if from == nil {
        fail(node, "mail-from", ["given": .text(value)])
      }
    } else if fields["from"] == nil {
      fail(node, "mail-from-missing")
    }
    var to: [MailAddress] = []
    if let node = fields["to"] {
      let entries = node.sequence.map { Array($0) } ?? [node]
      for entry in entries {
        guard let value = text(entry, "mail.to") else { continue }
        if let address = MailAddress(parsing: value) {
          to.append(address)
        } else {
          fail(entry, "mail-to", ["given": .text(value)])
        }
      }
      if entries.isEmpty { fail(node, "mail-to-empty") }
    } else {
      fail(node, "mail-to-missing")
    }
    var tls = MailSettings.TLS.try
    if let node = fields["tls"], let value = text(node, "mail.tls") {
      if let parsed = MailSettings.TLS(rawValue: value.lowercased()) {
        tls = parsed
      } else {
        fail(node, "mail-tls", ["given": .text(value)])
      }
    }
    let send = fields["send"].flatMap { boolean($0, "mail.send") } ?? false
    let userEnv = fields["user_env"].flatMap { environmentName($0, "mail.user_env") }
    let passwordEnv = fields["password_env"].flatMap { environmentName($0, "mail.password_env") }
    let passwordFile = text(fields["password_file"], "mail.password_file")
    if passwordFile != nil && passwordEnv != nil, let node = fields["password_env"] {
      fail(node, "mail-password-both")
    }
    let timeout = fields["timeout_seconds"].flatMap { integer($0, "mail.timeout_seconds", in: 5...600) } ?? 60
    var admin: MailAddress?
    if let node = fields["admin"], let value = text(node, "mail.admin") {
      admin = MailAddress(parsing: value)
      if admin == nil {
        fail(node, "mail.admin must be an address like 'Fasilitator <fasilitator@example.sch.id>', not '\(value)'")
      }
    }
    guard let url, let from, !to.isEmpty else { return nil }
    var settings = MailSettings(
      url: url, from: from, to: to, tls: tls, send: send, user: text(fields["user"], "mail.user"),
      userEnvironment: userEnv, passwordFile: passwordFile, passwordEnvironment: passwordEnv, timeoutSeconds: timeout)
    settings.admin = admin
    return settings
  }

  // MARK: - Values

  /// The mapping's values by key; unknown keys and non-string keys are reported.
  private mutating func mapping(_ node: Node, _ what: String, keys: [String]) -> [String: Node]? {
    guard let mapping = node.mapping else {
      fail(node, "mapping", ["setting": .text(what)])
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        fail(key, "key-word", ["setting": .text(what)])
        continue
      }
      guard keys.contains(name) else {
        fail(
          key, "unknown", ["name": .text(name), "setting": .text(what), "known": .text(keys.joined(separator: ", "))])
        continue
      }
      result[name] = value
    }
    return result
  }

  /// A non-empty single value, trimmed; nil (and a problem) for a list or a mapping.
  private mutating func text(_ node: Node?, _ what: String) -> String? {
    guard let node else { return nil }
    guard let scalar = node.scalar else {
      fail(node, "single", ["setting": .text(what)])
      return nil
    }
    let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    if value.isEmpty || (scalar.style == .plain && ["~", "null"].contains(value.lowercased())) { return nil }
    return value
  }

  private mutating func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = text(node, what) else { return nil }
    guard let number = Int(value), range.contains(number) else {
      fail(
        node, "number",
        [
          "setting": .text(what), "low": .number(range.lowerBound), "high": .number(range.upperBound),
          "given": .text(value),
        ])
      return nil
    }
    return number
  }

  private mutating func boolean(_ node: Node, _ what: String) -> Bool? {
    guard let value = text(node, what) else { return nil }
    switch value.lowercased() {
    case "true", "yes", "ya", "on": return true
    case "false", "no", "tidak", "off": return false
    default:
      fail(node, "boolean", ["setting": .text(what), "given": .text(value)])
      return nil
    }
  }

  private mutating func day(_ node: Node, _ what: String) -> CalendarDay? {
    guard let value = text(node, what) else { return nil }
    guard let day = CalendarDay(value) else {
      fail(node, "date", ["setting": .text(what), "given": .text(value)])
      return nil
    }
    return day
  }

  private mutating func environmentName(_ node: Node, _ what: String) -> String? {
    guard let value = text(node, what) else { return nil }
    let valid = value.unicodeScalars.allSatisfy {
      ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
    guard valid, !(value.first?.isNumber ?? true) else {
      fail(node, "environment", ["setting": .text(what), "given": .text(value)])
      return nil
    }
    return value
  }

  /// `+07:00`, `+7`, `-03:30`, `UTC+7`, `WIB`, `WITA`, `WIT` → seconds east of UTC.
  static func utcOffset(_ text: String) -> Int? {
    var value = text.uppercased().replacingOccurrences(of: " ", with: "")
    switch value {
    case "WIB": return 7 * 3600
    case "WITA": return 8 * 3600
    case "WIT": return 9 * 3600
    case "UTC", "Z", "+00:00", "0": return 0
    default: break
    }
    if value.hasPrefix("UTC") { value.removeFirst(3) }
    guard let sign = value.first, sign == "+" || sign == "-" else { return nil }
    let parts = value.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let hours = Int(parts[0]), (0...14).contains(hours) else { return nil }
    var minutes = 0
    if parts.count == 2 {
      guard parts[1].count == 2, let value = Int(parts[1]), [0, 15, 30, 45].contains(value) else { return nil }
      minutes = value
    }
    let seconds = hours * 3600 + minutes * 60
    return sign == "-" ? -seconds : seconds
  }

  /// Some day on `weekday`, for a weekly schedule without a first meeting.
  static func firstDay(on weekday: Weekday) -> CalendarDay {
    var day = CalendarDay(daysSinceEpoch: 0)
    while day.weekday != weekday { day = day.adding(days: 1) }
    return day
  }
}
