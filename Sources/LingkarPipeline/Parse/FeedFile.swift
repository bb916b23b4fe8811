import Foundation
public import LingkarModel
import LingkarParse

/// Parses feed files from disk, streaming each through the parser in 64 KiB pieces, so memory
/// stays bounded by the largest single feed.
public enum FeedFile {
  /// Why a file could not be turned into a feed.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var path: String
    /// What is wrong, for people.
    public var problem: Message
    /// The problem in the process's language (`Catalogue.current`).
    public var message: String { problem.description }
    public var description: String { "\(path): \(message)" }
  }

  public static func parse(path: String, baseURL: String? = nil) throws(Failure) -> FeedDocument {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Failure(path: path, problem: Message("errors.parse.open"))
    }
    defer { try? handle.close() }
    let session = FeedParser.Session(baseURL: baseURL)
    do {
      while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
        chunk.withUnsafeBytes { session.consume($0) }
      }
    } catch {
      throw Failure(path: path, problem: Message("errors.parse.read"))
    }
    do {
      return try session.finish()
    } catch {
      throw Failure(path: path, problem: error.message)
    }
  }
}
