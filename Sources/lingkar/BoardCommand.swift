import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar board [--output DIR]`: the A4 board for the teachers' room.
struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board",
    abstract: "Write the board for the teachers' room: output/YYYY-MM-DD/board.html, ready to print on A4.",
    discussion: """
      The board holds the articles teachers shared this period, then the best readings of its topics, eight to \
      a page, each with a QR code that opens it on a phone.
      """
  )

  @Option(help: "Where the articles start: last, Nd or YYYY-MM-DD (default: since the previous digest).")
  var since = "last"

  @Option(help: "The language of Lingkar's own words: id or en (default: lingkar.yaml's language, else LANG, else id).")
  var lang: String?

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw ValidationError("--since must be last, Nd (e.g. 14d) or YYYY-MM-DD")
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem) }
    if let lang, DigestLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be id or en") }
  }

  func run() throws {
    let loaded = try SettingsLoader.load(settingsFile.settings) ?? Settings()
    let run = BoardRun(
      databasePath: database.db, topicsPath: topicsFile.topics, outputDirectory: outputFolder.output, settings: loaded,
      since: PeriodSpec(since) ?? .last, language: lang.flatMap(DigestLanguage.init(rawValue:)))
    let (board, path) = try run.run()
    Output.standard(BoardRun.message(board, path: path).description + "\n")
  }
}
