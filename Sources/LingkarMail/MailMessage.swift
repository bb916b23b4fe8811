public import Foundation
public import LingkarModel

/// One e-mail: a plain-text and an HTML version of the same content (multipart/alternative).
public struct MailMessage: Sendable, Hashable {
  public var from: MailAddress
  public var to: [MailAddress]
  public var subject: String
  /// The plain-text version (line breaks as `\n`).
  public var text: String
  /// The HTML version, a whole document.
  public var html: String
  /// The Date header.
  public var date: Date
  /// Seconds east of UTC for the Date header.
  public var utcOffset: Int
  /// The Message-ID header, without angle brackets; made from a random UUID and the sender's
  /// domain when nil.
  public var messageID: String?

  public init(
    from: MailAddress, to: [MailAddress], subject: String, text: String, html: String, date: Date = Date(),
    utcOffset: Int = 0, messageID: String? = nil
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.text = text
    self.html = html
    self.date = date
    self.utcOffset = utcOffset
    self.messageID = messageID
  }
}
