public import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part, and a set of files
/// (a digest's four files, the archive page and the Atom feed) as a whole. The one implementation
/// behind the digest's files (`AtomicFile` in the pipeline) and every edit of `feeds.txt`
/// (`FeedListFile`):
///
/// 1. every file's bytes go to a temporary file beside it, flushed to disk (`fsync`), with the
///    mode (and, where permitted, the owner) of the file it replaces;
/// 2. only when every temporary file is complete is each renamed over its target;
/// 3. then each folder is flushed, so the renames themselves survive a power cut.
///
/// A failure in step 1 (a full disk, a file size limit) removes the temporary files and leaves
/// every old file as it was. Temporary files are named `.NAME.lingkar-tmp-PID-RANDOM`, so a later
/// writer can tell those of a killed run and remove them (`removeStale`).
public enum AtomicWrite {
  public static let temporaryMarker = ".lingkar-tmp-"

  /// Why a file could not be written: the file (or folder) concerned and the system's reason.
  /// Callers put it in their own words.
  public struct Failure: Error, Sendable, Hashable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  /// A temporary file written completely, waiting to be renamed over `target`.
  public struct Staged: Sendable {
    public var temporary: String
    public var target: String
  }

  /// The system calls used, replaceable in tests (a disk that fills up, a record of the order).
  public struct Operations: Sendable {
    /// `write(2)`: bytes written, or -1 with `errno` set.
    public var write: @Sendable (Int32, UnsafeRawBufferPointer) -> Int
    /// `fsync(2)` of a file: 0, or -1 with `errno` set.
    public var sync: @Sendable (Int32) -> Int32
    /// `rename(2)`: 0, or -1 with `errno` set.
    public var rename: @Sendable (String, String) -> Int32
    /// Flushes a folder's entries to disk: 0, or -1 with `errno` set.
    public var syncDirectory: @Sendable (String) -> Int32

    public init(
      write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int, sync: @escaping @Sendable (Int32) -> Int32,
      rename: @escaping @Sendable (String, String) -> Int32, syncDirectory: @escaping @Sendable (String) -> Int32
    ) {
      self.write = write
      self.sync = sync
      self.rename = rename
      self.syncDirectory = syncDirectory
    }

    public static let system = Operations(
      write: { descriptor, buffer in
        #if canImport(Glibc)
          Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        #else
          Darwin.write(descriptor, buffer.baseAddress, buffer.count)
        #endif
      },
      sync: { fsync($0) },
      rename: { from, to in
        #if canImport(Glibc)
          Glibc.rename(from, to)
        #else
          Darwin.rename(from, to)
        #endif
      },
      syncDirectory: AtomicWrite.syncDirectory)
  }

  /// Writes one file (stage, then commit).
  public static func write(_ text: String, to path: String, operations: Operations = .system) throws(Failure) {
    try writeSet([(path, text)], operations: operations)
  }

  /// Writes one file's bytes (stage, then commit).
  public static func write(bytes: [UInt8], to path: String, operations: Operations = .system) throws(Failure) {
    try commit([try stage(bytes: bytes, for: path, operations: operations)], operations: operations)
  }

  /// Writes every file, then switches to all of them: each complete on disk before any is renamed.
  public static func writeSet(_ files: [(path: String, text: String)], operations: Operations = .system)
    throws(Failure)
  {
    var staged: [Staged] = []
    for (path, text) in files {
      do {
        staged.append(try stage(text, for: path, operations: operations))
      } catch {
        discard(staged)
        throw error
      }
    }
    try commit(staged, operations: operations)
  }

  /// Writes `text` to a new temporary file beside `path`, flushed, with the mode and owner of the
  /// file at `path` when there is one. Nothing is left behind when it fails.
  public static func stage(_ text: String, for path: String, operations: Operations) throws(Failure) -> Staged {
    try stage(bytes: Array(text.utf8), for: path, operations: operations)
  }

