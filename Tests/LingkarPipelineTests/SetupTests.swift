import Foundation
import LingkarModel
import LingkarRank
import LingkarSettings
import LingkarTestSupport
import Testing

@testable import LingkarPipeline
@testable import LingkarStore

#if canImport(Glibc)
  import Glibc
#endif

/// The repository's root, where feeds.txt and topics.txt are.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// Runs the built `lingkar` in `directory` with `LANG` set to `language`; standard output and error
/// go through files (a pipe could fill and stall the child).
func runSetupCommand(
  _ arguments: [String], in directory: String, language: String = "en_US.UTF-8", extra: [String: String] = [:],
  program: String = lingkarBinary(), input: String = "/dev/null"
) throws -> (status: Int32, stdout: String, stderr: String) {
  let scratch = NSTemporaryDirectory() + "lingkar-out-" + UUID().uuidString
  FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
  FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
  defer {
    try? FileManager.default.removeItem(atPath: scratch + ".out")
    try? FileManager.default.removeItem(atPath: scratch + ".err")
  }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.standardOutput = FileHandle(forWritingAtPath: scratch + ".out")
  process.standardError = FileHandle(forWritingAtPath: scratch + ".err")
  process.standardInput = FileHandle(forReadingAtPath: input)
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  environment["LANG"] = language
  environment["LC_ALL"] = nil
  environment["LANGUAGE"] = nil
  for (key, value) in extra { environment[key] = value }
  process.environment = environment
  try process.run()
  process.waitUntilExit()
  let out = (try? String(contentsOfFile: scratch + ".out", encoding: .utf8)) ?? ""
  let err = (try? String(contentsOfFile: scratch + ".err", encoding: .utf8)) ?? ""
  return (process.terminationStatus, out, err)
}

/// A stand-in for `systemctl` that says the timer is loaded and in `state`.
private func fakeSystemctl(in directory: TemporaryDirectory, state: String) -> String {
  let path = directory.file("systemctl")
  directory.write(
    "systemctl",
    """
    #!/bin/sh
    case "$1" in
      show) echo loaded ;;
      is-active) echo \(state); [ "\(state)" = active ] ;;
    esac

    """)
  chmod(path, 0o755)
  return path
}

@Suite("lingkar init")
struct InitTests {
  let today = CalendarDay("2026-12-07") ?? CalendarDay(daysSinceEpoch: 0)

  @Test("writes lingkar.yaml that reads back as asked, the starter feeds and the built-in topics")
  func writesThreeFiles() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let folder = directory.file("sekolah")
    let options = InitOptions(
      directory: folder, school: "SD Negeri 1 \"Contoh\"", language: .id, weekday: .thursday, everyWeeks: 2,
      facilitator: "Bu Sari", zone: "WITA", today: today)
    let written = try InitRun(options: options).run()
    #expect(written.map { ($0 as NSString).lastPathComponent } == ["lingkar.yaml", "feeds.txt", "topics.txt"])

    let settings = try #require(try SettingsSource.load(path: folder + "/lingkar.yaml"))
    #expect(settings.schoolName == "SD Negeri 1 \"Contoh\"")
    #expect(settings.language == .id)
    #expect(settings.utcOffset == 8 * 3600)
    #expect(settings.facilitator == "Bu Sari")
    let meeting = try #require(settings.meeting)
    #expect(meeting.weekday == .thursday)
    #expect(meeting.intervalWeeks == 2)
    // 2026-12-07 is a Monday: the first Thursday from it.
    #expect(meeting.anchor.description == "2026-12-10")
    #expect(settings.mail == nil)

    let yaml = try String(contentsOfFile: folder + "/lingkar.yaml", encoding: .utf8)
    #expect(yaml.contains("# " + Catalogue.for(.id).text("setup.init.yaml.zone")))
    #expect(!yaml.contains(Catalogue.for(.en).text("setup.init.yaml.zone")))
    #expect(yaml.contains("weekday: kamis"))

