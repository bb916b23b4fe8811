import Foundation
public import LingkarModel
import LingkarRank
import LingkarSettings

/// What `lingkar init` is told (by flags or by answers): the school's first settings.
public struct InitOptions: Sendable {
  /// The folder to set up (created when missing).
  public var directory: String
  public var school: String
  /// The language of Lingkar's words, and of the comments in the new `lingkar.yaml`.
  public var language: DigestLanguage
  /// The meeting day; nil writes the meeting part as a comment to fill in later.
  public var weekday: Weekday?
  /// Weeks between meetings, 1 to 8.
  public var everyWeeks: Int
  /// The facilitator's name.
  public var facilitator: String?
  /// The facilitator's e-mail: the digest goes there once a mail server is named.
  public var email: String?
  /// `smtp://host:587` or `smtps://host:465`; with `email`, the mail part is written switched on.
  public var mailServer: String?
  /// `utc_offset` as written (`WIB`, `+07:00`).
  public var zone: String
  /// Today in the school's calendar: the first meeting is counted from it.
  public var today: CalendarDay

  public init(
    directory: String, school: String, language: DigestLanguage, weekday: Weekday? = nil, everyWeeks: Int = 2,
    facilitator: String? = nil, email: String? = nil, mailServer: String? = nil, zone: String = "WIB",
    today: CalendarDay
  ) {
    self.directory = directory
    self.school = school
    self.language = language
    self.weekday = weekday
    self.everyWeeks = everyWeeks
    self.facilitator = facilitator
    self.email = email
    self.mailServer = mailServer
    self.zone = zone
    self.today = today
  }
}

/// `lingkar init [DIR]`: writes a school's `lingkar.yaml` (commented in its language), `feeds.txt`
/// (the starter feeds) and `topics.txt` (the built-in topics, to edit). It never overwrites: when
/// any of the three exists, nothing is written and the failure names what is there.
public struct InitRun: Sendable {
  public static let settingsName = "lingkar.yaml"
  public static let feedsName = "feeds.txt"
  public static let topicsName = "topics.txt"

  /// The starter feeds, embedded in the binary so `init` works wherever the binary is.
  public static let starterFeeds = String(decoding: PackageResources.starter_feeds_txt, as: UTF8.self)

  public var options: InitOptions

  public init(options: InitOptions) {
    self.options = options
  }

  /// Checks what was given before anything is written: the values `lingkar.yaml` would refuse.
  public static func validate(_ options: InitOptions) throws(LingkarFailure) {
    if options.school.trimmingCharacters(in: .whitespaces).isEmpty {
      throw LingkarFailure(Message("setup.init.error.no_school"), kind: .badUsage)
    }
    if !(1...8).contains(options.everyWeeks) {
      throw LingkarFailure(
        Message("setup.init.error.every_weeks", ["given": .number(options.everyWeeks)]), kind: .badUsage)
    }
    if SettingsFile.utcOffset(options.zone) == nil {
      throw LingkarFailure(Message("setup.init.error.zone", ["given": .text(options.zone)]), kind: .badUsage)
    }
    if let email = options.email, !MailAddress.isPlainAddress(email) {
      throw LingkarFailure(Message("setup.init.error.email", ["given": .text(email)]), kind: .badUsage)
    }
    if let server = options.mailServer, !(server.hasPrefix("smtp://") || server.hasPrefix("smtps://")) {
      throw LingkarFailure(Message("setup.init.error.mail_server", ["given": .text(server)]), kind: .badUsage)
    }
  }