  /// Writes `bytes` to a new temporary file beside `path` (see `stage(_:for:operations:)`).
  public static func stage(bytes: [UInt8], for path: String, operations: Operations) throws(Failure) -> Staged {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temporary =
      directory + "/." + url.lastPathComponent + temporaryMarker + "\(getpid())-" + UUID().uuidString.prefix(8)
    var existing = stat()
    let replaces = stat(path, &existing) == 0
    let mode = replaces ? existing.st_mode & 0o7777 : 0o644
    // Created with the old file's mode (the umask may narrow it) and set exactly before any byte
    // is written, so the temporary file is never readable by more people than the old one.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replaces ? mode : 0o644)
    guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    if replaces {
      if existing.st_uid != geteuid() || existing.st_gid != getegid() {
        // Kept where permitted (root, or a group the user is in); otherwise the writer owns it.
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      }
      fchmod(descriptor, mode)
    }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = operations.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        if written == 0 {
          failure = String(cString: strerror(ENOSPC))
          return
        }
        offset += written
      }
    }
    if failure == nil && operations.sync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw Failure(path: path, reason: failure)
    }
    return Staged(temporary: temporary, target: path)
  }

  /// Renames every staged file over its target, in order, then flushes each folder once. A rename
  /// that fails (rare: the files are complete and in the same folder) stops the switch; the
  /// temporary files not yet renamed are removed.
  public static func commit(_ staged: [Staged], operations: Operations) throws(Failure) {
    var directories: [String] = []
    for (index, file) in staged.enumerated() {
      if operations.rename(file.temporary, file.target) != 0 {
        let reason = String(cString: strerror(errno))
        discard(Array(staged[index...]))
        throw Failure(path: file.target, reason: reason)
      }
      let directory = URL(fileURLWithPath: file.target).deletingLastPathComponent().path
      if !directories.contains(directory) { directories.append(directory) }
    }
    for directory in directories where operations.syncDirectory(directory) != 0 {
      // The new files are in place; only their durability across a power cut is in doubt.
      let reason = "the folder could not be flushed to disk: \(String(cString: strerror(errno)))"
      throw Failure(path: directory, reason: reason)
    }
  }

  /// Removes staged files that will not be used.
  public static func discard(_ staged: [Staged]) {
    for file in staged { unlink(file.temporary) }
  }

  /// `fsync` of a folder, so that a rename in it is on disk.
  public static func syncDirectory(_ path: String) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return -1 }
    var result = fsync(descriptor)
    // Some file systems cannot flush a folder; nothing more can be done there.
    if result != 0 && (errno == EINVAL || errno == ENOTSUP) { result = 0 }
    let saved = errno
    close(descriptor)
    errno = saved
    return result
  }

  /// How old a temporary file must be before it counts as left behind even when its process id is
  /// still in use (by an unrelated process, after the id was reused).
  public static let staleAge: TimeInterval = 10 * 60

  /// Removes the temporary files a killed writer left in `directory`: those whose process is gone,
  /// and any older than `staleAge`. The caller holds the lock that serialises the writers (the run
  /// lock, the feeds file's lock), so no other Lingkar is writing them. With `target`, only that
  /// file's temporary files are looked at, including the `.NAME.PID.RANDOM.tmp` form that edits of
  /// `feeds.txt` used before. Returns the names removed.
  @discardableResult
  public static func removeStale(in directory: String, target: String? = nil, now: Date = Date()) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var removed: [String] = []
    for name in names where name.hasPrefix(".") {
      guard let found = temporary(name, of: target) else { continue }
      let path = directory + "/" + name
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular
      else { continue }
      let modified = attributes[.modificationDate] as? Date ?? now
      let ownerGone = found.owner.map { $0 > 0 && kill($0, 0) != 0 && errno == ESRCH } ?? false
      guard ownerGone || now.timeIntervalSince(modified) > staleAge else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// A temporary file's name, read: the process id in it, when it has one.
  private struct TemporaryName {
    var owner: Int32?
  }

  /// Whether `name` is a temporary file (of `target`, when given), and the process id in its name.
  private static func temporary(_ name: String, of target: String?) -> TemporaryName? {
    if let marker = name.range(of: temporaryMarker) {
      if let target, name[name.index(after: name.startIndex)..<marker.lowerBound] != target { return nil }
      return TemporaryName(owner: name[marker.upperBound...].split(separator: "-").first.flatMap { Int32($0) })
    }
    // The older form of the feeds file's edits: `.NAME.PID.RANDOM.tmp`, only ever with a process id.
    guard let target, name.hasPrefix("." + target + "."), name.hasSuffix(".tmp") else { return nil }
    let middle = name.dropFirst(target.count + 2).dropLast(4).split(separator: ".")
    guard middle.count == 2, let owner = Int32(middle[0]), owner > 0 else { return nil }
    return TemporaryName(owner: owner)
  }
}
