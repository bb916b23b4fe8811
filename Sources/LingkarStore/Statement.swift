internal import CSQLite
import Foundation
import LingkarModel

/// A prepared statement with typed binding and reading, indices from 1 as SQLite counts.
final class Statement {
  private let raw: OpaquePointer
  private unowned let connection: SQLiteConnection

  init(_ raw: OpaquePointer, connection: SQLiteConnection) {
    self.raw = raw
    self.connection = connection
  }

  deinit { sqlite3_finalize(raw) }

  func reset() {
    sqlite3_reset(raw)
    sqlite3_clear_bindings(raw)
  }

  /// Resets the statement when it is still positioned on a row (its read transaction ends).
  func finish() {
    if sqlite3_stmt_busy(raw) != 0 { sqlite3_reset(raw) }
  }

  @discardableResult
  func bind(_ values: [SQLValue]) throws(StoreError) -> Statement {
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(raw, index)
      case .integer(let number): code = sqlite3_bind_int64(raw, index, Int64(number))
      case .real(let number): code = sqlite3_bind_double(raw, index, number)
      case .text(let text):
        code =
          text.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
              CSQLite_bind_text_transient(raw, index, $0.baseAddress, Int32($0.count))
            }
          } ?? CSQLite_bind_text_transient(raw, index, text, -1)
      }
      try connection.check(code)
    }
    return self
  }

  /// Steps once; true while a row is available.
  func step() throws(StoreError) -> Bool {
    let code = sqlite3_step(raw)
    try connection.check(code)
    return code == SQLITE_ROW
  }

  /// Steps to the end, for statements that return no rows.
  func run() throws(StoreError) {
    while try step() {}
  }

  func text(_ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(raw, column) else { return nil }
    return String(cString: pointer)
  }

  func integer(_ column: Int32) -> Int? {
    sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(raw, column))
  }

  func real(_ column: Int32) -> Double? {
    sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : sqlite3_column_double(raw, column)
  }

  /// A time stored as unix seconds, brought into years 1-9999: a row edited by hand or damaged
  /// (`1e300`, infinity, text) must give some date, never a trap later in a date computation.
  func date(_ column: Int32) -> Date? {
    real(column).map(Timestamp.clamped)
  }
}

/// A value to bind.
enum SQLValue {
  case null
  case integer(Int)
  case real(Double)
  case text(String)

  init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
  init(_ number: Int?) { self = number.map(SQLValue.integer) ?? .null }
  init(_ date: Date?) { self = date.map { .real($0.timeIntervalSince1970) } ?? .null }
}
