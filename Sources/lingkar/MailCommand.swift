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

  @Option(help: "The digest's date, YYYY-MM-DD (default: the newest digest in the output folder).")
  var date: String?

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  func validate() throws {
    if let date, CalendarDay(date) == nil { throw ValidationError("--date must be a date YYYY-MM-DD") }
  }

  func run() throws {
    let settings = settingsFile.settings
    let output = outputFolder.output
    guard let loaded = try SettingsLoader.load(settings), loaded.mail != nil else {
      throw LingkarFailure("\(settings) has no mail: settings; see lingkar.example.yaml")
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter {
      CalendarDay($0) != nil && FileManager.default.fileExists(atPath: output + "/" + $0 + "/digest.json")
    }
    guard let day = date ?? names.max() else {
      throw LingkarFailure("no digest in \(output)/; write one with lingkar run")
    }
    do {
      let recipients = try DigestMailer.send(folder: output + "/" + day, settings: loaded)
      print("sent the digest of \(day) to \(recipients.count) \(recipients.count == 1 ? "address" : "addresses")")
    } catch {
      throw LingkarFailure("the digest was not sent: \(error)", cause: error)
    }
  }
}
