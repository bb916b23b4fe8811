import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar share URL [--note TEXT] --by NAME`: one article a teacher found, for the next digest and the board.
struct ShareCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("share", key: "share") }

  @Argument(help: Words.help("help.share.url"))
  var url: String

  @Option(help: Words.help("help.share.note"))
  var note: String?

  @Option(help: Words.help("help.share.by"))
  var by: String

  @Option(help: Words.help("help.share.title"))
  var title: String?

  @OptionGroup var database: DatabaseOption

  @OptionGroup var language: LanguageOption

  func run() throws {
    let outcome = try ShareRun(databasePath: database.db).share(url: url, by: by, note: note, title: title)
    Output.standard(outcome.message.description + "\n")
    if outcome.untitled { Output.error("lingkar: \(Message("cli.share.no_title"))\n") }
    if outcome.alreadySharedByThem, note != nil { Output.standard("\(Message("cli.share.note_updated"))\n") }
  }
}
