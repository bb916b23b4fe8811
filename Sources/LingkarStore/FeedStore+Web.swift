import CSQLite
public import Foundation

extension FeedStore {
  // MARK: - Passcodes

  /// Stores the hash of `role`'s passcode, replacing the previous one.
  public func setPasscodeHash(role: String, hash: String, now: Date = Date()) throws(StoreError) {
    let statement = try connection.statement(
      "INSERT INTO web_passcodes (role, hash, changed) VALUES (?, ?, ?) "
        + "ON CONFLICT(role) DO UPDATE SET hash = excluded.hash, changed = excluded.changed")
    try statement.bind([.text(role), .text(hash), .real(now.timeIntervalSince1970)]).run()
  }

  /// Every role's passcode hash.
  public func passcodeHashes() throws(StoreError) -> [String: String] {
    let statement = try connection.statement("SELECT role, hash FROM web_passcodes")
    var result: [String: String] = [:]
    while try statement.step() {
      if let role = statement.text(0), let hash = statement.text(1) { result[role] = hash }
    }
    return result
  }

  // MARK: - Sessions

  /// Stores a session's value; `expires` nil keeps the expiry it had (a new one never expires).
  public func setSession(key: String, value: String, expires: Date?, replacing: Bool = true) throws(StoreError) {
    let sql =
      replacing
      ? "INSERT INTO web_sessions (key, value, expires) VALUES (?1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET "
        + "value = excluded.value, expires = coalesce(?3, web_sessions.expires)"
      : "INSERT INTO web_sessions (key, value, expires) VALUES (?1, ?2, ?3)"
    let statement = try connection.statement(sql)
    try statement.bind([.text(key), .text(value), expires.map { .real($0.timeIntervalSince1970) } ?? .null]).run()
  }

  /// A session's value and expiry, or nil when there is none or it has expired.
  public func session(key: String, now: Date = Date()) throws(StoreError) -> (value: String, expires: Date?)? {
    let statement = try connection.statement("SELECT value, expires FROM web_sessions WHERE key = ?")
    try statement.bind([.text(key)])
    defer { statement.finish() }
    guard try statement.step(), let value = statement.text(0) else { return nil }
    let expires = statement.date(1)
    if let expires, expires <= now { return nil }
    return (value, expires)
  }

  /// Ends any read left open on this connection (see `SQLiteConnection.finishReads`): called by a
  /// caller that keeps the store open between uses.
  public func finishReads() {
    connection.finishReads()
  }

  /// Forgets a session (logging out).
  public func removeSession(key: String) throws(StoreError) {
    try connection.statement("DELETE FROM web_sessions WHERE key = ?").bind([.text(key)]).run()
  }

  /// Forgets the expired sessions; returns how many.
  @discardableResult
  public func removeExpiredSessions(now: Date = Date()) throws(StoreError) -> Int {
    try connection.statement("DELETE FROM web_sessions WHERE expires IS NOT NULL AND expires <= ?")
      .bind([.real(now.timeIntervalSince1970)]).run()
    return Int(sqlite3_changes(connection.handle))
  }
}
