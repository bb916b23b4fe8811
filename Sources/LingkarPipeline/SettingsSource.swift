import Foundation
public import LingkarRank
public import LingkarModel
import LingkarSettings

/// The settings file for the commands (the executable imports only this module).
public enum SettingsSource {
  /// The settings at `path`, nil when there is no such file; throws every problem, one a line.
  public static func load(path: String) throws -> Settings? {
    try SettingsFile.load(path: path)
  }
}

/// The topics file for the commands, read the same way by the digest, the agenda, `topics` and
/// `topics pick`.
public enum TopicsFileSource {
  /// The topics file at `path`, or the built-in default when there is none; throws every problem,
  /// one a line.
  public static func load(path: String) throws(TopicRun.Failure) -> TopicsFile {
    guard FileManager.default.fileExists(atPath: path) else { return .builtIn }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TopicRun.Failure(description: "cannot read \(path)")
    }
    let name = (path as NSString).lastPathComponent
    let (file, errors) = TopicsFile.parseCollectingErrors(String(decoding: data, as: UTF8.self), file: name)
    if !errors.isEmpty { throw TopicRun.Failure(description: errors.map(\.description).joined(separator: "\n")) }
    return file
  }
}
