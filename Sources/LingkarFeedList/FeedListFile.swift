public import Foundation
public import LingkarModel

#if canImport(Glibc)
  import Glibc
#endif

/// Edits a feeds file on disk safely: under a lock (`PATH.lock`), the file is read, changed, and
/// written back atomically (a temporary file in the same directory, flushed, then renamed over the
/// old one, with the old file's permissions and owner, and the directory flushed after the rename).
/// Temporary files of an edit that was killed are removed by the next edit. A reader sees the old
/// file or the new one, never half of either; two edits at once are done one after the other.
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
    // Opened without blocking and judged as a regular file first: `--feeds` naming a FIFO would
    // otherwise wait for a writer for ever.
    let data: Data?
    do {
      data = try RegularFile.read(path)
    } catch {
      if case .notRegular(_, let what) = error { throw .notRegularFile(path: path, what: what) }
      throw .unreadable(path: path)
    }
    return FeedListText(Array(data ?? Data()))
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
    if text != before {
      removeStaleTemporaries()
      try write(text.bytes)
    }
    return result
  }

  /// Flushes a folder's entries (the rename) to disk; replaceable in tests to watch the order.
  var syncDirectory: @Sendable (String) -> Int32 = FeedListFile.fsyncDirectory

  /// How old a temporary file must be to count as left behind even when its process id is in use
  /// (by an unrelated process, after the id was reused).
  static let staleAge: TimeInterval = AtomicWrite.staleAge

  /// Removes the temporary files of edits that were killed before their rename (`.feeds.txt.lingkar-tmp-PID-RANDOM`,
  /// and the older `.feeds.txt.PID.RANDOM.tmp`): those whose process is gone, and any older than
  /// `staleAge`. Called with the lock held, so no other edit is writing. Returns the names removed.
  @discardableResult
  func removeStaleTemporaries(now: Date = Date()) -> [String] {
    AtomicWrite.removeStale(in: directory, target: fileName, now: now)
  }

  /// `fsync` of a folder, so that a rename in it survives a power cut.
  static func fsyncDirectory(_ path: String) -> Int32 { AtomicWrite.syncDirectory(path) }

  /// Writes the file through `AtomicWrite`: a flushed temporary file with the old file's mode and
  /// owner, renamed over it, then the folder flushed.
  private func write(_ bytes: [UInt8]) throws(FeedListEditError) {
    var operations = AtomicWrite.Operations.system
    operations.syncDirectory = syncDirectory
    do {
      try AtomicWrite.write(bytes: bytes, to: path, operations: operations)
    } catch {
      throw .unwritable(path: error.path, reason: error.reason)
    }
  }
}

/// Why the feeds file could not be changed.
public enum FeedListEditError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file exists but cannot be read.
  case unreadable(path: String)
  /// The path names a FIFO, a folder or a device; `what` says which.
  case notRegularFile(path: String, what: String)
  /// The file (or its temporary copy, or its lock) cannot be written.
  case unwritable(path: String, reason: String)
  /// Another edit held the lock for too long.
  case busy(path: String)

  /// What is wrong and what to do, for people.
  public var message: Message {
    switch self {
    case .unreadable(let path): Message("errors.feeds-file.unreadable", ["path": .text(path)])
    case .notRegularFile(let path, let what):
      Message("errors.feeds-file.not-regular", ["path": .text(path), "kind": .message(RegularFile.kindMessage(what))])
    case .unwritable(let path, _): Message("errors.feeds-file.unwritable", ["path": .text(path)])
    case .busy(let path): Message("errors.feeds-file.busy", ["path": .text(path)])
    }
  }

  public var description: String { message.description }
}
