public import LingkarModel

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

  /// What happened and what to do, for people. SQLite's own (English) words stay out; its result
  /// code is kept for developers.
  public var message: Message {
    switch self {
    case .sqlite(let code, _): Message("errors.store.sqlite", ["code": .number(Int(code))])
    case .locked(let path): Message("errors.store.locked", ["path": .text(path)])
    case .lockUnavailable(let path, _): Message("errors.store.lock-unavailable", ["path": .text(path)])
    case .newerSchema(let found, let known):
      Message("errors.store.newer-schema", ["foundSchema": .number(found), "known": .number(known)])
    case .damaged(let path, _): Message("errors.store.damaged", ["path": .text(path)])
    case .notADatabase(let path): Message("errors.store.not-a-database", ["path": .text(path)])
    case .readOnly(let path): Message("errors.store.read-only", ["path": .text(path), "name": .text(Self.name(path))])
    case .diskFull(let path): Message("errors.store.disk-full", ["path": .text(path)])
    case .folderMissing(let folder): Message("errors.setup.database_folder_missing", ["folder": .text(folder)])
    }
  }

  public var description: String { message.description }

  /// The last component of a path.
  private static func name(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
