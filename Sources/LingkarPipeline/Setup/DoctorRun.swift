public import Foundation
import LingkarFeedList
import LingkarMail
public import LingkarModel
import LingkarRank
import LingkarStore

/// What `lingkar doctor` looks at: the same files as the other commands, and how to ask the system.
public struct DoctorOptions: Sendable {
  public var settingsPath = "lingkar.yaml"
  public var feedsPath = "feeds.txt"
  public var topicsPath = "topics.txt"
  public var databasePath = "lingkar.db"
  public var outputDirectory = "output"
  public var now = Date()
  public var environment: [String: String] = [:]
  /// `systemctl`, when systemd runs this machine; nil: the timer cannot be asked about.
  public var systemctl: String?
  public var timerUnit = "lingkar-run.timer"
  /// Less free space than this on the database's disk is a problem (a year of items is ~50 MB).
  public var minimumFreeBytes: Int64 = 200 * 1024 * 1024
  /// Whether to talk to the mail server.
  public var checkMail = true
  /// The clock before this day is certainly wrong (Lingkar did not exist).
  public var earliestPlausible = CalendarDay("2026-01-01") ?? CalendarDay(daysSinceEpoch: 20454)

  public init() {}

  /// `systemctl` on this machine when systemd is running it (`/run/systemd/system` exists).
  public static func systemSystemctl() -> String? {
    guard FileManager.default.fileExists(atPath: "/run/systemd/system") else { return nil }
    return ["/usr/bin/systemctl", "/bin/systemctl"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}

/// One thing `lingkar doctor` checked.
public struct DoctorCheck: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    /// As it should be.
    case ok
    /// Worth knowing, nothing to fix now (exit code stays 0).
    case note
    /// Needs fixing (exit code 1).
    case problem
  }

  /// `settings`, `feeds`, `topics`, `database`, `output`, `mail`, `timer`, `disk`, `clock`.
  public var id: String
  public var status: Status
  /// What was found and, for a problem, what to do.
  public var said: Message

  public init(_ id: String, _ status: Status, _ said: Message) {
    self.id = id
    self.status = status
    self.said = said
  }

  /// The check's name in the catalogue (`setup.doctor.name.settings`).
  public var name: Message { Message("setup.doctor.name." + id) }
}

/// `lingkar doctor`: checks a school's setup and says, for each part, what is wrong and how to fix
/// it. Reads only: the database is opened read-only, the mail server is greeted but sent nothing.
public struct DoctorRun: Sendable {
  public var options: DoctorOptions

  public init(options: DoctorOptions) {
    self.options = options
  }

  public func run() -> [DoctorCheck] {
    let settings = checkSettings()
    var checks = [settings.check, checkFeeds(), checkTopics(), checkDatabase(), checkOutput()]
    checks.append(checkMail(settings.settings))
    checks.append(checkTimer())
    checks.append(checkDisk())
    checks.append(checkClock(settings.settings))
    return checks
  }

  // MARK: The checks

  func checkSettings() -> (check: DoctorCheck, settings: Settings?) {
    let path = options.settingsPath
    guard FileManager.default.fileExists(atPath: path) else {
      return (DoctorCheck("settings", .problem, Message("setup.doctor.settings.missing", ["path": .text(path)])), nil)
    }
    do {
      let settings = try SettingsSource.load(path: path)
      let school = settings?.schoolName ?? "-"
      return (
        DoctorCheck(
          "settings", .ok, Message("setup.doctor.settings.ok", ["path": .text(path), "school": .text(school)])),
        settings
      )
    } catch {
      return (
        DoctorCheck(
          "settings", .problem,
          Message("setup.doctor.settings.invalid", ["path": .text(path), "problems": .text(error.message)])), nil
      )
    }
  }

  func checkFeeds() -> DoctorCheck {
    let path = options.feedsPath
    guard FileManager.default.fileExists(atPath: path) else {
      return DoctorCheck("feeds", .problem, Message("setup.doctor.feeds.missing", ["path": .text(path)]))
    }
    let list: FeedList
    do {
      list = try FeedListFile(path: path).readList(mustExist: true)
    } catch {
      return DoctorCheck(
        "feeds", .problem, Message("setup.doctor.feeds.unreadable", ["path": .text(path), "reason": .text("\(error)")]))
    }
    if !list.diagnostics.isEmpty {
      return DoctorCheck(
        "feeds", .problem,
        Message(
          "setup.doctor.feeds.bad_lines",
          [
            "path": .text(path), "count": .number(list.diagnostics.count),
            "first": .text(list.diagnostics[0].description),
          ]))
    }
    if list.sources.isEmpty {
      return DoctorCheck("feeds", .problem, Message("setup.doctor.feeds.empty", ["path": .text(path)]))
    }
    return DoctorCheck(
      "feeds", .ok, Message("setup.doctor.feeds.ok", ["path": .text(path), "count": .number(list.sources.count)]))
  }

