import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar mail`: sends a written digest by e-mail (what `lingkar run --mail` does after a run).
struct MailCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mail",
    abstract: "Send a written digest by e-mail to the addresses in lingkar.yaml.",
    discussion: """
      The server, sender, recipients and credentials come from the mail: part of lingkar.yaml; the password
      is read from mail.password_file or the environment variable named by mail.password_env, never from
      the command line.
      """
  )

  @Option(help: "The digest's date, YYYY-MM-DD (default: the newest digest recorded in the database).")
  var date: String?

  @Option(help: "The SQLite database (where every digest is recorded).")
  var db = "lingkar.db"

  @Option(help: "The topics file (the built-in default when it does not exist).")
  var topics = "topics.txt"

  @Option(help: "The feeds file (the digest's list of feeds).")
  var feeds = "feeds.txt"

  @Option(help: "The output folder (read once, to adopt what an older Lingkar kept only there).")
  var output = "output"

  @Option(help: "The settings file.")
  var settings = "lingkar.yaml"

  func validate() throws {
    if let date, CalendarDay(date) == nil { throw ValidationError("--date must be a date YYYY-MM-DD") }
  }

  func run() throws {
    guard let loaded = try SettingsLoader.load(settings), loaded.mail != nil else {
      Output.error("lingkar: \(settings) has no mail: settings; see lingkar.example.yaml\n")
      throw ExitCode.failure
    }
    // The digest as recorded in the database, its period ranked again (the store keeps what a
    // digest was, not its pages); output/ is never read back.
    let options = DigestRunOptions(
      databasePath: db, feedsPath: feeds, topicsPath: topics, outputDirectory: output, settingsPath: settings)
    let digest: Digest
    do {
      guard let rebuilt = try DigestRun(options: options).rebuild(date: date) else {
        Output.error("lingkar: no digest \(date.map { "of \($0) " } ?? "")in \(db); write one with lingkar run\n")
        throw ExitCode.failure
      }
      digest = rebuilt
    } catch let error as DigestRunError {
      Output.error("lingkar: \(error)\n")
      throw ExitCode(error.isLocked ? 3 : 1)
    }
    do {
      let recipients = try DigestMailer.send(digest, settings: loaded)
      print(
        "sent the digest of \(digest.dateStamp) to \(recipients.count) \(recipients.count == 1 ? "address" : "addresses")")
    } catch {
      Output.error("lingkar: the digest was not sent: \(error)\n")
      throw ExitCode.failure
    }
  }
}
