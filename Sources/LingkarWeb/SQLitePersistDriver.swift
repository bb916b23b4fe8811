import Foundation
import Hummingbird
import LingkarPipeline

/// Hummingbird's key-value storage on Lingkar's database, for the sessions: a teacher who logged in
/// once stays logged in through restarts of the service. Values are JSON; every call runs off the
/// event loop.
struct SQLitePersistDriver: PersistDriver {
  let store: WebStore

  func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
    let json = try Self.encode(value)
    let until = Self.date(expires)
    do {
      try await blocking { try store.setSession(key: key, value: json, expires: until, replacing: false) }
    } catch {
      throw PersistError.duplicate
    }
  }

  func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
    let json = try Self.encode(value)
    let until = Self.date(expires)
    try await blocking { try store.setSession(key: key, value: json, expires: until) }
  }

  func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
    try await getWithTTL(key: key, as: type)?.object
  }

  func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (
    object: Object, ttl: Duration?
  )? {
    let now = Date()
    guard let found = try await blocking({ try store.session(key: key, now: now) }) else { return nil }
    let object: Object
    do {
      object = try JSONDecoder().decode(Object.self, from: Data(found.value.utf8))
    } catch {
      throw PersistError.invalidConversion
    }
    return (object, found.expires.map { .seconds($0.timeIntervalSince(now)) })
  }

  func remove(key: String) async throws {
    try await blocking { try store.removeSession(key: key) }
  }

  private static func encode(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  private static func date(_ duration: Duration?) -> Date? {
    duration.map { Date().addingTimeInterval(Double($0.components.seconds)) }
  }
}
