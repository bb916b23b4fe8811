public import LingkarModel

/// Why an e-mail was not sent, in plain words.
public enum MailError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The settings cannot make a message (no recipient, a bad address).
  case invalid(Message)
  /// The credentials could not be read (a missing file or environment variable).
  case credentials(Message)
  /// The conversation with the server failed: curl's code, what happened in our words, and the
  /// server's last reply code (curl's own English detail is left out; the codes are for developers).
  case smtp(code: Int, message: Message, reply: Int)

  /// What happened and what to do, for people.
  public var message: Message {
    switch self {
    case .invalid(let reason): Message("errors.mail.invalid", ["reason": .message(reason)])
    case .credentials(let reason): Message("errors.mail.credentials", ["reason": .message(reason)])
    case .smtp(let code, let message, let reply):
      reply > 0
        ? Message(
          "errors.mail.smtp.reply", ["reason": .message(message), "code": .number(code), "reply": .number(reply)])
        : Message("errors.mail.smtp", ["reason": .message(message), "code": .number(code)])
    }
  }

  public var description: String { message.description }
}