  func checkTopics() -> DoctorCheck {
    let path = options.topicsPath
    guard FileManager.default.fileExists(atPath: path) else {
      return DoctorCheck("topics", .note, Message("setup.doctor.topics.built_in", ["path": .text(path)]))
    }
    do {
      let topics = try TopicsFileSource.load(path: path)
      return DoctorCheck(
        "topics", .ok, Message("setup.doctor.topics.ok", ["path": .text(path), "count": .number(topics.topics.count)]))
    } catch {
      return DoctorCheck(
        "topics", .problem,
        Message("setup.doctor.topics.invalid", ["path": .text(path), "problems": .text(error.message)]))
    }
  }

  func checkDatabase() -> DoctorCheck {
    let path = options.databasePath
    let folder = Self.folder(of: path)
    guard FileManager.default.fileExists(atPath: folder) else {
      return DoctorCheck(
        "database", .problem, Message("errors.setup.database_folder_missing", ["folder": .text(folder)]))
    }
    guard FileManager.default.fileExists(atPath: path) else {
      if access(folder, W_OK) != 0 {
        return DoctorCheck(
          "database", .problem, Message("setup.doctor.database.folder_read_only", ["folder": .text(folder)]))
      }
      return DoctorCheck("database", .note, Message("setup.doctor.database.not_yet", ["path": .text(path)]))
    }
    let inspection: StoreInspection
    do {
      inspection = try StoreInspection.inspect(path: path)
    } catch {
      return DoctorCheck(
        "database", .problem, Message("setup.doctor.database.failed", ["reason": .message(error.message)]))
    }
    if !inspection.problems.isEmpty {
      let detail = inspection.problems.prefix(3).joined(separator: "; ")
      return DoctorCheck(
        "database", .problem, Message("setup.doctor.database.damaged", ["path": .text(path), "detail": .text(detail)]))
    }
    if inspection.schemaVersion > inspection.latestSchema {
      return DoctorCheck(
        "database", .problem,
        Message(
          "setup.doctor.database.newer",
          ["path": .text(path), "stored": .number(inspection.schemaVersion), "known": .number(inspection.latestSchema)])
      )
    }
    if access(path, W_OK) != 0 || access(folder, W_OK) != 0 {
      return DoctorCheck("database", .problem, Message("setup.doctor.database.read_only", ["path": .text(path)]))
    }
    if inspection.schemaVersion < inspection.latestSchema {
      return DoctorCheck(
        "database", .note,
        Message(
          "setup.doctor.database.older",
          ["path": .text(path), "stored": .number(inspection.schemaVersion), "known": .number(inspection.latestSchema)])
      )
    }
    return DoctorCheck(
      "database", .ok,
      Message(
        "setup.doctor.database.ok",
        [
          "path": .text(path), "count": .number(inspection.itemCount ?? 0),
          "version": .number(inspection.schemaVersion),
        ]))
  }

