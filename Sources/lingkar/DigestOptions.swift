import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// The options `lingkar run` and `lingkar digest` share: files, period and language.
struct DigestOptions: ParsableArguments {
  @Option(help: Words.help("help.option.since"))
  var since = "last"

  @OptionGroup var language: LanguageOption

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
  var lang: String? { language.lang }

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw Words.usage("cli.usage.since", ["given": .text(since)])
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem.description) }
  }

  /// The options for a digest ending now, in the school's language and time zone (lingkar.yaml's
  /// `language` and `utc_offset`; see `DigestLanguage.choose` and `Settings.schoolOffset`).
  func runOptions(now: Date = Date(), environment: [String: String] = ProcessInfo.processInfo.environment)
    -> DigestRunOptions
  {
    var options = DigestRunOptions(
      databasePath: db, feedsPath: feeds, topicsPath: topics, outputDirectory: output, settingsPath: settings)
    options.since = PeriodSpec(since) ?? .last
    // A settings file with errors is reported by the command that reads it.
    let loaded = try? SettingsSource.load(path: settings)
    options.language = DigestLanguage.choose(
      flag: lang.flatMap(DigestLanguage.init(rawValue:)), settings: loaded, environment: environment)
    options.now = now
    options.utcOffset = Settings.schoolOffset(loaded, now: now)
    options.lockWait = lockWait
    return options
  }

  /// The school's clock for a command that reads no other setting (`lingkar fetch`).
  static func schoolOffset(settingsPath: String, now: Date) -> Int {
    Settings.schoolOffset(try? SettingsSource.load(path: settingsPath), now: now)
  }
}
