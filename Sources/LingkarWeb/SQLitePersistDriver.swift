import Foundation
import Hummingbird
import LingkarPipeline

/// Hummingbird's key-value storage on Lingkar's database, for the sessions: a teacher who logged in
/// once stays logged in through restarts of the service. Values are JSON; every database call runs
/// off the event loop. This process is the only writer of the sessions, so what it read or wrote is
/// kept in memory too (write-through): a page view costs no database lookup.
struct SQLitePersistDriver: PersistDriver {
  let store: WebStore
  let memory = Memory()

  /// The sessions seen, by key: their JSON and expiry.
  final class Memory: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (json: String, expires: Date?)] = [:]

    func get(_ key: String) -> (json: String, expires: Date?)? { lock.withLock { values[key] } }

    func set(_ key: String, _ json: String, expires: Date?) {
      lock.withLock {
        if values.count >= 50_000 { values.removeAll() }
        values[key] = (json, expires ?? values[key]?.expires)
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
    memory.set(key, json, expires: until)
  }

  func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
    let json = try Self.encode(value)
    let until = Self.date(expires)
    try await blocking { try store.setSession(key: key, value: json, expires: until) }
    memory.set(key, json, expires: until)
  }

  func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
    try await getWithTTL(key: key, as: type)?.object
  }

  func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (
    object: Object, ttl: Duration?
  )? {
    let now = Date()
    let found: (json: String, expires: Date?)
    if let remembered = memory.get(key) {
      if let expires = remembered.expires, expires <= now { return nil }
      found = remembered
    } else {
      guard let stored = try await blocking({ try store.session(key: key, now: now) }) else { return nil }
      found = (stored.value, stored.expires)
      memory.set(key, found.json, expires: found.expires)
    }
    let object: Object
    do {
      object = try JSONDecoder().decode(Object.self, from: Data(found.json.utf8))
    } catch {
      throw PersistError.invalidConversion
    }
    return (object, found.expires.map { .seconds($0.timeIntervalSince(now)) })
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
