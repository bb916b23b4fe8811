import Foundation
import LingkarModel

/// An exclusive `flock` on `feeds.txt.lock` (see `FileLock`), held around every read-modify-write
/// of the feeds file, so that two edits at once never lose one. The lock file stays; it holds nothing.
final class FeedListLock {
  private let lock: FileLock

  /// Waits up to `timeout` seconds for the lock.
  init(path: String, timeout: TimeInterval) throws(FeedListEditError) {
    do {
      lock = try FileLock(path: path, wait: timeout, pollInterval: 0.02)
    } catch {
      switch error {
      case .unavailable(let reason): throw .unwritable(path: path, reason: reason)
      case .held: throw .busy(path: path)
      }
    }
  }
}
