public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Edits a feeds file on disk safely: under a lock (`PATH.lock`), the file is read, changed, and
/// written back atomically (a temporary file in the same directory, flushed, then renamed over the
/// old one, with the old file's permissions). A reader sees the old file or the new one, never half
/// of either; two edits at once are done one after the other.
///
/// ```swift
/// try FeedListFile(path: "feeds.txt").edit { text in
///   text.append("https://guru.example/feed/ \"blog\"")
/// }
/// ```
public struct FeedListFile: Sendable {
  public let path: String
  /// How long to wait for another edit to finish.
  public var lockTimeout: TimeInterval = 30

  public init(path: String) {
    self.path = path
  }

  /// The directory relative local paths in the file are resolved against.
  public var directory: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
  /// The file's name, for `feeds.txt:LINE: message` diagnostics.
  public var fileName: String { URL(fileURLWithPath: path).lastPathComponent }

  /// The file as it is now (empty when it does not exist yet).
  public func read() throws(FeedListEditError) -> FeedListText {
    if !FileManager.default.fileExists(atPath: path) { return FeedListText([UInt8]()) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path)
    }
    return FeedListText(Array(data))
  }

  /// Parses text of this file into feeds, with diagnostics named after the file.
  public func list(_ text: FeedListText) -> FeedList {
    FeedList(text: text, fileName: fileName, directory: directory)
  }

  /// The feeds of the file as it is now: the one way every command reads the feeds file (leniently:
  /// any line break, bytes that are not UTF-8 read as U+FFFD), so that `run`, `fetch`, `digest` and
  /// the `feeds` commands all see the same feeds on the same line numbers.
  /// - Parameter mustExist: when true, a missing file is an error rather than an empty list.
  public func readList(mustExist: Bool = false) throws(FeedListEditError) -> FeedList {
    if mustExist && !FileManager.default.fileExists(atPath: path) { throw .unreadable(path: path) }
    return list(try read())
  }

  /// Runs `change` on the current text under the lock and writes the result back when it differs.
  /// Whatever `change` throws leaves the file untouched and is rethrown.
  @discardableResult
  public func edit<Result>(_ change: (inout FeedListText) throws -> Result) throws -> Result {
    let lock = try FeedListLock(path: path + ".lock", timeout: lockTimeout)
    defer { withExtendedLifetime(lock) {} }
    let before = try read()
    var text = before
    let result = try change(&text)
    if text != before { try write(text.bytes) }
    return result
  }

  private func write(_ bytes: [UInt8]) throws(FeedListEditError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp").path
    var info = stat()
    let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    var written = 0
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      while written < raw.count {
        let count = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        written += count
      }
    }
    if failure == 0, fsync(descriptor) != 0 { failure = errno }
    fchmod(descriptor, mode)
    close(descriptor)
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw .unwritable(path: path, reason: String(cString: strerror(failure)))
    }
  }
}

/// Why the feeds file could not be changed.
public enum FeedListEditError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file exists but cannot be read.
  case unreadable(path: String)
  /// The file (or its temporary copy, or its lock) cannot be written.
  case unwritable(path: String, reason: String)
  /// Another edit held the lock for too long.
  case busy(path: String)

  public var description: String {
    switch self {
    case .unreadable(let path): "cannot read \(path); check that it is a file you may read"
    case .unwritable(let path, let reason):
      "cannot write \(path) (\(reason)); check that you may write in its folder"
    case .busy(let path):
      "another edit of the feeds file has held \(path) for too long; try again, or remove the lock file if no lingkar is running"
    }
  }
}