  /// Writes the three files and returns their paths, in the order written.
  public func run() throws(LingkarFailure) -> [String] {
    try Self.validate(options)
    let manager = FileManager.default
    let folder = options.directory
    do {
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw LingkarFailure(Message("setup.init.error.folder", ["folder": .text(folder)]), cause: error)
    }
    let files = [
      (Self.settingsName, settingsText()), (Self.feedsName, Self.starterFeeds),
      (Self.topicsName, TopicsFile.defaultText),
    ]
    let present = files.map { folder + "/" + $0.0 }.filter { manager.fileExists(atPath: $0) }
    if !present.isEmpty {
      throw LingkarFailure(
        Message(
          "setup.init.error.exists", ["files": .text(present.joined(separator: ", ")), "count": .number(present.count)])
      )
    }
    var written: [String] = []
    for (name, text) in files {
      let path = folder + "/" + name
      // O_EXCL: a file that appeared since the check above is still never overwritten.
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw LingkarFailure(
          Message("setup.init.error.write", ["path": .text(path), "reason": .text(String(cString: strerror(errno)))]))
      }
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      do {
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
      } catch {
        throw LingkarFailure(
          Message("setup.init.error.write", ["path": .text(path), "reason": .text("\(error)")]), cause: error)
      }
      written.append(path)
    }
    return written
  }

  /// The first meeting: the next `weekday` from today (today itself when it is one).
  static func firstMeeting(on weekday: Weekday, from today: CalendarDay) -> CalendarDay {
    var day = today
    while day.weekday != weekday { day = day.adding(days: 1) }
    return day
  }

  /// `lingkar.yaml`, commented in the school's language; it reads back as `options` say (a test holds it).
  public func settingsText() -> String {
    let words = Catalogue.for(options.language)
    var lines: [String] = []
    func comment(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:], indent: String = "") {
      for line in words.text(key, arguments).split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(indent + "# " + line)
      }
    }
    func setting(_ text: String, _ key: String, indent: String = "") {
      comment(key, indent: indent)
      lines.append(indent + text)
    }
    comment("setup.init.yaml.header", ["school": .text(options.school), "day": .text(options.today.description)])
    lines.append("")
    setting("school: \(Self.quoted(options.school))", "setup.init.yaml.school")
    setting("language: \(options.language.rawValue)", "setup.init.yaml.language")
    setting("utc_offset: \(options.zone)", "setup.init.yaml.zone")
    if let facilitator = options.facilitator, !facilitator.isEmpty {
      setting("facilitator: \(Self.quoted(facilitator))", "setup.init.yaml.facilitator")
    }
    lines.append("")
    comment("setup.init.yaml.meeting")
    if let weekday = options.weekday {
      let name = options.language == .id ? weekday.indonesianName : weekday.rawValue
      lines.append("meeting:")
      setting("weekday: \(name)", "setup.init.yaml.weekday", indent: "  ")
      setting("every_weeks: \(options.everyWeeks)", "setup.init.yaml.every_weeks", indent: "  ")
      setting(
        "first: \(Self.firstMeeting(on: weekday, from: options.today))", "setup.init.yaml.first", indent: "  ")
      setting("# time: \"14.00\"", "setup.init.yaml.time", indent: "  ")
      setting(
        "# place: \(Self.quoted(words.text("setup.init.yaml.place_example")))", "setup.init.yaml.place", indent: "  ")
    } else {
      lines.append("# meeting:")
      lines.append("#   weekday: \(options.language == .id ? Weekday.thursday.indonesianName : "thursday")")
      lines.append("#   every_weeks: \(options.everyWeeks)")
      lines.append("#   first: \(Self.firstMeeting(on: .thursday, from: options.today))")
    }
    lines.append("")
    lines += mailLines(words)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The mail part: switched on when both the facilitator's e-mail and a server are known, else a
  /// comment to fill in.
  private func mailLines(_ words: Catalogue) -> [String] {
    var lines = words.text("setup.init.yaml.mail").split(separator: "\n").map { "# " + $0 }
    let email = options.email ?? "fasilitator@sekolah.sch.id"
    let server = options.mailServer ?? "smtp://mail.sekolah.sch.id:587"
    let on = options.email != nil && options.mailServer != nil
    let prefix = on ? "" : "# "
    lines.append(prefix + "mail:")
    lines.append(prefix + "  send: true                     # " + words.text("setup.init.yaml.mail_send"))
    lines.append(prefix + "  url: \(server)   # " + words.text("setup.init.yaml.mail_url"))
    lines.append(prefix + "  from: \(Self.quoted("Lingkar <\(email)>"))")
    lines.append(prefix + "  to:                            # " + words.text("setup.init.yaml.mail_to"))
    lines.append(prefix + "    - \(Self.quoted(email))")
    lines.append("#   user: \(email)   # " + words.text("setup.init.yaml.mail_user"))
    lines.append("#   password_file: /etc/lingkar/smtp-password   # " + words.text("setup.init.yaml.mail_password"))
    return lines
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\x%02X", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
