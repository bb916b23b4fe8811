import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar mail`: sends a written digest by e-mail (what `lingkar run --mail` does after a run).
struct MailCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("mail", key: "mail") }

  @Option(help: Words.help("help.mail.date"))
  var date: String?

  @OptionGroup var database: DatabaseOption
  @OptionGroup var topicsFile: TopicsOption
  @OptionGroup var feedsFile: FeedsFileOption
  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if let date, CalendarDay(date) == nil { throw Words.usage("cli.usage.date", ["given": .text(date)]) }
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
      throw LingkarFailure(
        date.map { Message("errors.mail.no-digest.date", ["day": .text("\($0)"), "path": .text(database.db)]) }
          ?? Message("errors.mail.no-digest", ["path": .text(database.db)]))
    }
    do {
      let recipients = try DigestMailer.send(digest, settings: loaded)
      print(Words.text("cli.mail.sent", ["day": .text(digest.dateStamp), "count": .number(recipients.count)]))
    } catch {
      throw LingkarFailure(
        Message("errors.mail.not-sent", ["reason": .message(LingkarFailure.reason(error))]), cause: error)
    }
  }
}
