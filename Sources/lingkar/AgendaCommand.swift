import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar agenda`: the meeting handout.
struct AgendaCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("agenda", key: "agenda") }

  @Option(help: Words.help("help.agenda.meeting"))
  var meeting: String?

  @Option(help: Words.help("help.agenda.since"))
  var since: String?

  @OptionGroup var language: LanguageOption

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if let meeting, CalendarDay(meeting) == nil {
      throw Words.usage("cli.usage.meeting_date", ["given": .text(meeting)])
    }
    if let since, PeriodSpec(since) == nil { throw Words.usage("cli.usage.since", ["given": .text(since)]) }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings) ?? Settings()
    let run = AgendaRun(
      databasePath: database.db, topicsPath: topicsFile.topics, outputDirectory: outputFolder.output, settings: loaded,
      meeting: meeting.flatMap(CalendarDay.init), since: since.flatMap(PeriodSpec.init),
      language: language.language)
    let (agenda, paths) = try run.run()
    if agenda.topics.isEmpty {
      Output.error("lingkar: " + Words.text("cli.agenda.no_topics", ["day": .text(agenda.meeting.description)]) + "\n")
    }
    for path in paths { print(path) }
  }
}
