import Foundation
import LingkarModel
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

/// The school's `lingkar.yaml` (`language`, `utc_offset`) rules what people read, as cron runs it:
/// with `LANG` unset, Lingkar must not fall back to the machine's English or its UTC clock.
@Suite("lingkar.yaml's language and utc_offset rule every output")
struct SchoolLanguageTests {
  /// The environment of the test without any locale variable, plus `extra`.
  static func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
    environment["SWIFT_BACKTRACE"] = "enable=no"
    return environment.merging(extra) { _, new in new }
  }

  /// Runs the real binary in `directory` with exactly `environment`; returns status and stderr.
  static func run(_ arguments: [String], in directory: TemporaryDirectory, environment: [String: String]) throws
    -> (status: Int32, stderr: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.environment = environment
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
  }

  /// A folder with a few stored items (and `settings` as its lingkar.yaml when given), digested by
  /// the binary; returns the one digest folder's `digest.json` and `digest.html`.
  static func digest(
    settings: String?, arguments: [String] = [], environment: [String: String]
  ) throws -> (json: [String: Any], html: String, folder: String) {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try storeItems(4, in: directory)
    if let settings { directory.write("lingkar.yaml", settings) }
    let (status, stderr) = try run(["digest"] + arguments, in: directory, environment: environment)
    #expect(status == 0, "\(stderr)")
    let folders = try FileManager.default.contentsOfDirectory(atPath: directory.file("output")).filter {
      CalendarDay($0) != nil
    }
    let folder = try #require(folders.count == 1 ? folders.first : nil, "\(folders)")
    let data = try #require(FileManager.default.contents(atPath: directory.file("output/\(folder)/digest.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let html = try #require(FileManager.default.contents(atPath: directory.file("output/\(folder)/digest.html")))
    return (json, String(decoding: html, as: UTF8.self), folder)
  }

  static let schoolSettings = "language: id\nutc_offset: WIB\n"

  @Test("the rule: --lang, else lingkar.yaml, else LANG (id_* / en_*), else Indonesian")
  func rule() {
    let indonesian = Settings(language: .id)
    let english = ["LANG": "en_US.UTF-8"]
    #expect(DigestLanguage.choose(flag: .en, settings: indonesian, environment: [:]) == .en)
    #expect(DigestLanguage.choose(flag: nil, settings: indonesian, environment: english) == .id)
    #expect(DigestLanguage.choose(settings: Settings(language: .en), environment: ["LANG": "id_ID.UTF-8"]) == .en)
    #expect(DigestLanguage.choose(settings: nil, environment: english) == .en)
    #expect(DigestLanguage.choose(settings: Settings(), environment: ["LANG": "id_ID.UTF-8"]) == .id)
    #expect(DigestLanguage.choose(settings: nil, environment: [:]) == .id)
    #expect(DigestLanguage.choose(settings: nil, environment: ["LANG": "C.UTF-8"]) == .id)
    #expect(DigestLanguage.choose(settings: nil, environment: ["LANG": "id_ID", "LC_ALL": "en_GB.UTF-8"]) == .en)
  }

  @Test("the school's zone: utc_offset when given, else the machine's; named WIB, WITA, WIT")
  func zone() {
    let now = Date(timeIntervalSince1970: 1_796_587_200)
    #expect(Settings.schoolOffset(Settings(utcOffset: 8 * 3600), now: now) == 8 * 3600)
    #expect(Settings.schoolOffset(nil, now: now) == TimeZone.current.secondsFromGMT(for: now))
    #expect(SchoolZone.label(7 * 3600) == "WIB")
    #expect(SchoolZone.label(8 * 3600) == "WITA")
    #expect(SchoolZone.label(9 * 3600) == "WIT")
    #expect(SchoolZone.label(0) == "UTC")
    #expect(SchoolZone.label(-3 * 3600) == "UTC-03:00")
  }

  @Test("under cron (LANG unset) `language: id` and `utc_offset: WIB` give an Indonesian digest in WIB")
  func cronDigest() throws {
    let before = CalendarDay(Date(), utcOffset: 7 * 3600).description
    let (json, html, folder) = try Self.digest(settings: Self.schoolSettings, environment: Self.environment())
    let after = CalendarDay(Date(), utcOffset: 7 * 3600).description
    #expect(json["lang"] as? String == "id")
    #expect(json["utcOffset"] as? Int == 7 * 3600)
    #expect(folder == before || folder == after)
    #expect(html.contains("<html lang=\"id\""))
    #expect(html.contains("Dibuat oleh Lingkar"))
    #expect(html.contains("(WIB)"))
    #expect(!html.contains("(UTC)"))
  }

  @Test("lingkar.yaml's language wins over LANG; --lang en wins over both")
  func overrides() throws {
    let english = Self.environment(["LANG": "en_US.UTF-8"])
    #expect(try Self.digest(settings: Self.schoolSettings, environment: english).json["lang"] as? String == "id")
    let flagged = try Self.digest(settings: Self.schoolSettings, arguments: ["--lang", "en"], environment: english)
    #expect(flagged.json["lang"] as? String == "en")
    #expect(flagged.html.contains("Made by Lingkar"))
    #expect(flagged.html.contains("(WIB)"))
  }

  @Test("without settings: Indonesian when LANG is unset, English for en_US.UTF-8")
  func withoutSettings() throws {
    #expect(try Self.digest(settings: nil, environment: Self.environment()).json["lang"] as? String == "id")
    let english = Self.environment(["LANG": "en_US.UTF-8"])
    #expect(try Self.digest(settings: nil, environment: english).json["lang"] as? String == "en")
  }

  @Test("the digest's date is the school's day: 20:00 UTC is already tomorrow in WIB")
  func schoolDay() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_587_200)  // 2026-12-06T20:00:00Z = 2026-12-07 03:00 WIB
    try storeItems(4, in: directory, now: now.addingTimeInterval(-3600))
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("lingkar.yaml"))
    options.now = now
    options.utcOffset = 7 * 3600
    let result = try DigestRun(options: options).run()
    #expect(result.digest.dateStamp == "2026-12-07")
    let html = try #require(FileManager.default.contents(atPath: directory.file("output/2026-12-07/digest.html")))
    #expect(String(decoding: html, as: UTF8.self).contains("7 Desember 2026 03:00 (WIB)"))
  }
}
