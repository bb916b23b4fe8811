/// The one way a Lingkar operation fails, whatever the command: what went wrong and what to do next,
/// in plain words; the kind, which is the command's exit code; and the error underneath, kept for
/// tests and logs. Lower layers (store, fetch, parse, settings, mail, feed list) throw their own
/// typed errors; each is turned into this one where the pipeline calls it, and the command line
/// prints the message once, in its entry point.
public struct LingkarFailure: Error, CustomStringConvertible {
  /// What kind of failure this is: it decides the exit code of the command-line contract.
  public enum Kind: Sendable, Hashable {
    /// Something went wrong; the message says what to do (exit code 1).
    case failure
    /// The command was asked for something it cannot do as given (exit code 2).
    case badUsage
    /// Another run holds the run lock (exit code 3).
    case locked

    public var exitCode: Int32 {
      switch self {
      case .failure: 1
      case .badUsage: 2
      case .locked: 3
      }
    }
  }

  public var kind: Kind
  /// What went wrong and what to do, for people, not yet in a language: the front end says it in
  /// its reader's language.
  public var said: Message
  /// `said` in the process's language (`Catalogue.current`).
  public var message: String { said.description }
  /// The error underneath, when there is one.
  public var cause: (any Error)?
  /// The message is a list of `file:line: problem` lines (the settings file's problems), printed as
  /// it is rather than after `lingkar: `, so that each line reads like a compiler's.
  public var isListing = false

  public init(_ said: Message, kind: Kind = .failure, cause: (any Error)? = nil) {
    self.kind = kind
    self.said = said
    self.cause = cause
  }

  /// A failure whose words are already made (to be replaced by catalogue messages).
  public init(_ message: String, kind: Kind = .failure, cause: (any Error)? = nil) {
    self.init(.verbatim(message), kind: kind, cause: cause)
  }

  public var description: String { message }
}
