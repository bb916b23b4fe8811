import Foundation
import LingkarModel

#if canImport(Glibc)
  import Glibc
#endif

/// A local feed file from `feeds.txt`, opened for libcurl's `file://` reader without ever blocking.
///
/// libcurl opens a `file://` path with a plain, blocking `open()`: a FIFO there waits for a writer
/// for ever (with the run lock held), and a device or a folder is no feed either. So the path is
/// looked at first (`stat`, never opened unless it is a regular file), then opened here with
/// `O_NONBLOCK` and looked at again through the descriptor (it may have been swapped in between),
/// and libcurl reads `/proc/self/fd/N`: that names the very file checked, whatever happens to the
/// path meanwhile.
final class LocalFile {
  /// The address libcurl is given.
  let curlURL: String
  private let descriptor: Int32

  private init(curlURL: String, descriptor: Int32) {
    self.curlURL = curlURL
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// Opens the file a `file://` address names, or says in plain words why it is not read.
  static func open(_ url: String) -> Result<LocalFile, FetchFailure> {
    guard let parsed = URL(string: url), parsed.isFileURL, !parsed.path.isEmpty else {
      return .failure(.fileNotReadable)
    }
    let path = parsed.path
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(.fileNotReadable) }
    if let refusal = refusal(mode: info.st_mode) { return .failure(refusal) }
    let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.fileNotReadable) }
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      return .failure(.fileNotReadable)
    }
    if let refusal = refusal(mode: info.st_mode) {
      close(descriptor)
      return .failure(refusal)
    }
    // Without /proc (not Linux, or not mounted) the checked path itself is read: a small window remains.
    let viaDescriptor = access("/proc/self/fd", F_OK) == 0
    let curlURL = viaDescriptor ? "file:///proc/self/fd/\(descriptor)" : url
    return .success(LocalFile(curlURL: curlURL, descriptor: descriptor))
  }

  /// Nil for a regular file; otherwise why it is not read.
  private static func refusal(mode: mode_t) -> FetchFailure? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: .notRegularFile(kind: "folder")
    case S_IFIFO: .notRegularFile(kind: "pipe")
    case S_IFSOCK: .notRegularFile(kind: "socket")
    default: .notRegularFile(kind: "device")
    }
  }
}

/// The validators (`ETag`, `Last-Modified`) Lingkar stores and sends back: only values that are
/// valid header values, so that a hostile server cannot make Lingkar send a header of its choosing
/// (a CR in an `ETag` would end the `If-None-Match` line and start another).
enum HeaderValue {
  /// Longest value kept: real ETags and dates are far shorter.
  static let maxBytes = 512

  /// `value` when it is visible ASCII, spaces and tabs only, not empty and not too long; else nil.
  static func safe(_ value: String?) -> String? {
    guard let value, !value.isEmpty, value.utf8.count <= maxBytes,
      value.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 })
    else { return nil }
    return value
  }
}
