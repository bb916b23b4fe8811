public import Foundation
import LingkarModel

/// An exclusive lock held for a whole run (`flock` on `<database>.lock`, see `FileLock`), so two
/// runs never both write. The kernel drops it when the process ends, even when it is killed. The
/// lock file is removed when the run lets go, so a run (even one that stopped before opening the
/// database) leaves no `lingkar.db.lock` behind; a killed run's file is reused by the next run.
public final class RunLock {
  private let lock: FileLock

  /// Takes the lock, trying again for up to `wait` seconds while another run holds it.
  public init(path: String, wait: TimeInterval) throws(StoreError) {
    try DatabaseFolder.require(path)
    do {
      lock = try FileLock(path: path, wait: wait, pollInterval: 0.1, removeWhenReleased: true)
    } catch {
      switch error {
      case .unavailable(let reason): throw .lockUnavailable(path: path, reason: reason)
      case .held: throw .locked(path: path)
      }
    }
  }
}
