import Foundation
import LingkarModel
import LingkarTestSupport
import Testing

@testable import LingkarStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite("SQLite store: damaged, foreign, newer and read-only database files")
struct DamagedDatabaseTests {
  /// A database with `count` items in one feed, closed again.
  static func database(_ path: String, items count: Int = 400) throws {
    let store = try FeedStore(path: path)
    let entries = (0..<count).map {
      Entry(
        id: "e\($0)", title: "Tulisan \($0)", link: "https://guru.example/p/\($0)",
        summary: String(repeating: "isi ", count: 50))
    }
    try store.seed(entries, time: Date(timeIntervalSince1970: 1_800_000_000))
    // Everything into the main file, so the damage below is where the next open reads.
    try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  /// Overwrites part of page `page` (numbered from 1) of the file with garbage, past its first
  /// bytes, as a bad sector or a torn write would.
  static func damage(_ path: String, page: Int, pageSize: Int = 32768) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64((page - 1) * pageSize))
    handle.write(Data((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
    try handle.close()
  }

  static func rootPage(_ path: String, of name: String) throws -> Int {
    let connection = try SQLiteConnection(path: path)
    let statement = try connection.statement("SELECT rootpage FROM sqlite_master WHERE name = ?")
    try statement.bind([.text(name)])
    #expect(try statement.step())
    return try #require(statement.integer(0))
  }

  @Test("a damaged index page is found by verify(), with advice; an undamaged file passes")
  func damagedIndex() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    try Self.database(path)
    try FeedStore(path: path).verify()
    let page = try Self.rootPage(path, of: "items_canonical_link")
    try Self.damage(path, page: page)
    // Opening and reading the feeds does not touch the index: nothing is noticed there.
    let store = try FeedStore(path: path)
    #expect(try store.feedStates().count == 1)
    let error = try #require(throws: StoreError.self) { try store.verify() }
    guard case .damaged(let where_, _) = error else {
      Issue.record("expected .damaged, got \(error)")
      return
    }
    #expect(where_ == path)
    #expect(error.message.text(in: .en).contains("the database \(path) is damaged"))
    #expect(
      error.message.text(in: .en).contains("restore it from a backup, or move it aside and run again to start fresh"))
    #expect(error.message.text(in: .en).contains("the feeds list is kept"))
  }

  @Test("a damaged table page gives the damaged-database message where SQLite meets it, not 'database error 11'")
  func damagedTable() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    try Self.database(path)
    try Self.damage(path, page: try Self.rootPage(path, of: "items"))
    let error = try #require(throws: StoreError.self) {
      let store = try FeedStore(path: path)
      _ = try store.items(since: .distantPast)
    }
    #expect(error.message.text(in: .en).contains("is damaged"), "\(error)")
    #expect(!error.description.contains("database error"))
  }

  @Test("a file that is not a database says so")
  func notADatabase() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    directory.write("lingkar.db", String(repeating: "https://guru.example/feed\n", count: 200))
    let before = FileManager.default.contents(atPath: path)
    let error = try #require(throws: StoreError.self) { try FeedStore(path: path) }
    guard case .notADatabase(path) = error else {
      Issue.record("expected .notADatabase, got \(error)")
      return
    }
    #expect(error.message.text(in: .en).contains("\(path) is not a Lingkar database"))
    #expect(FileManager.default.contents(atPath: path) == before)
  }

  @Test("a database from a newer Lingkar is refused before anything writes to it: bytes and journal mode unchanged")
  func newerSchemaUntouched() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    do {
      let connection = try SQLiteConnection(path: path)
      try connection.execute("CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99")
    }
    let before = try #require(FileManager.default.contents(atPath: path))
    let error = try #require(throws: StoreError.self) { try FeedStore(path: path) }
    guard case .newerSchema(found: 99, known: Migrations.latest) = error else {
      Issue.record("expected .newerSchema, got \(error)")
      return
    }
    #expect(FileManager.default.contents(atPath: path) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    // The header still says rollback journal (bytes 18 and 19 are 2 in WAL mode).
    #expect(before[18] == 1 && before[19] == 1)
    let connection = try SQLiteConnection(path: path)
    let mode = try connection.statement("PRAGMA journal_mode")
    #expect(try mode.step())
    #expect(mode.text(0) == "delete")
  }

  @Test("the error mapping: each SQLite code that means something to a teacher gets a plain message")
  func mapping() {
    let path = "/srv/lingkar/lingkar.db"
    func plain(_ code: Int32, _ message: String = "") -> String {
      SQLiteConnection.error(code: code, message: message, path: path).message.text(in: .en)
    }
    let malformed = "database disk image is malformed"
    #expect(plain(11, malformed) == StoreError.damaged(path: path, detail: malformed).message.text(in: .en))
    #expect(plain(26, "file is not a database") == StoreError.notADatabase(path: path).message.text(in: .en))
    #expect(plain(8, "attempt to write a readonly database") == StoreError.readOnly(path: path).message.text(in: .en))
    #expect(plain(8 | (1 << 8)) == StoreError.readOnly(path: path).message.text(in: .en))
    #expect(plain(14, "unable to open database file") == StoreError.readOnly(path: path).message.text(in: .en))
    #expect(plain(13, "database or disk is full") == StoreError.diskFull(path: path).message.text(in: .en))
    // SQLite's own English words stay out of the sentence; its code is kept for developers.
    #expect(
      plain(1, "no such table: x")
        == "database error (SQLite code 1); run again, and if it happens again, report the code")
    let readOnly = StoreError.readOnly(path: path).message.text(in: .en)
    #expect(readOnly.hasPrefix("cannot write \(path): check its permissions and its folder's"))
    #expect(readOnly.contains("lingkar.db-wal"))
  }

  @Test("a read-only database file is refused at open with advice (not as root: root may write it anyway)")
  func readOnly() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    try Self.database(path, items: 3)
    chmod(path, 0o444)
    defer { chmod(path, 0o644) }
    if geteuid() == 0 {
      // Root writes through the mode; the binary is run as another user in the pipeline tests.
      #expect(try FeedStore(path: path).itemCount() == 3)
      return
    }
    let error = try #require(throws: StoreError.self) { try FeedStore(path: path) }
    #expect(error.description == StoreError.readOnly(path: path).message.text(in: .en))
  }
}
