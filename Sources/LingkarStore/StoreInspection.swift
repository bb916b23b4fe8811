internal import CSQLite
public import Foundation

/// What `lingkar doctor` learns about a database without changing it: opened read-only, so an older
/// file is not migrated and a damaged one is not written on top of.
public struct StoreInspection: Sendable {
  /// The schema the file records (`PRAGMA user_version`).
  public var schemaVersion: Int
  /// The schema this Lingkar writes; a smaller `schemaVersion` is brought up at the next run.
  public var latestSchema: Int
  /// What `PRAGMA quick_check` found wrong; empty when the file is sound.
  public var problems: [String]
  /// Items held (nil when the file has no items table yet).
  public var itemCount: Int?
  /// The last time any feed was fetched, by this machine's clock then.
  public var lastFetch: Date?

  /// Inspects the database at `path` (which must exist).
  public static func inspect(path: String) throws(StoreError) -> StoreInspection {
    var db: OpaquePointer?
    let code = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
    defer { sqlite3_close_v2(db) }
    guard let db, code == SQLITE_OK else {
      throw SQLiteConnection.error(
        code: code, message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "", path: path)
    }
    sqlite3_busy_timeout(db, 5000)
    func rows(_ sql: String) throws(StoreError) -> [[String?]] {
      var statement: OpaquePointer?
      let prepared = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
      defer { sqlite3_finalize(statement) }
      guard prepared == SQLITE_OK, let statement else {
        throw SQLiteConnection.error(code: prepared, message: String(cString: sqlite3_errmsg(db)), path: path)
      }
      var result: [[String?]] = []
      while true {
        let step = sqlite3_step(statement)
        if step == SQLITE_DONE { break }
        guard step == SQLITE_ROW else {
          throw SQLiteConnection.error(code: step, message: String(cString: sqlite3_errmsg(db)), path: path)
        }
        result.append(
          (0..<sqlite3_column_count(statement)).map { column in
            sqlite3_column_text(statement, column).map { String(cString: $0) }
          })
      }
      return result
    }
    func value(_ sql: String) throws(StoreError) -> String? {
      try rows(sql).first.flatMap { $0.first ?? nil }
    }
    let version = Int(try value("PRAGMA user_version") ?? "0") ?? 0
    let problems = try rows("PRAGMA quick_check").compactMap { $0.first ?? nil }.filter { $0 != "ok" }
    let tables = Set(try rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first ?? nil })
    var items: Int?
    var lastFetch: Date?
    if problems.isEmpty, tables.contains("items") {
      items = Int(try value("SELECT count(*) FROM items") ?? "")
    }
    if problems.isEmpty, tables.contains("feeds"),
      let last = try value("SELECT max(last_attempt) FROM feeds"), let seconds = Double(last)
    {
      lastFetch = Date(timeIntervalSince1970: seconds)
    }
    return StoreInspection(
      schemaVersion: version, latestSchema: Migrations.latest, problems: problems, itemCount: items,
      lastFetch: lastFetch)
  }
}
