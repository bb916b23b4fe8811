/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// SQLite returned this result code, with its message.
  case sqlite(code: Int32, message: String)
  /// Another Lingkar run holds the lock on this database.
  case locked(path: String)
  /// The lock file could not be created.
  case lockUnavailable(path: String, reason: String)
  /// The database was written by a newer Lingkar.
  case newerSchema(found: Int, known: Int)

  public var description: String {
    switch self {
    case .sqlite(let code, let message): "database error \(code): \(message)"
    case .locked(let path):
      "another Lingkar run is using \(path); wait for it to finish (or check that no other run is stuck) and try again"
    case .lockUnavailable(let path, let reason): "cannot create the lock file \(path): \(reason)"
    case .newerSchema(let found, let known):
      "the database was written by a newer Lingkar (schema \(found), this one knows \(known)); update Lingkar"
    }
  }
}
