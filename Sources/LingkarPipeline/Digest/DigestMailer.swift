public import Foundation
import LingkarDigest
public import LingkarMail
public import LingkarModel

/// Sends a digest by e-mail: one message, its plain text and its HTML rendered from the `Digest`
/// value (the same renderers as `digest.txt` and `digest.html`; nothing is read back from
/// `output/`), to the addresses in the settings. Called after the digest is written and recorded,
/// so a failure to send loses nothing: the caller reports it and the digest stays where it is.
public enum DigestMailer {
  /// Sends `digest`; returns the recipients.
  @discardableResult
  public static func send(
    _ digest: Digest, settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
    now: Date = Date()
  ) throws(MailError) -> [MailAddress] {
    guard let mail = settings.mail else { throw .invalid(Message("errors.mail.no-settings")) }
    let strings = Strings.for(digest.language)
    var subject = strings.digestTitle(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
    if let school = settings.schoolName { subject += " · " + school }
    let message = MailMessage(
      from: mail.from, to: mail.to, subject: subject, text: TextRenderer().render(digest),
      html: HTMLRenderer().render(digest), date: now, utcOffset: settings.utcOffset)
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
        throw .credentials(Message("errors.mail.variable-unset", ["name": .text(name), "setting": "mail.user_env"]))
      }
      user = value
    }
    var password: String?
    if let path = mail.passwordFile {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .credentials(Message("errors.mail.password-file", ["path": .text(path)]))
      }
      let firstLine =
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      guard !firstLine.isEmpty else { throw .credentials(Message("errors.mail.password-empty", ["path": .text(path)])) }
      password = firstLine
    } else if let name = mail.passwordEnvironment {
      guard let value = environment[name], !value.isEmpty else {
        throw .credentials(
          Message("errors.mail.variable-unset", ["name": .text(name), "setting": "mail.password_env"]))
      }
      password = value
    }
    if password != nil && user == nil { throw .credentials(Message("errors.mail.password-without-user")) }
    return (user, password)
  }
}