  func checkOutput() -> DoctorCheck {
    let path = options.outputDirectory
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        return DoctorCheck("output", .problem, Message("setup.doctor.output.not_folder", ["folder": .text(path)]))
      }
      guard access(path, W_OK | X_OK) == 0 else {
        return DoctorCheck("output", .problem, Message("setup.doctor.output.read_only", ["folder": .text(path)]))
      }
      return DoctorCheck("output", .ok, Message("setup.doctor.output.ok", ["folder": .text(path)]))
    }
    let parent = Self.folder(of: path)
    guard FileManager.default.fileExists(atPath: parent), access(parent, W_OK | X_OK) == 0 else {
      return DoctorCheck(
        "output", .problem,
        Message("setup.doctor.output.cannot_create", ["folder": .text(path), "parent": .text(parent)]))
    }
    return DoctorCheck("output", .ok, Message("setup.doctor.output.will_create", ["folder": .text(path)]))
  }

  func checkMail(_ settings: Settings?) -> DoctorCheck {
    guard let mail = settings?.mail else {
      return DoctorCheck("mail", .note, Message("setup.doctor.mail.not_set_up", ["path": .text(options.settingsPath)]))
    }
    let host = Self.host(of: mail.url)
    guard options.checkMail else {
      return DoctorCheck("mail", .note, Message("setup.doctor.mail.skipped", ["host": .text(host)]))
    }
    do {
      let (user, password) = try DigestMailer.credentials(mail, environment: options.environment)
      var sender = SMTPSender(settings: mail, user: user, password: password)
      sender.connectTimeoutSeconds = 10
      try sender.probe()
      return DoctorCheck("mail", .ok, Message("setup.doctor.mail.ok", ["host": .text(host)]))
    } catch {
      return DoctorCheck(
        "mail", .problem, Message("setup.doctor.mail.failed", ["host": .text(host), "reason": .text("\(error)")]))
    }
  }

  func checkTimer() -> DoctorCheck {
    let unit = options.timerUnit
    guard let systemctl = options.systemctl else {
      return DoctorCheck("timer", .note, Message("setup.doctor.timer.no_systemd", ["unit": .text(unit)]))
    }
    let loaded = Self.capture(systemctl, ["show", "--property=LoadState", "--value", unit])
    if loaded == "not-found" || loaded == nil {
      return DoctorCheck("timer", .note, Message("setup.doctor.timer.not_installed", ["unit": .text(unit)]))
    }
    let active = Self.capture(systemctl, ["is-active", unit]) ?? "unknown"
    if active == "active" {
      return DoctorCheck("timer", .ok, Message("setup.doctor.timer.ok", ["unit": .text(unit)]))
    }
    return DoctorCheck(
      "timer", .problem, Message("setup.doctor.timer.inactive", ["unit": .text(unit), "state": .text(active)]))
  }

  func checkDisk() -> DoctorCheck {
    var folder = Self.folder(of: options.databasePath)
    if !folder.hasPrefix("/") { folder = URL(fileURLWithPath: folder).standardizedFileURL.path }
    var stats = statvfs()
    guard statvfs(FileManager.default.fileExists(atPath: folder) ? folder : ".", &stats) == 0 else {
      return DoctorCheck("disk", .note, Message("setup.doctor.disk.unknown", ["folder": .text(folder)]))
    }
    let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
    let megabytes = Int(free / (1024 * 1024))
    if free < options.minimumFreeBytes {
      return DoctorCheck(
        "disk", .problem,
        Message(
          "setup.doctor.disk.low",
          [
            "folder": .text(folder), "free": .number(megabytes),
            "needed": .number(Int(options.minimumFreeBytes / (1024 * 1024))),
          ]))
    }
    return DoctorCheck(
      "disk", .ok, Message("setup.doctor.disk.ok", ["folder": .text(folder), "free": .number(megabytes)]))
  }

  /// The clock: a date before Lingkar existed, or earlier than the last fetch this database
  /// recorded, is wrong (digests would be dated wrongly and feeds fetched at the wrong time); a
  /// machine on UTC with no `utc_offset` in the settings dates the digest in UTC, not the school's day.
  func checkClock(_ settings: Settings?) -> DoctorCheck {
    let now = options.now
    let today = CalendarDay(now)
    let stamp = String(Timestamp.iso8601(now).prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    if today < options.earliestPlausible || today.year > 2100 {
      return DoctorCheck("clock", .problem, Message("setup.doctor.clock.implausible", ["now": .text(stamp)]))
    }
    if FileManager.default.fileExists(atPath: options.databasePath),
      let last = try? StoreInspection.inspect(path: options.databasePath).lastFetch,
      last.timeIntervalSince(now) > 3600
    {
      let lastStamp = String(Timestamp.iso8601(last).prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
      return DoctorCheck(
        "clock", .problem, Message("setup.doctor.clock.behind", ["now": .text(stamp), "last": .text(lastStamp)]))
    }
    if settings?.hasUTCOffset != true && TimeZone.current.secondsFromGMT(for: now) == 0 {
      return DoctorCheck("clock", .note, Message("setup.doctor.clock.utc", ["now": .text(stamp)]))
    }
    let offset = Settings.schoolOffset(settings, now: now)
    return DoctorCheck(
      "clock", .ok, Message("setup.doctor.clock.ok", ["now": .text(stamp), "zone": .text(SchoolZone.label(offset))]))
  }

  // MARK: Helpers

  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  static func host(of url: String) -> String {
    url.range(of: "://").map { String(url[$0.upperBound...].prefix { $0 != "/" }) } ?? url
  }

  /// The trimmed standard output of a program, nil when it cannot be started.
  static func capture(_ program: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
