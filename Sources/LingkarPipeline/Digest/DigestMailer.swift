public import Foundation
import LingkarDigest
public import LingkarMail
public import LingkarModel

/// Sends a digest by e-mail: one message, its plain text and its HTML rendered from the `Digest`
/// value (the same renderers as `digest-full.txt` and `digest.html`; nothing is read back from
/// `output/`), to the addresses in the settings. Called after the digest is written and recorded,
/// so a failure to send loses nothing: the caller reports it and the digest stays where it is.
public enum DigestMailer {
  /// Sends `digest` to the teachers (`mail.to`), without the feeds needing attention; when the
  /// settings name the facilitator (`mail.admin`) and some feed needs attention, sends that list to
  /// the facilitator alone, in a message of its own. Returns the recipients of both.
  @discardableResult
  public static func send(
    _ digest: Digest, settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
    now: Date = Date()
  ) throws(MailError) -> [MailAddress] {
    guard let mail = settings.mail else { throw .invalid(Message("errors.mail.no-settings")) }
    var recipients: [MailAddress] = []
    for message in messages(digest, settings: settings, mail: mail, now: now) {
      recipients += try send(message, mail: mail, environment: environment)
    }
    return recipients
  }

  /// The messages `send` sends: the digest for the teachers, then the facilitator's list if any.
  static func messages(_ digest: Digest, settings: Settings, mail: MailSettings, now: Date) -> [MailMessage] {
    let catalogue = Catalogue.for(digest.language)
    let title = Strings.for(digest.language).digestTitle(
      from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
    let subject =
      settings.schoolName.map { catalogue.text("mail.subject.school", ["title": .text(title), "school": .text($0)]) }
      ?? catalogue.text("mail.subject", ["title": .text(title)])
    var text = TextRenderer()
    text.includeAttention = false
    var html = HTMLRenderer()
    html.includeAttention = false
    var messages = [
      MailMessage(
        from: mail.from, to: mail.to, subject: subject, text: text.render(digest), html: html.render(digest),
        date: now, utcOffset: settings.utcOffset)
    ]
    if let admin = mail.admin, AttentionRenderer.hasProblems(digest) {
      let attention = AttentionRenderer()
      messages.append(
        MailMessage(
          from: mail.from, to: [admin], subject: attention.subject(digest), text: attention.text(digest),
          html: attention.html(digest), date: now, utcOffset: settings.utcOffset))
    }
    return messages
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