    let feeds = try String(contentsOfFile: folder + "/feeds.txt", encoding: .utf8)
    let repositoryFeeds = try String(contentsOfFile: repositoryRoot + "/feeds.txt", encoding: .utf8)
    #expect(feeds == repositoryFeeds, "the embedded starter feeds differ from the repository's feeds.txt")
    let topics = try String(contentsOfFile: folder + "/topics.txt", encoding: .utf8)
    #expect(topics == (try String(contentsOfFile: repositoryRoot + "/topics.txt", encoding: .utf8)))
  }

  @Test("English comments, and the mail part switched on when the e-mail and the server are given")
  func englishWithMail() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let options = InitOptions(
      directory: directory.path, school: "Sekolah", language: .en, weekday: .monday, everyWeeks: 1,
      email: "sari@sekolah.sch.id", mailServer: "smtp://127.0.0.1:2525", today: today)
    _ = try InitRun(options: options).run()
    let yaml = try String(contentsOfFile: directory.file("lingkar.yaml"), encoding: .utf8)
    #expect(yaml.contains("# " + Catalogue.for(.en).text("setup.init.yaml.school")))
    #expect(yaml.contains("weekday: monday"))
    let settings = try #require(try SettingsSource.load(path: directory.file("lingkar.yaml")))
    let mail = try #require(settings.mail)
    #expect(mail.url == "smtp://127.0.0.1:2525")
    #expect(mail.to.map(\.address) == ["sari@sekolah.sch.id"])
    #expect(settings.meeting?.intervalWeeks == 1)
  }

  @Test("never overwrites: with feeds.txt already there, nothing is written and the failure names it")
  func refusesToOverwrite() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", "https://guru.example/feed\n")
    let options = InitOptions(directory: directory.path, school: "Sekolah", language: .en, today: today)
    let failure = #expect(throws: LingkarFailure.self) { try InitRun(options: options).run() }
    #expect(failure?.said.text(in: .en).contains(directory.file("feeds.txt")) == true)
    #expect(!FileManager.default.fileExists(atPath: directory.file("lingkar.yaml")))
    #expect(!FileManager.default.fileExists(atPath: directory.file("topics.txt")))
    #expect(
      (try? String(contentsOfFile: directory.file("feeds.txt"), encoding: .utf8)) == "https://guru.example/feed\n")
  }

  @Test("a bad zone or e-mail is refused before anything is written")
  func validates() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    var options = InitOptions(directory: directory.path, school: "S", language: .id, zone: "Jakarta", today: today)
    #expect(throws: LingkarFailure.self) { try InitRun(options: options).run() }
    options.zone = "+07:00"
    options.email = "not an address"
    #expect(throws: LingkarFailure.self) { try InitRun(options: options).run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test("the binary: init --yes without a terminal asks nothing, the setup it writes passes doctor but for the timer")
  func binary() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let initRun = try runSetupCommand(
      ["init", "sekolah", "--school", "SD Negeri 1", "--language", "id", "--yes"], in: directory.path)
    #expect(initRun.status == 0, "\(initRun.stderr)")
    #expect(initRun.stdout.contains("lingkar doctor"))
    #expect(initRun.stderr.isEmpty, "\(initRun.stderr)")
    let again = try runSetupCommand(["init", "sekolah", "--school", "SD Negeri 1", "--yes"], in: directory.path)
    #expect(again.status == 1)
    #expect(again.stderr.contains("lingkar.yaml"), "\(again.stderr)")

    // The school's language (id, from lingkar.yaml) speaks; no systemd here, so the timer is a note.
    let doctor = try runSetupCommand(
      ["doctor", "--no-mail"], in: directory.file("sekolah"), extra: ["LINGKAR_SYSTEMCTL": "/nonexistent"])
    #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
    #expect(doctor.stdout.contains(Catalogue.for(.id).text("setup.doctor.all_well")), "\(doctor.stdout)")
  }
}

@Suite("lingkar init on a terminal")
struct InitTerminalTests {
  @Test("in a terminal, init asks for what the options did not give, in the language chosen first")
  func asks() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // script(1) gives lingkar a terminal; the answers go in through it, one a line.
    directory.write("answers", "en\nSD Tanya\nkamis\n3\nBu Sari\n\n")
    let result = try runSetupCommand(
      ["-qec", "\(lingkarBinary()) init sek", "/dev/null"], in: directory.path, language: "id_ID.UTF-8",
      program: "/usr/bin/script", input: directory.file("answers"))
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let settings = try #require(try SettingsSource.load(path: directory.file("sek/lingkar.yaml")))
    #expect(settings.schoolName == "SD Tanya")
    #expect(settings.language == .en)
    #expect(settings.meeting?.weekday == .thursday)
    #expect(settings.meeting?.intervalWeeks == 3)
    #expect(settings.facilitator == "Bu Sari")
    // The first question in the process's language (Indonesian), the rest in the chosen one (English).
    #expect(result.stdout.contains(Catalogue.for(.id).text("setup.init.ask.language")), "\(result.stdout)")
    #expect(result.stdout.contains(Catalogue.for(.en).text("setup.init.ask.school")), "\(result.stdout)")
  }
}

