public import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock held for a whole run (`flock` on `<database>.lock`), so two runs never both
/// write. The kernel drops it when the process ends, even when it is killed.
public final class RunLock {
  private let descriptor: Int32

  /// Takes the lock, trying again for up to `wait` seconds while another run holds it.
  public init(path: String, wait: TimeInterval) throws(StoreError) {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .lockUnavailable(path: path, reason: String(cString: strerror(errno))) }
    let deadline = Date().addingTimeInterval(wait)
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(fd)
        throw .locked(path: path)
      }
      usleep(100_000)
    }
    descriptor = fd
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
