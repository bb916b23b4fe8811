import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics vote TOPIC --by NAME [--meeting YYYY-MM-DD]`.
struct TopicsVoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vote",
    abstract: "Vote for a topic to discuss at the next meeting (voting again takes the vote back).",
    discussion: """
      One vote per person, topic and meeting. The topic is named as for 'topics pick': its id, its label or the \
      start of either, or its number in the latest digest. The counts are shown by 'lingkar topics' and in \
      digest.json.
      """
  )

  @Argument(help: "The topic (id, label or its start, or number in the latest digest).")
  var topic: String

  @Option(help: "Who is voting.")
  var by: String

  @Option(help: "The meeting's date, YYYY-MM-DD (default: the schedule's next meeting).")
  var meeting: String?

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if let meeting, CalendarDay(meeting) == nil { throw ValidationError("--meeting must be a date YYYY-MM-DD") }
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
