import Foundation
import LingkarModel

/// The digest's and the agenda's atomic writes: `AtomicWrite` (in LingkarModel, shared with the
/// feeds file's edits) with its failures put as `DigestWriteError`.
enum AtomicFile {
  typealias Operations = AtomicWrite.Operations

  /// Writes one file (stage, then commit).
  static func write(_ text: String, to path: String, operations: Operations = .system) throws(DigestWriteError) {
    do {
      try AtomicWrite.write(text, to: path, operations: operations)
    } catch {
      throw DigestWriteError(path: error.path, reason: error.reason)
    }
  }

  /// Writes every file, then switches to all of them: each complete on disk before any is renamed.
  static func writeSet(_ files: [(path: String, text: String)], operations: Operations = .system)
    throws(DigestWriteError)
  {
    do {
      try AtomicWrite.writeSet(files, operations: operations)
    } catch {
      throw DigestWriteError(path: error.path, reason: error.reason)
    }
  }

  /// Removes the temporary files a killed run left in `directory` (see `AtomicWrite.removeStale`).
  @discardableResult
  static func removeStale(in directory: String, now: Date = Date()) -> [String] {
    AtomicWrite.removeStale(in: directory, now: now)
  }
}
