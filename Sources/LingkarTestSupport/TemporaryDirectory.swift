import Foundation

/// A fresh directory under the system's temporary directory, for real SQLite files and feeds files.
public struct TemporaryDirectory: Sendable {
  public let path: String

  public init() {
    path = NSTemporaryDirectory() + "lingkar-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  public func file(_ name: String) -> String { path + "/" + name }

  public func write(_ name: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
  }

  public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
