/// Why an e-mail was not sent, in plain words.
public enum MailError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The settings cannot make a message (no recipient, a bad address).
  case invalid(String)
  /// The credentials could not be read (a missing file or environment variable).
  case credentials(String)
  /// The conversation with the server failed: curl's code, its words and the server's last reply code.
  case smtp(code: Int, message: String, reply: Int)

  public var description: String {
    switch self {
    case .invalid(let message): return "the e-mail cannot be made: \(message)"
    case .credentials(let message): return "the mail credentials cannot be read: \(message)"
    case .smtp(_, let message, let reply): return reply > 0 ? "\(message) (server reply \(reply))" : message
    }
  }
}
