/// A problem in a topics file, with the line it was found on.
public struct TopicsFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name as the user gave it (`topics.txt`).
  public var file: String
  /// 1-based line number.
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `topics.txt:12: message`, as compilers write it.
  public var description: String { "\(file):\(line): \(message)" }
}
