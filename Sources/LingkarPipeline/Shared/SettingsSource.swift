import Foundation
public import LingkarModel
public import LingkarRank
import LingkarSettings

/// The settings file for the commands (the executable imports only this module).
public enum SettingsSource {
  /// The settings at `path`, nil when there is no such file; its problems are the failure's
  /// message, one a line.
  public static func load(path: String) throws(LingkarFailure) -> Settings? {
    do {
      return try SettingsFile.load(path: path)
    } catch {
      throw LingkarFailure(settings: error)
    }
  }
}

/// The topics file for the commands, read the same way by the digest, the agenda, `topics` and
/// `topics pick`.
public enum TopicsFileSource {
  /// The topics file at `path`, or the built-in default when there is none; throws every problem,
  /// one a line.
  public static func load(path: String) throws(LingkarFailure) -> TopicsFile {
    // Opened without blocking and judged as a regular file first: a FIFO would wait for ever.
    let read: Data?
    do {
      read = try RegularFile.read(path)
    } catch {
      throw LingkarFailure(error.message, cause: error)
    }
    guard let data = read else { return .builtIn }
    let name = (path as NSString).lastPathComponent
    let (file, errors) = TopicsFile.parseCollectingErrors(String(decoding: data, as: UTF8.self), file: name)
    if !errors.isEmpty {
      throw LingkarFailure(LingkarFailure.listing(errors.map { ($0.file, $0.line, $0.problem) }), cause: errors[0])
    }
    return file
  }
}
