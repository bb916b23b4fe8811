import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar board [--output DIR]`: the A4 board for the teachers' room.
struct BoardCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("board", key: "board") }

  @Option(help: Words.help("help.option.since"))
  var since = "last"

  @OptionGroup var language: LanguageOption

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw Words.usage("cli.usage.since")
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem.description) }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings) ?? Settings()
    let run = BoardRun(
      databasePath: database.db, topicsPath: topicsFile.topics, outputDirectory: outputFolder.output, settings: loaded,
      since: PeriodSpec(since) ?? .last, language: language.language)
    let (board, path) = try run.run()
    Output.standard(BoardRun.message(board, path: path).description + "\n")
  }
}
