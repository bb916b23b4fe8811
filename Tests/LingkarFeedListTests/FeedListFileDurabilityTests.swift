import Foundation
import Synchronization
import Testing

@testable import LingkarFeedList

#if canImport(Glibc)
  import Glibc
#endif

@Suite("feeds.txt on disk: left-over temporary files, the folder flushed, the owner kept")
struct FeedListFileDurabilityTests {
  static func folder() throws -> String {
    let directory = NSTemporaryDirectory() + "lingkar-durable-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The id of a process that has ended (and been waited for).
  static func finishedProcessID() -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try? process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test(
    "an edit removes the temporary files of killed edits (process gone, or over 10 minutes old); a live one's stays")
  func staleTemporaries() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data("https://a.example/feed\n".utf8).write(to: URL(fileURLWithPath: path))
    let gone = Self.finishedProcessID()
    let live = getpid()
    let names = [
      ".feeds.txt.\(gone).0A1B2C3D.tmp",
      ".feeds.txt.\(live).0A1B2C3E.tmp",  // changed an hour ago
      ".feeds.txt.\(live).0A1B2C3F.tmp",  // a live edit's, just now
      ".other.txt.\(gone).0A1B2C40.tmp",  // another file's
    ]
    for name in names { _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x".utf8)) }
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: directory + "/" + names[1])
    try FeedListFile(path: path).edit { $0.append("https://b.example/feed") }
    let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }.sorted()
    #expect(left == [names[2], names[3]].sorted())
  }

  @Test("the folder is flushed after the rename, so the new feeds.txt survives a power cut")
  func directorySynced() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data("https://a.example/feed\n".utf8).write(to: URL(fileURLWithPath: path))
    let seen = Mutex<[String]>([])
    var file = FeedListFile(path: path)
    file.syncDirectory = { folder in
      // Called once the new file is in place.
      let text = (try? String(contentsOfFile: folder + "/feeds.txt", encoding: .utf8)) ?? ""
      seen.withLock { $0.append(folder + (text.contains("b.example") ? " after rename" : " before rename")) }
      return FeedListFile.fsyncDirectory(folder)
    }
    try file.edit { $0.append("https://b.example/feed") }
    #expect(seen.withLock { $0 } == [directory + " after rename"])
  }

  @Test("an edit keeps the file's mode, and (as root) its owner")
  func keepsOwner() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data("https://a.example/feed\n".utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o600)
    let root = geteuid() == 0
    if root { chown(path, 65534, 65534) }
    try FeedListFile(path: path).edit { $0.append("https://b.example/feed") }
    var info = stat()
    stat(path, &info)
    #expect(info.st_mode & 0o7777 == 0o600)
    if root { #expect(info.st_uid == 65534 && info.st_gid == 65534) }
  }
}

@Suite("feeds.txt written through the shared atomic writer")
struct FeedListAtomicWriteTests {
  @Test("an edit removes a killed edit's temporary file (either naming) but not a live edit's or another file's")
  func sharedTemporaryNames() throws {
    let directory = try FeedListFileDurabilityTests.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/feeds.txt"
    try Data("https://a.example/feed\n".utf8).write(to: URL(fileURLWithPath: path))
    let gone = FeedListFileDurabilityTests.finishedProcessID()
    let names = [
      ".feeds.txt.lingkar-tmp-\(gone)-0a1b2c3d",  // a killed edit's
      ".feeds.txt.\(gone).0A1B2C3E.tmp",  // a killed edit's, the older form
      ".feeds.txt.lingkar-tmp-\(getpid())-0a1b2c3f",  // a live edit's
      ".digest.html.lingkar-tmp-\(gone)-0a1b2c40",  // another file's: not this lock's to remove
    ]
    for name in names { _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x".utf8)) }
    var file = FeedListFile(path: path)
    let seen = Mutex<[String]>([])
    file.syncDirectory = { folder in
      // While the new file is in place: which temporary files are there (none of this edit's).
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      seen.withLock { $0 = names.filter { $0.contains(".lingkar-tmp-") }.sorted() }
      return FeedListFile.fsyncDirectory(folder)
    }
    try file.edit { $0.append("https://b.example/feed") }
    let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }.sorted()
    #expect(left == [names[2], names[3]].sorted())
    #expect(seen.withLock { $0 } == [names[2], names[3]].sorted())
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("https://b.example/feed"))
  }
}
