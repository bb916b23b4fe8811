import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive `flock` on `feeds.txt.lock`, held around every read-modify-write of the feeds file,
/// so that two edits at once never lose one. The lock file stays; it holds nothing.
final class FeedListLock {
  private let descriptor: Int32

  /// Waits up to `timeout` seconds for the lock.
  init(path: String, timeout: TimeInterval) throws(FeedListEditError) {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    let deadline = Date().addingTimeInterval(timeout)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(descriptor)
        throw .busy(path: path)
      }
      usleep(20_000)
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
