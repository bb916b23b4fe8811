import Foundation
import Hummingbird
import LingkarPipeline

/// Hummingbird's key-value storage on Lingkar's database, for the sessions: a teacher who logged in
/// once stays logged in through restarts of the service. Values are JSON; every database call runs
/// off the event loop. This process is the only writer of the sessions, so what it read or wrote is
/// kept in memory too (write-through), decoded: a page view costs neither a database lookup nor JSON.
struct SQLitePersistDriver: PersistDriver {
  let store: WebStore
  /// Shared with the ready pages, which check a session is unchanged without the middleware.
  let memory: Memory

  /// A session seen: its JSON, its expiry and the value it decodes to.
  struct Remembered {
    var json: String
    var expires: Date?
    var value: (any Sendable)?
  }

  /// The sessions seen, by key.
  final class Memory: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Remembered] = [:]

    func get(_ key: String) -> Remembered? { lock.withLock { values[key] } }

    func set(_ key: String, _ json: String, expires: Date?, value: (any Sendable)?) {
      lock.withLock {
        if values.count >= 50_000 { values.removeAll() }
        values[key] = Remembered(json: json, expires: expires ?? values[key]?.expires, value: value)
      }
    }

    func remove(_ key: String) { _ = lock.withLock { values.removeValue(forKey: key) } }
  }

  func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
    let json = try Self.encode(value)
    let until = Self.date(expires)
    do {
      try await blocking { try store.setSession(key: key, value: json, expires: until, replacing: false) }
    } catch {
      throw PersistError.duplicate
    }
    memory.set(key, json, expires: until, value: value)
  }

  func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
    let json = try Self.encode(value)
    let until = Self.date(expires)
    try await blocking { try store.setSession(key: key, value: json, expires: until) }
    memory.set(key, json, expires: until, value: value)
  }

  func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
    try await getWithTTL(key: key, as: type)?.object
  }

  func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (
    object: Object, ttl: Duration?
  )? {
    let now = Date()
    let found: Remembered
    if let remembered = memory.get(key) {
      if let expires = remembered.expires, expires <= now { return nil }
      found = remembered
    } else {
      guard let stored = try await blocking({ try store.session(key: key, now: now) }) else { return nil }
      found = Remembered(json: stored.value, expires: stored.expires)
    }
    let ttl = found.expires.map { Duration.seconds($0.timeIntervalSince(now)) }
    if let object = found.value as? Object { return (object, ttl) }
    let object: Object
    do {
      object = try JSONDecoder().decode(Object.self, from: Data(found.json.utf8))
    } catch {
      throw PersistError.invalidConversion
    }
    memory.set(key, found.json, expires: found.expires, value: object)
    return (object, ttl)
  }

  func remove(key: String) async throws {
    memory.remove(key)
    try await blocking { try store.removeSession(key: key) }
  }

  private static func encode(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  private static func date(_ duration: Duration?) -> Date? {
    duration.map { Date().addingTimeInterval(Double($0.components.seconds)) }
  }
}
