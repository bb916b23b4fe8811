import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics [list]`: ranked topics with each score's breakdown and top items.
struct TopicsListCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("list", key: "topics_list") }

  @Option(help: Words.help("help.topics_list.since"))
  var since = "last"

  @Flag(help: Words.help("help.topics_list.json"))
  var json = false

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @Option(help: Words.help("help.topics_list.discussed"))
  var discussed: [String] = []

  @OptionGroup var language: LanguageOption
  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw Words.usage("cli.usage.since", ["given": .text(since)])
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem.description) }
    for entry in discussed where TopicsListCommand.discussedTopic(entry) == nil {
      throw Words.usage("cli.usage.discussed", ["given": .text(entry)])
    }
  }

  func run() throws {
    var options = TopicRunOptions(
      databasePath: database.db, topicsPath: topicsFile.topics, since: PeriodSpec(since) ?? .last,
      discussed: discussed.compactMap(Self.discussedTopic) + Self.picked(database.db))
    // The votes for the next meeting, shown beside each topic where the facilitator picks.
    let loaded = try? SettingsLoader.load(settingsFile.settings)
    let today = CalendarDay(options.now, utcOffset: Settings.schoolOffset(loaded ?? nil, now: options.now))
    options.votesMeeting = VoteRun.meeting(settings: loaded ?? nil, today: today)
    let report = try TopicRun(options: options).run()
    Output.standard(
      (json ? report.json() : report.text(language: Catalogue.current)) + "\n", mode: json ? .json : .text)
  }

  /// The topics picked for meetings (`lingkar topics pick`): damped like --discussed ones.
  static func picked(_ db: String) -> [TopicRunOptions.Discussed] {
    guard FileManager.default.fileExists(atPath: db), let picks = try? PickRun(databasePath: db).list() else {
      return []
    }
    return MeetingHistory(picks: picks, shortlists: []).discussed()
  }

  static func discussedTopic(_ text: String) -> TopicRunOptions.Discussed? {
    let parts = text.split(separator: ":", maxSplits: 1)
    guard parts.count == 2, case .date(let date)? = PeriodSpec(String(parts[1])) else { return nil }
    return TopicRunOptions.discussed(String(parts[0]), on: date)
  }
}
