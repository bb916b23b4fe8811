internal import CSQLite
import Foundation

/// One SQLite connection: the only place SQLite result codes turn into `StoreError`.
final class SQLiteConnection {
  let handle: OpaquePointer
  /// The file, for messages.
  let path: String
  private var statements: [String: Statement] = [:]

  /// Opens (creating if needed) the file read-write. A file SQLite can only open read-only (its
  /// permissions, or a read-only folder) is refused here, before anything tries to write it, so
  /// the message names the file and what to check instead of "attempt to write a readonly database".
  init(path: String) throws(StoreError) {
    self.path = path
    var db: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &db, flags, nil)
    guard let db else { throw Self.error(code: code, message: "cannot open \(path)", path: path) }
    handle = db
    if code != SQLITE_OK {
      let message = String(cString: sqlite3_errmsg(db))
      sqlite3_close_v2(db)
      throw Self.error(code: code, message: message, path: path)
    }
    if sqlite3_db_readonly(db, "main") == 1 {
      sqlite3_close_v2(db)
      throw .readOnly(path: path)
    }
  }

  deinit {
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Maps a result code to an error carrying SQLite's message.
  func check(_ code: Int32) throws(StoreError) {
    guard code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE else {
      throw Self.error(code: code, message: String(cString: sqlite3_errmsg(handle)), path: path)
    }
  }

  /// The plain error for a result code: damage, a file that is not a database, no permission and a
  /// full disk are named, with what to do; anything else keeps SQLite's code and message.
  static func error(code: Int32, message: String, path: String) -> StoreError {
    switch code & 0xFF {
    case SQLITE_CORRUPT: .damaged(path: path, detail: message)
    case SQLITE_NOTADB: .notADatabase(path: path)
    case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM: .readOnly(path: path)
    case SQLITE_FULL: .diskFull(path: path)
    default: .sqlite(code: code, message: message)
    }
  }

  func execute(_ sql: String) throws(StoreError) {
    try check(sqlite3_exec(handle, sql, nil, nil, nil))
  }

  /// A prepared statement, kept for reuse; reset and unbound before it is handed out.
  func statement(_ sql: String) throws(StoreError) -> Statement {
    if let cached = statements[sql] {
      cached.reset()
      return cached
    }
    var raw: OpaquePointer?
    try check(sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil))
    guard let raw else { throw .sqlite(code: SQLITE_MISUSE, message: "empty statement") }
    let statement = Statement(raw, connection: self)
    statements[sql] = statement
    return statement
  }

  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), rolled back if it throws.
  func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  var changes: Int { Int(sqlite3_changes(handle)) }

  /// Resets every cached statement still positioned on a row. A read that returned after its first
  /// row keeps its statement, and with it a read transaction, open: on a connection kept for long
  /// (the web server's), that pins an old snapshot, so its next write after another process's commit
  /// fails at once with SQLITE_BUSY (the busy timeout does not apply), and the WAL cannot be reset.
  func finishReads() {
    for statement in statements.values { statement.finish() }
  }
}
