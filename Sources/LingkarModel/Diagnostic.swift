/// A problem found while running, printed on stderr and never stopping the run.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// Where the run stood when the problem came up.
  public enum Stage: String, Sendable, Hashable {
    case feedList = "feeds"
    case fetch
    case parse
    case store
  }

  /// What the problem is about: `feeds.txt:12`, or a feed's address.
  public var subject: String
  public var stage: Stage
  /// The problem, not yet in a language: the digest says it in its own, the command line in the
  /// process's.
  public var said: Message

  public init(subject: String, stage: Stage, said: Message) {
    self.subject = subject
    self.stage = stage
    self.said = said
  }

  /// The problem in the process's language (`Catalogue.current`).
  public var message: String { said.description }

  /// The problem in `language`, after its subject.
  public func text(in language: DigestLanguage) -> String { "\(subject): \(said.text(in: language))" }

  public var description: String { "\(subject): \(message)" }
}
