public import Foundation
import LingkarDigest
public import LingkarMail
public import LingkarModel

/// Sends a written digest by e-mail: one message, its plain text from `digest.txt` and its HTML
/// from `digest.html`, to the addresses in the settings. Called after the digest is on disk, so a
/// failure to send loses nothing: the caller reports it and the digest stays where it is.
public enum DigestMailer {
  /// Sends the digest in `folder` (`output/YYYY-MM-DD`); returns the recipients.
  @discardableResult
  public static func send(
    folder: String, settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
    now: Date = Date()
  ) throws(MailError) -> [MailAddress] {
    guard let mail = settings.mail else { throw .invalid("lingkar.yaml has no mail: settings") }
    func read(_ name: String) throws(MailError) -> String {
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
        throw .invalid("\(folder)/\(name) cannot be read")
      }
      return String(decoding: data, as: UTF8.self)
    }
    let text = try read("digest.txt")
    let html = try read("digest.html")
    let json = Data(try read("digest.json").utf8)
    let date = (folder as NSString).lastPathComponent
    guard let entry = DigestWriter.entry(date: date, json: json) else { throw .invalid("\(folder)/digest.json is not a digest") }
    let strings = Strings.for(entry.language)
    var subject = strings.digestTitle(from: entry.period.from, to: entry.period.to, utcOffset: entry.utcOffset)
    if let school = settings.schoolName { subject += " · " + school }
    let message = MailMessage(
      from: mail.from, to: mail.to, subject: subject, text: text, html: html, date: now, utcOffset: settings.utcOffset)
    return try send(message, mail: mail, environment: environment)
  }

  /// Sends any message with the mail settings' server and credentials.
  @discardableResult
  public static func send(
    _ message: MailMessage, mail: MailSettings, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(MailError) -> [MailAddress] {
    let (user, password) = try credentials(mail, environment: environment)
    try SMTPSender(settings: mail, user: user, password: password).send(message)
    return message.to
  }

  /// The user name and password: written in the settings, or read from the named file or
  /// environment variables (never from the command line).
  public static func credentials(
    _ mail: MailSettings, environment: [String: String]
  ) throws(MailError) -> (user: String?, password: String?) {
    var user = mail.user
    if let name = mail.userEnvironment {
      guard let value = environment[name], !value.isEmpty else {
        throw .credentials("the environment variable \(name) (mail.user_env) is not set")
      }
      user = value
    }
    var password: String?
    if let path = mail.passwordFile {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .credentials("the password file \(path) (mail.password_file) cannot be read")
      }
      let firstLine = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      guard !firstLine.isEmpty else { throw .credentials("the password file \(path) is empty") }
      password = firstLine
    } else if let name = mail.passwordEnvironment {
      guard let value = environment[name], !value.isEmpty else {
        throw .credentials("the environment variable \(name) (mail.password_env) is not set")
      }
      password = value
    }
    if password != nil && user == nil { throw .credentials("a password is given but no mail.user or mail.user_env") }
    return (user, password)
  }
}
