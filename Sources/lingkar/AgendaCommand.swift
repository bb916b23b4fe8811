import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar agenda`: the meeting handout.
struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "Write the meeting handout: output/MEETING-DATE/agenda.html and agenda.md.",
    discussion: """
      The handout lists the topics picked with 'lingkar topics pick', three to five readings each from the
      items since the previous meeting, discussion prompts, the facilitator, room for notes, and this
      fortnight's book-club chapter with related items (from lingkar.yaml).
      """
  )

  @Option(help: "The meeting's date, YYYY-MM-DD (default: the schedule's next meeting).")
  var meeting: String?

  @Option(help: "Where the readings start: last, Nd or YYYY-MM-DD (default: the previous meeting).")
  var since: String?

  @Option(help: "The language of Lingkar's own words: id or en (default: lingkar.yaml's language, else LANG, else id).")
  var lang: String?

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if let meeting, CalendarDay(meeting) == nil {
      throw ValidationError(Message("errors.usage.date", ["flag": "--meeting"]).description)
    }
    if let since, PeriodSpec(since) == nil {
      throw ValidationError(Message("errors.usage.since").description)
    }
    if let lang, DigestLanguage(rawValue: lang) == nil { throw ValidationError(Message("errors.lang").description) }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings) ?? Settings()
    let run = AgendaRun(
      databasePath: database.db, topicsPath: topicsFile.topics, outputDirectory: outputFolder.output, settings: loaded,
      meeting: meeting.flatMap(CalendarDay.init), since: since.flatMap(PeriodSpec.init),
      language: lang.flatMap(DigestLanguage.init(rawValue:)))
    let (agenda, paths) = try run.run()
    if agenda.topics.isEmpty {
      Output.error("lingkar: " + Message("errors.agenda.no-picks", ["day": "\(agenda.meeting)"]).description + "\n")
    }
    for path in paths { print(path) }
  }
}
