import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics pick TOPIC... [--meeting YYYY-MM-DD] [--force]` / `lingkar topics pick --list`.
struct TopicsPickCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pick",
    abstract: "Record the topics chosen for a meeting (or list past picks with --list).",
    discussion: """
      The meeting defaults to the next one of the schedule in lingkar.yaml (meeting: weekday, every_weeks,
      first). A topic is named by its id, its Indonesian or English label or the start of either (case and
      accents ignored), or its number in the latest digest. Picking again for the same meeting replaces the
      earlier pick. A date that is not a meeting day, or is in the past, needs --force. Picked topics are
      damped in the next suggestions; topics suggested before the meeting but not picked are carried over once.
      """
  )

  @Argument(
    help: "Topics (id, label or its start, or number in the latest digest), in the order the meeting takes them.")
  var ids: [String] = []

  @Option(help: "The meeting's date, YYYY-MM-DD.")
  var meeting: String?

  @Flag(help: "Record the pick even when the date is not a meeting day or is in the past.")
  var force = false

  @Flag(help: "List past picks instead of recording one.")
  var list = false

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if list && !ids.isEmpty { throw ValidationError(Message("errors.usage.pick-both").description) }
    if !list && ids.isEmpty { throw ValidationError(Message("errors.usage.pick-none").description) }
    if let meeting, CalendarDay(meeting) == nil {
      throw ValidationError(Message("errors.usage.date", ["flag": "--meeting"]).description)
    }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings)
    let run = PickRun(databasePath: database.db, topicsPath: topicsFile.topics)
    let language = DigestLanguage.choose(settings: loaded, environment: ProcessInfo.processInfo.environment)
    if list {
      print(try run.listText(language: language))
      return
    }
    let now = Date()
    let today = CalendarDay(now, utcOffset: Settings.schoolOffset(loaded, now: now))
    guard let day = meeting.flatMap(CalendarDay.init) ?? PickRun.nextMeeting(settings: loaded, today: today) else {
      throw ValidationError(Message("errors.usage.pick-no-meeting", ["path": .text(settingsFile.settings)]).description)
    }
    let outcome = try run.pick(
      ids, meeting: day, today: today, schedule: loaded?.meeting, force: force, language: language)
    for warning in outcome.warnings {
      Output.error("lingkar: " + Message("errors.warning", ["notice": .text(warning)]).description + "\n")
    }
    print(outcome.text)
  }
}