@Suite("lingkar doctor")
struct DoctorTests {
  @Test("a good setup: every check ok or a note, and the mail server greeted without a message sent")
  func goodSetup() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let sink = try SMTPSink()
    defer { sink.stop() }
    let today = CalendarDay(Date())
    _ = try InitRun(
      options: InitOptions(
        directory: directory.path, school: "SD Negeri 1", language: .en, weekday: .thursday,
        email: "sari@sekolah.sch.id", mailServer: sink.url, today: today)
    ).run()
    _ = try FeedStore(path: directory.file("lingkar.db"))
    try FileManager.default.createDirectory(atPath: directory.file("output"), withIntermediateDirectories: true)

    var options = DoctorOptions()
    options.settingsPath = directory.file("lingkar.yaml")
    options.feedsPath = directory.file("feeds.txt")
    options.topicsPath = directory.file("topics.txt")
    options.databasePath = directory.file("lingkar.db")
    options.outputDirectory = directory.file("output")
    options.systemctl = fakeSystemctl(in: directory, state: "active")
    options.minimumFreeBytes = 1
    let checks = DoctorRun(options: options).run()
    #expect(
      checks.map(\.id) == ["settings", "feeds", "topics", "database", "output", "mail", "timer", "disk", "clock"])
    for check in checks {
      #expect(check.status != .problem, "\(check.id): \(check.said.text(in: .en))")
    }
    #expect(checks.first { $0.id == "mail" }?.status == .ok)
    #expect(checks.first { $0.id == "timer" }?.status == .ok)
    #expect(checks.first { $0.id == "database" }?.status == .ok)
    // Greeted, not sent to.
    #expect(throws: (any Error).self) { try sink.raw(1) }
  }

  @Test("a broken setup: each problem named with what to do")
  func brokenSetup() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // lingkar.yaml with a wrong value, and a mail server nobody listens on.
    directory.write(
      "lingkar.yaml",
      """
      school: SD Negeri 1
      language: en
      lookback_days: lots

      """)
    directory.write("feeds.txt", "https://guru.example/feed\nhttps://guru.example/feed\n")
    directory.write("topics.txt", "[bad id!]\n")
    directory.write("lingkar.db", String(repeating: "not sqlite ", count: 200))
    directory.write("output", "a file where the folder should be")

    var options = DoctorOptions()
    options.settingsPath = directory.file("lingkar.yaml")
    options.feedsPath = directory.file("feeds.txt")
    options.topicsPath = directory.file("topics.txt")
    options.databasePath = directory.file("lingkar.db")
    options.outputDirectory = directory.file("output")
    options.systemctl = fakeSystemctl(in: directory, state: "inactive")
    options.minimumFreeBytes = Int64.max
    options.now = Date(timeIntervalSince1970: 978_307_200)  // 2001-01-01
    let checks = DoctorRun(options: options).run()
    let problems = Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0) })
    for id in ["settings", "feeds", "topics", "database", "output", "timer", "disk", "clock"] {
      #expect(problems[id]?.status == .problem, "\(id): \(problems[id]?.said.text(in: .en) ?? "none")")
    }
    #expect(problems["settings"]?.said.text(in: .en).contains("lookback_days") == true)
    #expect(problems["feeds"]?.said.text(in: .en).contains("feeds.txt:2") == true)
    #expect(problems["timer"]?.said.text(in: .en).contains("systemctl enable --now lingkar-run.timer") == true)
    #expect(problems["clock"]?.said.text(in: .en).contains("2001-01-01") == true)
    #expect(problems["output"]?.said.key == "setup.doctor.output.not_folder")
    #expect(problems["database"]?.said.text(in: .en).contains("not a Lingkar database") == true)
  }

  @Test("unreachable mail server, a database from a newer Lingkar, a clock behind the last fetch, no systemd")
  func moreProblems() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write(
      "lingkar.yaml",
      """
      school: SD Negeri 1
      utc_offset: WIB
      mail:
        url: smtp://127.0.0.1:1
        from: lingkar@sekolah.sch.id
        to: [sari@sekolah.sch.id]

      """)
    directory.write("feeds.txt", "https://guru.example/feed\n")
    let now = Date()
    do {
      let store = try FeedStore(path: directory.file("lingkar.db"))
      try store.seed(
        [Entry(id: "a", title: "Literasi", link: "https://guru.example/a", published: now)],
        time: now.addingTimeInterval(86_400 * 3))
    }
    var options = DoctorOptions()
    options.settingsPath = directory.file("lingkar.yaml")
    options.feedsPath = directory.file("feeds.txt")
    options.topicsPath = directory.file("topics.txt")
    options.databasePath = directory.file("lingkar.db")
    options.outputDirectory = directory.file("output")
    options.now = now
    let first = Dictionary(uniqueKeysWithValues: DoctorRun(options: options).run().map { ($0.id, $0) })
    #expect(first["mail"]?.status == .problem)
    #expect(first["mail"]?.said.text(in: .en).contains("127.0.0.1:1") == true)
    #expect(first["clock"]?.status == .problem, "\(first["clock"]?.said.text(in: .en) ?? "")")
    #expect(first["timer"]?.status == .note)
    #expect(first["topics"]?.status == .note)
    #expect(first["output"]?.status == .ok)

    let connection = try SQLiteConnection(path: directory.file("lingkar.db"))
    try connection.execute("PRAGMA user_version = 99")
    let second = Dictionary(uniqueKeysWithValues: DoctorRun(options: options).run().map { ($0.id, $0) })
    #expect(second["database"]?.status == .problem)
    #expect(second["database"]?.said.text(in: .en).contains("newer Lingkar") == true)
  }

  @Test("the binary: exit 1 and each problem marked, in the school's language")
  func binaryBroken() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("lingkar.yaml", "school: SD Negeri 1\nlanguage: id\n")
    let result = try runSetupCommand(
      ["doctor", "--no-mail"], in: directory.path, extra: ["LINGKAR_SYSTEMCTL": "/nonexistent"])
    #expect(result.status == 1)
    let id = Catalogue.for(.id)
    #expect(result.stdout.contains(id.text("setup.doctor.status.problem") + " " + id.text("setup.doctor.name.feeds")))
    #expect(result.stdout.contains(id.text("setup.doctor.problems", ["count": 1])), "\(result.stdout)")
  }
}

