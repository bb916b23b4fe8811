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

  @OptionGroup var database: DatabaseOption
  @OptionGroup var topicsFile: TopicsOption
  @OptionGroup var feedsFile: FeedsFileOption
  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if let date, CalendarDay(date) == nil { throw ValidationError("--date must be a date YYYY-MM-DD") }
  }

  func run() throws {
    let settings = settingsFile.settings
    let output = outputFolder.output
    guard let loaded = try SettingsLoader.load(settings) else {
      throw LingkarFailure(Message("errors.setup.mail_no_settings", ["path": .text(settings)]))
    }
    guard loaded.mail != nil else {
      throw LingkarFailure(Message("errors.setup.mail_not_set_up", ["path": .text(settings)]))
    }
    // The digest as recorded in the database, its period ranked again (the store keeps what a
    // digest was, not its pages); output/ is never read back.
    let options = DigestRunOptions(
      databasePath: database.db, feedsPath: feedsFile.feeds, topicsPath: topicsFile.topics, outputDirectory: output,
      settingsPath: settings)
    guard let digest = try DigestRun(options: options).rebuild(date: date) else {
      throw LingkarFailure("no digest \(date.map { "of \($0) " } ?? "")in \(database.db); write one with lingkar run")
    }
    do {
      let recipients = try DigestMailer.send(digest, settings: loaded)
      print(
        "sent the digest of \(digest.dateStamp) to \(recipients.count) \(recipients.count == 1 ? "address" : "addresses")"
      )
    } catch {
      throw LingkarFailure("the digest was not sent: \(error)", cause: error)
    }
  }
}
