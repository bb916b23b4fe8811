/// A problem in the settings file, with the line it is on (`lingkar.yaml:7: ...`).
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file's name as shown to people.
  public var file: String
  /// 1-based; 0 when the problem has no line (an unreadable file).
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