@Suite("plain setup messages")
struct SetupMessageTests {
  @Test("--db in a folder that does not exist: the folder is named, no lock file is made")
  func missingDatabaseFolder() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", "https://guru.example/feed\n")
    let missing = directory.file("missing/dir")
    for command in [["run"], ["fetch"], ["topics"]] {
      let result = try runSetupCommand(command + ["--db", missing + "/x.db"], in: directory.path)
      #expect(result.status == 1, "\(command)")
      #expect(
        result.stderr.contains("the folder \(missing) does not exist; create it or choose another --db"),
        "\(command): \(result.stderr)")
    }
    let indonesian = try runSetupCommand(
      ["run", "--db", missing + "/x.db"], in: directory.path, language: "id_ID.UTF-8")
    #expect(indonesian.stderr.contains("folder \(missing) tidak ada"), "\(indonesian.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.file("missing")))
  }

  @Test("a run that stops before opening the database (no feeds file) leaves no lingkar.db.lock")
  func noStrayLock() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let result = try runSetupCommand(["run"], in: directory.path)
    #expect(result.status == 1)
    #expect(!FileManager.default.fileExists(atPath: directory.file("lingkar.db.lock")))
    #expect(!FileManager.default.fileExists(atPath: directory.file("lingkar.db")))
  }

  @Test("lingkar mail without lingkar.yaml says how to set mail up")
  func mailWithoutSettings() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let result = try runSetupCommand(["mail"], in: directory.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("lingkar init --email"), "\(result.stderr)")
    directory.write("lingkar.yaml", "school: SD Negeri 1\n")
    let noMail = try runSetupCommand(["mail"], in: directory.path)
    #expect(noMail.stderr.contains("lingkar.example.yaml"), "\(noMail.stderr)")
    #expect(noMail.stderr.contains("lingkar doctor"), "\(noMail.stderr)")
  }
}
