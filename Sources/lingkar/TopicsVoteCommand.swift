import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics vote TOPIC --by NAME [--meeting YYYY-MM-DD]`.
struct TopicsVoteCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("vote", key: "topics_vote") }

  @Argument(help: Words.help("help.topics_vote.topic"))
  var topic: String

  @Option(help: Words.help("help.topics_vote.by"))
  var by: String

  @Option(help: Words.help("help.topics_vote.meeting"))
  var meeting: String?

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var settingsFile: SettingsOption

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if let meeting, CalendarDay(meeting) == nil { throw Words.usage("cli.usage.meeting_date") }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings)
    let now = Date()
    let today = CalendarDay(now, utcOffset: Settings.schoolOffset(loaded, now: now))
    guard let day = meeting.flatMap(CalendarDay.init) ?? VoteRun.meeting(settings: loaded, today: today) else {
      throw LingkarFailure(Message("cli.vote.no_meeting", ["yaml": .text(settingsFile.settings)]), kind: .badUsage)
    }
    let outcome = try VoteRun(databasePath: database.db, topicsPath: topicsFile.topics).vote(
      topic, by: by, meeting: day)
    Output.standard(outcome.message.description + "\n")
  }
}
