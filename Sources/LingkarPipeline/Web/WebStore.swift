public import Foundation
public import LingkarModel
import LingkarStore

/// The web server's records in the database: the roles' passcode hashes and the sessions. One
/// connection, used by one caller at a time (the web layer calls it off its event loop), so that a
/// page view costs a lookup rather than opening and migrating the file again.
public final class WebStore: @unchecked Sendable {
  private let store: FeedStore
  private let lock = NSLock()
  public let path: String

  /// Opens (creating and migrating if needed) the database at `path`.
  public init(path: String) throws(LingkarFailure) {
    self.path = path
    do {
      store = try FeedStore(path: path)
    } catch {
      throw LingkarFailure("cannot open \(path): \(error)", cause: error)
    }
  }

  private func locked<T>(_ body: (FeedStore) throws(StoreError) -> T) throws(LingkarFailure) -> T {
    lock.lock()
    defer {
      // Nothing held between requests: no old snapshot for the next write (another teacher's
      // login after cron's run committed) to fail on.
      store.finishReads()
      lock.unlock()
    }
    do {
      return try body(store)
    } catch {
      throw LingkarFailure("cannot use the database \(path): \(error)", cause: error)
    }
  }

  public func setPasscodeHash(role: String, hash: String) throws(LingkarFailure) {
    try locked { store throws(StoreError) in try store.setPasscodeHash(role: role, hash: hash) }
  }

  public func passcodeHashes() throws(LingkarFailure) -> [String: String] {
    try locked { store throws(StoreError) in try store.passcodeHashes() }
  }

  /// Stores a session; `expires` nil keeps the expiry the session had. With `replacing` false an
  /// existing key is an error (a new session never takes over another's id).
  public func setSession(key: String, value: String, expires: Date?, replacing: Bool = true) throws(LingkarFailure) {
    try locked { store throws(StoreError) in
      try store.setSession(key: key, value: value, expires: expires, replacing: replacing)
    }
  }

  public func session(key: String, now: Date = Date()) throws(LingkarFailure) -> (value: String, expires: Date?)? {
    try locked { store throws(StoreError) in try store.session(key: key, now: now) }
  }

  public func removeSession(key: String) throws(LingkarFailure) {
    try locked { store throws(StoreError) in try store.removeSession(key: key) }
  }

  @discardableResult
  public func removeExpiredSessions(now: Date = Date()) throws(LingkarFailure) -> Int {
    try locked { store throws(StoreError) in try store.removeExpiredSessions(now: now) }
  }
}
