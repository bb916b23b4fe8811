public import LingkarModel

/// A problem in a topics file, with the line it was found on.
public struct TopicsFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name as the user gave it (`topics.txt`).
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// What is wrong, for people.
  public var problem: Message

  public init(file: String, line: Int, problem: Message) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  /// The problem in the process's language (`Catalogue.current`).
  public var message: String { problem.description }

  /// `topics.txt:12: problem`, as compilers write it, in `language`.
  public func text(in language: DigestLanguage) -> String { "\(file):\(line): \(problem.text(in: language))" }

  public var description: String { text(in: Catalogue.current) }
}
