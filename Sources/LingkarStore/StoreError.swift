import LingkarModel

/// Why the store could not do what was asked, in words that say what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// SQLite returned this result code, with its message (a problem without a plainer name).
  case sqlite(code: Int32, message: String)
  /// Another Lingkar run holds the lock on this database.
  case locked(path: String)
  /// The lock file could not be created.
  case lockUnavailable(path: String, reason: String)
  /// The database was written by a newer Lingkar.
  case newerSchema(found: Int, known: Int)
  /// The file is an SQLite database whose pages are damaged (SQLite's `SQLITE_CORRUPT`, or a
  /// failed `PRAGMA quick_check`); `detail` is what SQLite found.
  case damaged(path: String, detail: String)
  /// The file exists but is not an SQLite database at all (`SQLITE_NOTADB`).
  case notADatabase(path: String)
  /// The file, or the folder where SQLite keeps its `-wal` and `-shm` files beside it, may not be
  /// written (`SQLITE_READONLY`, `SQLITE_CANTOPEN`, `SQLITE_PERM`).
  case readOnly(path: String)
  /// The disk holding the database is full (`SQLITE_FULL`).
  case diskFull(path: String)
  /// The folder the database (and its lock file) would be in does not exist: said before any file
  /// is tried, so the message names the folder rather than a lock file or SQLite's code 14.
  case folderMissing(folder: String)

  public var description: String {
    switch self {
    case .sqlite(let code, let message): "database error \(code): \(message)"
    case .locked(let path):
      "another Lingkar run is using \(path); wait for it to finish (or check that no other run is stuck) and try again"
    case .lockUnavailable(let path, let reason): "cannot create the lock file \(path): \(reason)"
    case .newerSchema(let found, let known):
      "the database was written by a newer Lingkar (schema \(found), this one knows \(known)); update Lingkar"
    case .damaged(let path, let detail):
      "the database \(path) is damaged (\(detail)): restore it from a backup, or move it aside and run again to "
        + "start fresh (the feeds list is kept)"
    case .notADatabase(let path):
      "\(path) is not a Lingkar database (not an SQLite file): check the --db option, or move the file aside and "
        + "run again to start fresh"
    case .readOnly(let path):
      "cannot write \(path): check its permissions and its folder's (the folder must exist and be writable: "
        + "SQLite keeps \(Self.name(path))-wal and \(Self.name(path))-shm beside it)"
    case .diskFull(let path): "cannot write \(path): the disk is full; free some space and run again"
    case .folderMissing(let folder):
      Message("errors.setup.database_folder_missing", ["folder": .text(folder)]).description
    }
  }

  /// The last component of a path.
  private static func name(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
