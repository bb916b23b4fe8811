public import LingkarModel

/// A problem in the settings file, with the line it is on (`lingkar.yaml:7: ...`).
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file's name as shown to people.
  public var file: String
  /// 1-based; 0 when the problem has no line (an unreadable file).
  public var line: Int
  /// What is wrong and what to do, for people.
  public var problem: Message

  public init(file: String, line: Int, problem: Message) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  /// The problem in the process's language (`Catalogue.current`).
  public var message: String { problem.description }

  /// `lingkar.yaml:7: problem`, as compilers write it, in `language`.
  public func text(in language: DigestLanguage) -> String {
    line > 0 ? "\(file):\(line): \(problem.text(in: language))" : "\(file): \(problem.text(in: language))"
  }

  public var description: String { text(in: Catalogue.current) }
}
