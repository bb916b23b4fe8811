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
  public var message: String

  public init(subject: String, stage: Stage, message: String) {
    self.subject = subject
    self.stage = stage
    self.message = message
  }

  public var description: String { "\(subject): \(message)" }
}
