import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part, and a set of files
/// (a digest's four files, the archive page and the Atom feed) as a whole:
///
/// 1. every file's bytes go to a temporary file beside it, flushed to disk (`fsync`), with the
///    mode (and, where permitted, the owner) of the file it replaces;
/// 2. only when every temporary file is complete is each renamed over its target;
/// 3. then each folder is flushed, so the renames themselves survive a power cut.
///
/// A failure in step 1 (a full disk, a file size limit) removes the temporary files and leaves
/// every old file as it was. Temporary files are named `.NAME.lingkar-tmp-PID-RANDOM`, so a later
/// writer can tell those of a killed run and remove them (`removeStale`).
enum AtomicFile {
  static let temporaryMarker = ".lingkar-tmp-"

  /// A temporary file written completely, waiting to be renamed over `target`.
  struct Staged {
    var temporary: String
    var target: String
  }

  /// The system calls used, replaceable in tests (a disk that fills up, a record of the order).
  struct Operations: Sendable {
    /// `write(2)`: bytes written, or -1 with `errno` set.
    var write: @Sendable (Int32, UnsafeRawBufferPointer) -> Int
    /// `fsync(2)` of a file: 0, or -1 with `errno` set.
    var sync: @Sendable (Int32) -> Int32
    /// `rename(2)`: 0, or -1 with `errno` set.
    var rename: @Sendable (String, String) -> Int32
    /// Flushes a folder's entries to disk: 0, or -1 with `errno` set.
    var syncDirectory: @Sendable (String) -> Int32

    static let system = Operations(
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
      syncDirectory: AtomicFile.syncDirectory)
  }

  /// Writes one file (stage, then commit).
  static func write(_ text: String, to path: String, operations: Operations = .system) throws(DigestWriteError) {
    try writeSet([(path, text)], operations: operations)
  }

  /// Writes every file, then switches to all of them: each complete on disk before any is renamed.
  static func writeSet(_ files: [(path: String, text: String)], operations: Operations = .system)
    throws(DigestWriteError)
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
  static func stage(_ text: String, for path: String, operations: Operations) throws(DigestWriteError) -> Staged {
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
    guard descriptor >= 0 else { throw DigestWriteError(path: path, reason: String(cString: strerror(errno))) }
    if replaces {
      if existing.st_uid != geteuid() || existing.st_gid != getegid() {
        // Kept where permitted (root, or a group the user is in); otherwise the writer owns it.
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      }
      fchmod(descriptor, mode)
    }
    var failure: String?
    let bytes = Array(text.utf8)
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
      throw DigestWriteError(path: path, reason: failure)
    }
    return Staged(temporary: temporary, target: path)
  }

  /// Renames every staged file over its target, in order, then flushes each folder once. A rename
  /// that fails (rare: the files are complete and in the same folder) stops the switch; the
  /// temporary files not yet renamed are removed.
  static func commit(_ staged: [Staged], operations: Operations) throws(DigestWriteError) {
    var directories: [String] = []
    for (index, file) in staged.enumerated() {
      if operations.rename(file.temporary, file.target) != 0 {
        let reason = String(cString: strerror(errno))
        discard(Array(staged[index...]))
        throw DigestWriteError(path: file.target, reason: reason)
      }
      let directory = URL(fileURLWithPath: file.target).deletingLastPathComponent().path
      if !directories.contains(directory) { directories.append(directory) }
    }
    for directory in directories where operations.syncDirectory(directory) != 0 {
      // The new files are in place; only their durability across a power cut is in doubt.
      let reason = "the folder could not be flushed to disk: \(String(cString: strerror(errno)))"
      throw DigestWriteError(path: directory, reason: reason)
    }
  }

  /// Removes staged files that will not be used.
  static func discard(_ staged: [Staged]) {
    for file in staged { unlink(file.temporary) }
  }

  /// `fsync` of a folder, so that a rename in it is on disk.
  static func syncDirectory(_ path: String) -> Int32 {
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
  static let staleAge: TimeInterval = 10 * 60

  /// Removes the temporary files a killed writer left in `directory`: those whose process is gone,
  /// and any older than `staleAge`. The caller holds the run lock, so no other Lingkar is writing.
  /// Returns the names removed.
  @discardableResult
  static func removeStale(in directory: String, now: Date = Date()) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var removed: [String] = []
    for name in names where name.hasPrefix(".") {
      guard let marker = name.range(of: temporaryMarker) else { continue }
      let path = directory + "/" + name
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular
      else { continue }
      let modified = attributes[.modificationDate] as? Date ?? now
      let owner = name[marker.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
      let ownerGone = owner.map { $0 > 0 && kill($0, 0) != 0 && errno == ESRCH } ?? false
      guard ownerGone || now.timeIntervalSince(modified) > staleAge else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }
}
