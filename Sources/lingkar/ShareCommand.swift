import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar share URL [--note TEXT] --by NAME`: one article a teacher found, for the next digest and the board.
struct ShareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "share",
    abstract: "Share one article: it appears in the next digest (\"shared by NAME\") and on the board.",
    discussion: """
      The page is fetched (http or https only, 5 MB and 20 seconds at most) and its title and description are \
      read. The same article shared again, by anyone, stays one item with every sharer.
      """
  )

  @Argument(help: "The article's address (http or https).")
  var url: String

  @Option(help: "What you want to say about it.")
  var note: String?

  @Option(help: "Who is sharing it (shown as \"shared by NAME\").")
  var by: String

  @Option(help: "A title to use when the page has none.")
  var title: String?

  @OptionGroup var database: DatabaseOption

  func run() throws {
    let outcome = try ShareRun(databasePath: database.db).share(url: url, by: by, note: note, title: title)
    Output.standard(outcome.message.description + "\n")
    if outcome.untitled { Output.error("lingkar: \(Message("cli.share.no_title"))\n") }
    if outcome.alreadySharedByThem, note != nil { Output.standard("\(Message("cli.share.note_updated"))\n") }
  }
}
