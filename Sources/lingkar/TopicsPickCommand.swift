import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics pick TOPIC... [--meeting YYYY-MM-DD] [--force]` / `lingkar topics pick --list`.
struct TopicsPickCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("pick", key: "topics_pick") }

  @Argument(help: Words.help("help.topics_pick.ids"))
  var ids: [String] = []

  @Option(help: Words.help("help.topics_pick.meeting"))
  var meeting: String?

  @Flag(help: Words.help("help.topics_pick.force"))
  var force = false

  @Flag(help: Words.help("help.topics_pick.list"))
  var list = false

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var settingsFile: SettingsOption

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if list && !ids.isEmpty { throw Words.usage("cli.usage.pick_both") }
    if !list && ids.isEmpty { throw Words.usage("cli.usage.pick_none") }
    if let meeting, CalendarDay(meeting) == nil {
      throw Words.usage("cli.usage.meeting_date", ["given": .text(meeting)])
    }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings)
    let run = PickRun(databasePath: database.db, topicsPath: topicsFile.topics)
    // The one rule, as the process chose it before parsing (`--lang`, lingkar.yaml, the environment).
    let language = Catalogue.current
    if list {
      print(try run.listText(language: language))
      return
    }
    let now = Date()
    let today = CalendarDay(now, utcOffset: Settings.schoolOffset(loaded, now: now))
    guard let day = meeting.flatMap(CalendarDay.init) ?? PickRun.nextMeeting(settings: loaded, today: today) else {
      throw Words.usage("cli.usage.no_meeting", ["path": .text(settingsFile.settings)])
    }
    let outcome = try run.pick(
      ids, meeting: day, today: today, schedule: loaded?.meeting, force: force, language: language)
    for warning in outcome.warnings {
      Output.error("lingkar: " + Words.text("cli.warning", ["reason": .message(warning)]) + "\n")
    }
    print(outcome.said.text(in: language))
    // The teachers' votes beside what was picked, when any were cast for this meeting.
    if !outcome.votes.counts.isEmpty {
      for id in outcome.picks.topicIDs {
        print("  \(id): \(Message("cli.vote.count", ["count": .number(outcome.votes.count(id))]))")
      }
    }
  }
}
