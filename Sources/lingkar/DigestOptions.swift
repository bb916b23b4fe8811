import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// The options `lingkar run` and `lingkar digest` share: files, period and language.
struct DigestOptions: ParsableArguments {
  @Option(help: "The period: last (since the previous digest; 14 days for the first), Nd (e.g. 14d) or YYYY-MM-DD.")
  var since = "last"

  @Option(help: "The language of the digest's own words: id or en (default: from LANG, Indonesian for id_*).")
  var lang: String?

  @OptionGroup var feedsFile: FeedsFileOption
  @OptionGroup var topicsFile: TopicsOption
  @OptionGroup var database: DatabaseOption
  @OptionGroup var outputFolder: OutputOption
  @OptionGroup var settingsFile: SettingsOption
  @OptionGroup var lock: LockWaitOption

  var feeds: String { feedsFile.feeds }
  var topics: String { topicsFile.topics }
  var db: String { database.db }
  var output: String { outputFolder.output }
  var settings: String { settingsFile.settings }
  var lockWait: Double { lock.lockWait }

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw ValidationError("--since must be last, Nd (e.g. 14d) or YYYY-MM-DD")
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem) }
    if let lang, DigestLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
  }

  /// The options for a digest ending now, in the machine's time zone.
  func runOptions(now: Date = Date()) -> DigestRunOptions {
    var options = DigestRunOptions(
      databasePath: db, feedsPath: feeds, topicsPath: topics, outputDirectory: output, settingsPath: settings)
    options.since = PeriodSpec(since) ?? .last
    options.language =
      lang.flatMap(DigestLanguage.init(rawValue:))
      ?? DigestLanguage.fromEnvironment(ProcessInfo.processInfo.environment)
    options.now = now
    options.utcOffset = Self.schoolOffset(settingsPath: settings, now: now)
    options.lockWait = lockWait
    return options
  }

  /// The school's clock: the settings' `utc_offset` when it gives one, else the machine's zone.
  /// (A settings file with errors is reported by the command that reads it.)
  static func schoolOffset(settingsPath: String, now: Date) -> Int {
    if let loaded = try? SettingsSource.load(path: settingsPath), loaded.hasUTCOffset { return loaded.utcOffset }
    return TimeZone.current.secondsFromGMT(for: now)
  }
}
