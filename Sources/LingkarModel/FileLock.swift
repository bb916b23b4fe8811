public import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a lock file, the one loop behind the run lock (`lingkar.db.lock`) and the
/// feeds file's lock (`feeds.txt.lock`). The kernel drops the lock when the process ends, even when
/// it is killed. Callers turn `Failure` into their own message and exit code.
///
/// With `removeWhenReleased`, the lock file is removed as the lock is let go, so a run leaves no
/// file behind. That is safe because the file is removed while the lock is still held, and every
/// taker checks, once it holds the lock, that the path still names the file it locked: one that
/// waited on a removed file starts again on the file now at the path (or a new one).
public final class FileLock {
  /// Why the lock was not taken.
  public enum Failure: Error, Sendable, Hashable {
    /// The lock file cannot be opened or created; `reason` is the system's (`strerror`).
    case unavailable(reason: String)
    /// Another holder kept it for longer than the wait.
    case held
  }

  public let path: String
  private var descriptor: Int32
  private let removeWhenReleased: Bool

  /// Takes the lock, trying again every `pollInterval` seconds for up to `wait` seconds while
  /// someone else holds it.
  public init(path: String, wait: TimeInterval, pollInterval: TimeInterval, removeWhenReleased: Bool = false)
    throws(Failure)
  {
    self.path = path
    self.removeWhenReleased = removeWhenReleased
    let deadline = Date().addingTimeInterval(wait)
    let pause = useconds_t(max(1_000, min(pollInterval, 10) * 1_000_000))
    while true {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw .unavailable(reason: String(cString: strerror(errno))) }
      while flock(fd, LOCK_EX | LOCK_NB) != 0 {
        guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
          close(fd)
          throw .held
        }
        usleep(pause)
      }
      if Self.names(path, fd) {
        descriptor = fd
        return
      }
      // The previous holder removed the file as it let go: this lock guards nothing any more.
      close(fd)
    }
  }

  /// Whether `path` is (still) the file open on `descriptor`.
  private static func names(_ path: String, _ descriptor: Int32) -> Bool {
    var open = stat()
    var named = stat()
    guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
    return open.st_dev == named.st_dev && open.st_ino == named.st_ino
  }

  /// Lets go of the lock (and removes the file, when asked to); also done when the lock is dropped.
  public func release() {
    guard descriptor >= 0 else { return }
    // Removed while still held, and only when the path is still ours: see the type's comment.
    if removeWhenReleased && Self.names(path, descriptor) { unlink(path) }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
