/// How the digest goes out by e-mail: the SMTP server, the sender, the recipients and where the
/// credentials are (a file or environment variables; never the command line).
public struct MailSettings: Sendable, Hashable {
  /// When to use TLS on an `smtp://` connection (`smtps://` is TLS from the start).
  public enum TLS: String, Sendable, Hashable, CaseIterable {
    /// STARTTLS when the server offers it, plain text otherwise (curl's `CURLUSESSL_TRY`).
    case `try`
    /// STARTTLS or fail (curl's `CURLUSESSL_ALL`).
    case required
  }

  /// `smtp://host:587` or `smtps://host:465`; a path names the EHLO domain.
  public var url: String
  public var from: MailAddress
  public var to: [MailAddress]
  public var tls: TLS
  /// Send the digest after every `lingkar run`, without `--mail`.
  public var send: Bool
  /// The user name, as written in the settings.
  public var user: String?
  /// Or the name of an environment variable holding it.
  public var userEnvironment: String?
  /// A file holding the password (its first line).
  public var passwordFile: String?
  /// Or the name of an environment variable holding it.
  public var passwordEnvironment: String?
  /// Seconds allowed for the whole conversation with the server.
  public var timeoutSeconds: Int
  /// The facilitator's address (`mail.admin`): the only one that gets the feeds needing attention,
  /// in a message of their own; the teachers' mail never lists them. Nil: nobody gets the list.
  public var admin: MailAddress?

  public init(
    url: String, from: MailAddress, to: [MailAddress], tls: TLS = .try, send: Bool = false, user: String? = nil,
    userEnvironment: String? = nil, passwordFile: String? = nil, passwordEnvironment: String? = nil,
    timeoutSeconds: Int = 60
  ) {
    self.url = url
    self.from = from
    self.to = to
    self.tls = tls
    self.send = send
    self.user = user
    self.userEnvironment = userEnvironment
    self.passwordFile = passwordFile
    self.passwordEnvironment = passwordEnvironment
    self.timeoutSeconds = timeoutSeconds
  }
}
