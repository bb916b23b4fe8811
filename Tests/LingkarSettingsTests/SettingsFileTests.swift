import Foundation
import LingkarModel
import LingkarSettings
import Testing

@Suite("The settings file")
struct SettingsFileTests {
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lingkar.example.yaml")

  @Test("reads the commented example file in the repository with every section")
  func example() throws {
    let settings = try #require(try SettingsFile.load(path: Self.example.path))
    #expect(settings.schoolName == "SMP Negeri 3 Contoh")
    #expect(settings.language == .id)
    #expect(settings.utcOffset == 7 * 3600)
    #expect(settings.facilitator == "Bu Sari Wulandari")
    let meeting = try #require(settings.meeting)
    #expect(meeting.weekday == .thursday)
    #expect(meeting.intervalWeeks == 2)
    #expect(meeting.anchor == CalendarDay("2026-11-05"))
    #expect(meeting.time == "14.00")
    let club = try #require(settings.bookClub)
    #expect(club.chapters.map(\.number) == [1, 2])
    #expect(club.chapters[1].keywords.first == ChapterKeyword(text: "dialog", weight: 2))
    #expect(club.chapters[1].leader == "Bu Rina")
    let mail = try #require(settings.mail)
    #expect(mail.url == "smtp://mail.contoh.sch.id:587")
    #expect(mail.from == MailAddress(name: "Lingkar SMPN 3", address: "lingkar@contoh.sch.id"))
    #expect(mail.to.map(\.address) == ["guru@contoh.sch.id", "kepala.sekolah@contoh.sch.id"])
    #expect(mail.tls == .try)
    #expect(mail.send == false)
    #expect(mail.passwordFile == "/etc/lingkar/smtp-password")
    #expect(mail.admin == MailAddress(name: "Bu Sari", address: "sari@contoh.sch.id"))
  }

  @Test("an empty file or a missing one gives the defaults")
  func empty() throws {
    #expect(try SettingsFile.parse("# nothing yet\n") == Settings())
    #expect(try SettingsFile.load(path: "/nonexistent/lingkar.yaml") == nil)
  }

  @Test("the meeting schedule counts every two weeks from its first meeting, both ways")
  func schedule() throws {
    let settings = try SettingsFile.parse("meeting:\n  weekday: Thursday\n  every_weeks: 2\n  first: 2026-11-05\n")
    let meeting = try #require(settings.meeting)
    #expect(meeting.meeting(onOrAfter: CalendarDay("2026-11-29")!) == CalendarDay("2026-12-03"))
    #expect(meeting.meeting(onOrAfter: CalendarDay("2026-12-03")!) == CalendarDay("2026-12-03"))
    #expect(meeting.meeting(onOrAfter: CalendarDay("2026-10-01")!) == CalendarDay("2026-10-08"))
    #expect(meeting.meeting(before: CalendarDay("2026-12-03")!) == CalendarDay("2026-11-19"))
  }

  @Test(
    "a bad value is reported with its line and what is allowed",
    arguments: [
      ("meeting:\n  weekday: thrusday\n  first: 2026-11-05\n", 2, "meeting.weekday must be one of monday ... sunday"),
      ("language: fr\n", 1, "language must be id or en, not 'fr'"),
      ("school: X\nutc_offset: +25\n", 2, "utc_offset must look like +07:00"),
      (
        "meeting:\n  weekday: kamis\n  first: 2026-11-06\n", 3, "meeting.first (2026-11-06) is a Friday, not a Thursday"
      ),
      (
        "meeting:\n  weekday: kamis\n  every_weeks: 0\n  first: 2026-11-05\n", 3,
        "meeting.every_weeks must be a whole number from 1 to 8"
      ),
      ("meeting:\n  weekday: kamis\n", 2, "meeting needs 'first: YYYY-MM-DD'"),
      ("meting:\n  weekday: kamis\n", 1, "unknown setting 'meting'"),
      (
        "book_club:\n  title: B\n  chapters:\n    - number: 1\n      title: A\n      date: 2026-02-30\n", 6,
        "chapters.date must be a date YYYY-MM-DD"
      ),
      (
        "book_club:\n  title: B\n  chapters:\n    - number: 1\n      title: A\n      date: 2026-02-03\n      keywords: [x=9]\n",
        7, "a keyword weight must be 1 to 5"
      ),
      ("mail:\n  url: http://mail.example\n  from: a@b.c\n  to: d@e.f\n", 2, "mail.url must look like smtp://host:587"),
      (
        "mail:\n  url: smtp://u:p@mail.example\n  from: a@b.c\n  to: d@e.f\n", 2,
        "mail.url must not hold a user name or password"
      ),
      (
        "mail:\n  url: smtp://mail.example\n  from: a@b.c\n  to: [d@e.f, not an address]\n", 4,
        "mail.to: 'not an address' is not an address"
      ),
      (
        "mail:\n  url: smtp://mail.example\n  from: a@b.c\n  to: d@e.f\n  tls: always\n", 5,
        "mail.tls must be try (STARTTLS when offered) or required"
      ),
      (
        "mail:\n  url: smtp://mail.example\n  from: a@b.c\n  to: d@e.f\n  password_env: 9X\n", 5,
        "mail.password_env must name an environment variable"
      ),
      (
        "mail:\n  url: smtp://mail.example\n  from: a@b.c\n  to: d@e.f\n  admin: the facilitator\n", 5,
        "mail.admin must be an address like"
      ),
      ("school: [a, b]\n", 1, "school must be a single value"),
      ("school: a\nschool: b\n", 2, "a setting is written twice"),
      ("meeting:\n  weekday: kamis\n   first: 2026-11-05\n", 3, "not valid YAML"),
    ])
  func badValue(text: String, line: Int, message: String) {
    let (_, errors) = SettingsFile.parseCollectingErrors(text, file: "lingkar.yaml")
    let first = errors.first
    #expect(first?.line == line, "\(errors)")
    #expect(first?.description.hasPrefix("lingkar.yaml:\(line): ") == true, "\(errors)")
    #expect(first?.problem.text(in: .en).contains(message) == true, "\(errors)")
  }

