import Foundation
import LingkarStore
import LingkarTestSupport
import Testing

/// The web server's records (migration 6): passcode hashes and sessions with their expiry.
@Suite struct WebRecordsTests {
  @Test("a session keeps its expiry when updated without one, and is gone once expired")
  func sessions() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    try store.setSession(key: "s.a", value: "{\"n\":1}", expires: now.addingTimeInterval(60), replacing: false)
    #expect(throws: StoreError.self) { try store.setSession(key: "s.a", value: "{}", expires: nil, replacing: false) }
    try store.setSession(key: "s.a", value: "{\"n\":2}", expires: nil)
    let found = try #require(try store.session(key: "s.a", now: now))
    #expect(found.value == "{\"n\":2}" && found.expires == now.addingTimeInterval(60))
    #expect(try store.session(key: "s.a", now: now.addingTimeInterval(61)) == nil)
    #expect(try store.removeExpiredSessions(now: now.addingTimeInterval(61)) == 1)
    try store.setSession(key: "s.b", value: "{}", expires: nil)
    try store.removeSession(key: "s.b")
    #expect(try store.session(key: "s.b", now: now) == nil)
  }

  @Test("a session read leaves no transaction open: the server's next write follows another process's")
  func sessionReadThenOtherWriter() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    // The server's one long-lived connection, and a run's (another process's) own.
    let web = try FeedStore(path: path)
    let run = try FeedStore(path: path)
    try web.setSession(key: "s.a", value: "{}", expires: nil, replacing: false)
    #expect(try web.session(key: "s.a") != nil)
    try run.setSession(key: "s.run", value: "{}", expires: nil)
    // A new teacher logs in: written on the server's connection after the other's commit.
    try web.setSession(key: "s.b", value: "{}", expires: nil, replacing: false)
    #expect(try web.session(key: "s.run") != nil)
  }

  @Test("a role's passcode hash is replaced, not added")
  func passcodes() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try FeedStore(path: directory.file("lingkar.db"))
    try store.setPasscodeHash(role: "teacher", hash: "$2b$04$one")
    try store.setPasscodeHash(role: "teacher", hash: "$2b$04$two")
    #expect(try store.passcodeHashes() == ["teacher": "$2b$04$two"])
  }
}