  @Test("every problem of a file is reported at once, in line order")
  func allProblems() {
    let text =
      "language: xx\nmeeting:\n  weekday: someday\n  first: 2026-11-05\nmail:\n  url: smtp://mail\n  from: nobody\n  to: d@e.f\n"
    let (_, errors) = SettingsFile.parseCollectingErrors(text)
    #expect(errors.map(\.line) == [1, 3, 7])
  }

  @Test("credentials are never read from the settings' URL; names and addresses parse with quotes and Unicode")
  func addresses() {
    #expect(
      MailAddress(parsing: "\"Sari, Bu\" <sari@example.sch.id>")
        == MailAddress(name: "Sari, Bu", address: "sari@example.sch.id"))
    #expect(MailAddress(parsing: "Ibu Ŝari Wulandarí <sari@example.sch.id>")?.name == "Ibu Ŝari Wulandarí")
    #expect(MailAddress(parsing: "sari@example.sch.id")?.name == nil)
    #expect(MailAddress(parsing: "sari@@example") == nil)
    #expect(MailAddress(parsing: "Sari <sari example>") == nil)
  }
}

@Suite("The settings file refuses what settings never need")
struct SettingsGuardTests {
  /// Nine levels of nine aliases to the level before, then the last level as a mapping key: 442
  /// bytes that Yams took 40 s to compose (nine times longer for every further level).
  static let aliasBomb: String = {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(aliases)]\n"
    }
    return text + "? *a8\n: x\n"
  }()

  @Test("an alias bomb used as a mapping key is refused at once, with its line")
  func aliasBomb() {
    let start = ContinuousClock.now
    let (_, errors) = SettingsFile.parseCollectingErrors(Self.aliasBomb)
    let elapsed = ContinuousClock.now - start
    #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    #expect(errors.count == 1)
    #expect(errors.first?.line == 1)
    #expect(errors.first?.message.contains("anchor") == true)
  }

  @Test("an alias alone is refused with its line; * and & inside values are only characters")
  func aliases() throws {
    let (_, errors) = SettingsFile.parseCollectingErrors("school: SD 1\nfacilitator: *someone\n")
    #expect(errors.map(\.line) == [2])
    #expect(errors.first?.message.contains("alias") == true)
    let settings = try SettingsFile.parse("school: SD *1* & Pak Budi\nfacilitator: \"*Bu* &Sari\"\n")
    #expect(settings.schoolName == "SD *1* & Pak Budi")
    #expect(settings.facilitator == "*Bu* &Sari")
  }

  @Test("a file larger than any settings file is refused without being read as YAML")
  func size() {
    let big = "school: SD 1\n" + String(repeating: "# padding padding padding padding padding padding\n", count: 6_000)
    let (_, errors) = SettingsFile.parseCollectingErrors(big)
    #expect(errors.first?.problem.text(in: .en).contains("more than a settings file can be") == true)
    let path = NSTemporaryDirectory() + "lingkar-big-\(UUID().uuidString).yaml"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(big.utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: SettingsProblems.self) { try SettingsFile.load(path: path) }
  }
}
