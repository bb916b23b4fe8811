import Foundation
import LingkarDigest
import LingkarModel
import LingkarTestSupport
import Synchronization
import Testing

@testable import LingkarPipeline
@testable import LingkarStore

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built binary in `directory` (through `wrapper` first, when given) and returns its exit
/// status (a signal counts as 128 + the signal) and what it wrote on stderr.
func runLingkar(_ arguments: [String], in directory: String, wrapper: [String] = []) throws -> (
  status: Int32, stderr: String
) {
  let process = Process()
  let command = wrapper + [lingkarBinary()] + arguments
  process.executableURL = URL(fileURLWithPath: command[0])
  process.arguments = Array(command.dropFirst())
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  let errors = Pipe()
  process.standardError = errors
  process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  // The English messages these tests read (the default is now Indonesian; issue 14).
  environment["LANG"] = "en_US.UTF-8"
  process.environment = environment
  try process.run()
  let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  let signalled = process.terminationReason == .uncaughtSignal
  let status = signalled ? 128 + process.terminationStatus : process.terminationStatus
  return (status, message)
}

/// Stores `count` items published over the last days before `now`, in one feed of `directory`'s
/// `lingkar.db`, with long summaries (so the digest's JSON, which carries them, is its largest file).
func storeItems(_ count: Int, in directory: TemporaryDirectory, now: Date = Date(), tag: String = "") throws {
  let store = try FeedStore(path: directory.file("lingkar.db"))
  let entries = (0..<count).map { index in
    Entry(
      id: "item-\(tag)\(index)", title: "Literasi membaca kelas \(index) \(tag)",
      link: "https://guru.example/\(tag)\(index)",
      published: now.addingTimeInterval(-Double(index % 10 + 1) * 3600),
      summary: String(repeating: "Siswa membaca buku cerita bersama guru di pojok baca kelas. ", count: 6))
  }
  try store.seed(entries, time: now)
}

/// The day of `now` in the machine's zone, as the binary names its output folder.
func todayStamp(_ now: Date = Date()) -> String {
  CalendarDay(now, utcOffset: TimeZone.current.secondsFromGMT(for: now)).description
}

@Suite("Digest output that survives its own damage: hostile files, full disks, killed runs")
struct DigestDurabilityTests {
  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  /// A `digest.json` as a hand edit or a damaged disk might leave it: valid JSON with absurd
  /// numbers and wrong types, or not JSON at all.
  static let hostileDigests: [(String, String)] = [
    (
      "2026-01-04",
      #"{"generated":"2026-01-04T07:00:00Z","period":{"from":"2025-12-21T07:00:00Z","to":"2026-01-04T07:00:00Z"},"lang":"id","utcOffset":9223372036854775807,"counts":{"items":3,"sources":1},"suggestions":[{"topic":"literacy","label":"Literasi"}]}"#
    ),
    (
      "2026-01-18",
      #"{"generated":"2026-01-18T07:00:00Z","period":{"from":"2026-01-04T07:00:00Z","to":"2026-01-18T07:00:00Z"},"lang":"en","utcOffset":-9223372036854775808,"counts":{"items":9223372036854775807,"sources":-9223372036854775808}}"#
    ),
    (
      "2026-02-01",
      #"{"generated":"2026-02-01T07:00:00Z","period":{"from":"2026-01-18T07:00:00Z","to":"2026-02-01T07:00:00Z"},"utcOffset":1e308,"counts":{"items":1.5e300,"sources":"many"},"items":"none"}"#
    ),
    (
      "2026-02-15",
      #"{"generated":"0001-01-01T00:00:00Z","period":{"from":"9999-12-31T23:59:59Z","to":"0001-01-01T00:00:00Z"},"utcOffset":-86401,"counts":[1,2],"suggestions":"literacy"}"#
    ),
    (
      "2026-03-01",
      #"{"generated":"2026-03-01T07:00:00Z","period":{"from":"2026-02-15T07:00:00Z","to":"2026-03-01T07:00:00Z"},"utcOffset":"NaN","lang":7,"suggestions":[{"topic":5,"label":null,"carried_over":"yes"},17,null]}"#
    ),
    ("2026-03-15", #"{"generated":"2026-03-15T07:00:00Z","period":{"from":"2026-03-01T07:00:00Z","to":"#),
    ("2026-03-29", #"{"generated":"2026-03-29T07:00:00Z","period":42,"utcOffset":1e999}"#),
    ("2026-04-12", "null"),
    ("2026-04-26", ""),
    ("2026-05-10", String(repeating: "[", count: 200_000)),
    ("2026-05-24", #"{"generated":"2026-05-24T07:00:00Z","period":{"from":"\#u{FFFF}","to":[]}}"#),
  ]

  @Test(
    "hostile digest.json files in output/ (huge, negative, NaN-like numbers, wrong types, truncated) do not stop digest"
  )
  func hostileArchive() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try storeItems(5, in: directory)
    let folders = FileManager.default
    for (date, json) in Self.hostileDigests {
      try folders.createDirectory(atPath: directory.file("output/\(date)"), withIntermediateDirectories: true)
      directory.write("output/\(date)/digest.json", json)
    }
    // Bytes that are not UTF-8 at all.
    try folders.createDirectory(atPath: directory.file("output/2026-06-07"), withIntermediateDirectories: true)
    let bytes = Data([0x7B, 0xFF, 0xFE, 0x22, 0xC0, 0x80, 0x7D])
    _ = folders.createFile(atPath: directory.file("output/2026-06-07/digest.json"), contents: bytes)

    let result = try runLingkar(["digest", "--lang", "id"], in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    let index = try #require(Self.read(directory.file("output/index.html")))
    #expect(index.contains("\(todayStamp())/digest.html"))
    // The first two hostile files are otherwise sound: they stay in the archive, shown in UTC.
    #expect(index.contains("2026-01-04/digest.html") && index.contains("2026-01-18/digest.html"))
    #expect(index.contains("21 Desember 2025 – 4 Januari 2026"))
    let feed = try #require(Self.read(directory.file("output/feed.xml")))
    #expect(feed.contains("</feed>"))
    // And again, with today's digest among them.
    #expect(try runLingkar(["digest"], in: directory.path).status == 0)
  }

  @Test("archive entries read back from digest.json: offsets beyond a day and impossible counts are ignored")
  func entryBounds() throws {
    func entry(_ json: String) -> ArchiveEntry? { LegacyOutput.entry(date: "2026-01-04", json: Data(json.utf8)) }
    let period =
      #""generated":"2026-01-04T07:00:00Z","period":{"from":"2025-12-21T07:00:00Z","to":"2026-01-04T07:00:00Z"}"#
    #expect(entry("{\(period),\"utcOffset\":9223372036854775807}")?.utcOffset == 0)
    #expect(entry("{\(period),\"utcOffset\":-86401}")?.utcOffset == 0)
    #expect(entry("{\(period),\"utcOffset\":25200}")?.utcOffset == 25_200)
    let counts = try #require(
      entry("{\(period),\"counts\":{\"items\":-3,\"sources\":9223372036854775807},\"items\":[{}]}"))
    #expect(counts.itemCount == 1 && counts.sourceCount == 0)
    // The date arithmetic itself is total: the worst inputs give a date, not a trap.
    let s = Strings.for(.en)
    #expect(!s.range(from: Date(timeIntervalSince1970: .nan), to: .distantFuture, utcOffset: .max).isEmpty)
    #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
    #expect(Timestamp.iso8601(Date(timeIntervalSince1970: -.infinity)) == "0001-01-01T00:00:00Z")
    #expect(CalendarDay(Date(timeIntervalSince1970: .nan), utcOffset: .min).description == "1970-01-01")
  }

  @Test("hostile rows in the database (dates of 1e300, huge comment and failure counts) do not stop digest or topics")
  func hostileRows() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try storeItems(6, in: directory)
    let connection = try SQLiteConnection(path: directory.file("lingkar.db"))
    try connection.execute(
      """
      UPDATE items SET comments = 9223372036854775807, canonical_link = 'https://guru.example/same';
      UPDATE items SET published = 1e300 WHERE entry_id = 'item-0';
      UPDATE items SET updated = -1e300, first_seen = -9e18 WHERE entry_id = 'item-1';
      UPDATE items SET published = -1e999 WHERE entry_id = 'item-2';
      UPDATE feeds SET failures = 9223372036854775807, next_fetch = 1e999, last_success = -1e300, status = 'failed';
      INSERT INTO digests (date, generated, period_from, period_to, language, items, sources)
        VALUES ('2026-01-04', 1e300, -1e300, -1e300, 'xx', 9223372036854775807, -1);
      INSERT INTO digest_topics (digest_id, topic, rank, score, items, item_keys)
        VALUES (last_insert_rowid(), 'literacy', -5, 1e999, 9223372036854775807, '[1,2,"x"]');
      """)
    let result = try runLingkar(["digest"], in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.file("output/\(todayStamp())/digest.json")))
    #expect(try runLingkar(["topics"], in: directory.path).status == 0)
    #expect(try runLingkar(["feeds", "list"], in: directory.path).status == 0)
  }

  // MARK: - The set is written as a whole

  /// File operations that record what they do, and fail every write with ENOSPC once `budget`
  /// bytes have been written: a disk that fills up part-way through the set.
  final class Disk: Sendable {
    let events = Mutex<[String]>([])
    let budget: Int
    let used = Atomic<Int>(0)

    init(budget: Int = .max) { self.budget = budget }

    var operations: AtomicFile.Operations {
      let system = AtomicFile.Operations.system
      return AtomicFile.Operations(
        write: { descriptor, buffer in
          let room = self.budget - self.used.load(ordering: .relaxed)
          guard room > 0 else {
            errno = ENOSPC
            return -1
          }
          let written = system.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer.prefix(room)))
          if written > 0 { self.used.add(written, ordering: .relaxed) }
          return written
        },
        sync: { descriptor in
          self.events.withLock { $0.append("sync") }
          return system.sync(descriptor)
        },
        rename: { from, to in
          self.events.withLock { $0.append("rename " + URL(fileURLWithPath: to).lastPathComponent) }
          return system.rename(from, to)
        },
        syncDirectory: { path in
          self.events.withLock { $0.append("sync folder " + URL(fileURLWithPath: path).lastPathComponent) }
          return system.syncDirectory(path)
        })
    }
  }

  static func setFiles(_ output: String, date: String = "2026-11-29") -> [String] {
    ["html", "md", "txt", "json"].map { "\(output)/\(date)/digest.\($0)" }
      + ["\(output)/\(date)/digest-full.txt", "\(output)/index.html", "\(output)/feed.xml"]
  }

  @Test("a disk that fills up while the set is written leaves the old set whole: no file new, no temporary left")
  func fullDiskKeepsOldSet() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    let old = DigestWriterTests.digest(ending: 29, titles: ["Pojok baca"])
    try DigestWriter(outputDirectory: output).write(old)
    let before = Self.setFiles(output).map { Self.read($0) }
    let new = DigestWriterTests.digest(ending: 29, titles: (0..<30).map { "Tulisan baru \($0)" })
    let html = HTMLRenderer().render(new).utf8.count
    let markdown = MarkdownRenderer().render(new).utf8.count
    let text = TextRenderer().render(new).utf8.count
    var writer = DigestWriter(outputDirectory: output)
    let link = writer.fullDigestLink(new, folder: output + "/" + new.dateStamp)
    let short = ShortTextRenderer(fullDigestLink: link).render(new).utf8.count
    // Room for the page, the Markdown and both texts, not for the JSON (and what follows it).
    let disk = Disk(budget: html + markdown + short + text + 100)
    writer.operations = disk.operations
    let error = try #require(throws: DigestWriteError.self) { try writer.write(new) }
    #expect(error.path.hasSuffix("digest.json"))
    // The system's reason stays with the error, for developers; people read our words (issue 14).
    #expect(error.reason.contains(String(cString: strerror(ENOSPC))))
    #expect(error.message.text(in: .en).hasPrefix("cannot write "))
    #expect(Self.setFiles(output).map { Self.read($0) } == before)
    #expect(disk.events.withLock { $0 }.allSatisfy { !$0.hasPrefix("rename") })
    #expect(DigestWriterTests.leftovers(in: output).isEmpty)
    // With room again, the new set replaces the old as a whole.
    try DigestWriter(outputDirectory: output).write(new)
    #expect(Self.read(Self.setFiles(output)[3]) == JSONRenderer().render(new))
  }

  @Test("every file is flushed before any rename, and each folder is flushed after the renames")
  func order() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    var writer = DigestWriter(outputDirectory: output)
    let disk = Disk()
    writer.operations = disk.operations
    try writer.write(DigestWriterTests.digest(ending: 29, titles: ["Pojok baca"]))
    #expect(
      disk.events.withLock { $0 } == Array(repeating: "sync", count: 7) + [
        "rename digest.html", "rename digest.md", "rename digest.txt", "rename digest-full.txt", "rename digest.json",
        "rename index.html", "rename feed.xml", "sync folder 2026-11-29", "sync folder output",
      ])
  }

  @Test("rewriting a digest keeps each file's permissions (0600 stays 0600) and, as root, its owner")
  func keepsMode() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    let writer = DigestWriter(outputDirectory: output)
    let paths = try writer.write(DigestWriterTests.digest(ending: 29, titles: ["Pojok baca"]))
    #expect(Self.mode(paths[0]) == 0o644 & ~Self.umaskNow())
    chmod(paths[0], 0o600)
    chmod(paths[3], 0o640)
    chmod(paths[4], 0o604)
    let rootOwned = geteuid() == 0
    if rootOwned { chown(paths[1], 65534, 65534) }
    try writer.write(DigestWriterTests.digest(ending: 29, titles: ["Pojok baca", "Klub buku"]))
    #expect(Self.read(paths[0])?.contains("Klub buku") == true)
    #expect(Self.mode(paths[0]) == 0o600)
    #expect(Self.mode(paths[3]) == 0o640)
    #expect(Self.mode(paths[4]) == 0o604)
    if rootOwned {
      var info = stat()
      stat(paths[1], &info)
      #expect(info.st_uid == 65534 && info.st_gid == 65534)
    }
  }

  static func umaskNow() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  @Test("temporary files of a killed run are removed by the next write (process gone, or old); a live one's stays")
  func staleTemporaries() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    try FileManager.default.createDirectory(atPath: output + "/2026-11-15", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: output + "/2026-11-29", withIntermediateDirectories: true)
    let gone = Self.finishedProcessID()
    let live = getpid()
    let files = [
      "2026-11-29/.digest.html.lingkar-tmp-\(gone)-0a1b2c3d",
      "2026-11-15/.digest.json.lingkar-tmp-\(gone)-0a1b2c3e",
      ".index.html.lingkar-tmp-\(gone)-0a1b2c3f",
      "2026-11-29/.digest.md.lingkar-tmp-\(live)-0a1b2c40",  // old: changed an hour ago
      "2026-11-29/.digest.txt.lingkar-tmp-\(live)-0a1b2c41",  // a live writer's, just now
      "2026-11-29/.digest.html.lingkar-tmp-1a2b3c4d",  // the old naming, without a process id: recent
      "2026-11-29/notes.txt",
    ]
    for name in files { _ = FileManager.default.createFile(atPath: "\(output)/\(name)", contents: Data("x".utf8)) }
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: "\(output)/\(files[3])")
    try DigestWriter(outputDirectory: output).write(DigestWriterTests.digest(ending: 29, titles: ["Pojok baca"]))
    let left = files.filter { FileManager.default.fileExists(atPath: "\(output)/\($0)") }
    #expect(left == [files[4], files[5], files[6]])
  }

  /// The id of a process that has ended (and been waited for).
  static func finishedProcessID() -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try? process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test("the real binary under a file size limit: the digest fails (exit 1), the old set and database record stay")
  func fileSizeLimit() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try storeItems(5, in: directory)
    #expect(try runLingkar(["digest"], in: directory.path).status == 0)
    let output = directory.file("output")
    let date = todayStamp()
    let before = Self.setFiles(output, date: date).map { Self.read($0) }
    let recorded = try FeedStore(path: directory.file("lingkar.db")).digests()
    #expect(recorded.count == 1)

    // Many more items: the JSON, which carries every summary, outgrows the page.
    try storeItems(150, in: directory, tag: "more")
    // Learn the new files' sizes from a copy, then allow a file size between the page and the JSON.
    let copy = TemporaryDirectory()
    defer { copy.remove() }
    for name in ["lingkar.db", "output"] {
      try FileManager.default.copyItem(atPath: directory.file(name), toPath: copy.file(name))
    }
    #expect(try runLingkar(["digest"], in: copy.path).status == 0)
    let size = { (name: String) in
      (try? FileManager.default.attributesOfItem(atPath: copy.file("output/\(date)/\(name)"))[.size] as? Int) ?? 0
    }
    let (html, json) = (size("digest.html"), size("digest.json"))
    try #require(json > html + 8192, "html \(html), json \(json)")
    let limit = max(html + 4096, 40_000)
    try #require(json > limit)
    let wrapper = [
      "/usr/bin/env", "python3", "-c",
      """
      import os, resource, signal, sys
      signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
      resource.setrlimit(resource.RLIMIT_FSIZE, (\(limit), \(limit)))
      os.execv(sys.argv[1], sys.argv[1:])
      """,
    ]
    let limited = try runLingkar(["digest"], in: directory.path, wrapper: wrapper)
    #expect(limited.status == 1, "\(limited.stderr)")
    #expect(limited.stderr.contains("digest.json"))
    #expect(Self.setFiles(output, date: date).map { Self.read($0) } == before)
    #expect(try FeedStore(path: directory.file("lingkar.db")).digests() == recorded)
    #expect(DigestWriterTests.leftovers(in: output).isEmpty)
  }
}

@Suite("lingkar with a damaged, newer or read-only database: plain messages, nothing changed")
struct DamagedDatabaseProcessTests {
  /// A database with a few stored items, checkpointed into the main file.
  static func database(_ directory: TemporaryDirectory) throws -> String {
    try storeItems(40, in: directory)
    let path = directory.file("lingkar.db")
    try SQLiteConnection(path: path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
  }

  @Test("a damaged index page stops digest and fetch with exit 1 and advice, before anything is written")
  func damagedIndex() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = try Self.database(directory)
    let connection = try SQLiteConnection(path: path)
    let root = try connection.statement("SELECT rootpage FROM sqlite_master WHERE name = 'items_canonical_link'")
    #expect(try root.step())
    let page = try #require(root.integer(0))
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64((page - 1) * 32768))
    handle.write(Data(repeating: 0xA5, count: 48))
    try handle.close()
    directory.write("feeds.txt", "")

    let digest = try runLingkar(["digest"], in: directory.path)
    #expect(digest.status == 1)
    #expect(digest.stderr.contains("lingkar.db is damaged"), "\(digest.stderr)")
    #expect(digest.stderr.contains("restore it from a backup, or move it aside and run again to start fresh"))
    #expect(!FileManager.default.fileExists(atPath: directory.file("output")))
    let fetch = try runLingkar(["fetch"], in: directory.path)
    #expect(fetch.status == 1)
    #expect(fetch.stderr.contains("is damaged"), "\(fetch.stderr)")
  }

  @Test("a database from a newer Lingkar: digest refuses it and leaves the file byte for byte as it was")
  func newer() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db")
    do {
      let connection = try SQLiteConnection(path: path)
      try connection.execute("CREATE TABLE future (x); PRAGMA user_version = 99")
    }
    let before = FileManager.default.contents(atPath: path)
    let result = try runLingkar(["digest"], in: directory.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("newer Lingkar"), "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: path) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test("a read-only database (0444, run as an ordinary user) gets 'cannot write FILE: check its permissions'")
  func readOnly() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = try Self.database(directory)
    chmod(path, 0o444)
    // The folder stays writable: only the file is protected.
    chmod(directory.path, 0o777)
    var wrapper: [String] = []
    if geteuid() == 0 {
      // Root writes through any mode: run the binary as nobody, the way a teacher's account would.
      let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
      try #require(setpriv != nil, "setpriv (util-linux) is needed to run as another user")
      wrapper = [setpriv!, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }
    let result = try runLingkar(["digest"], in: directory.path, wrapper: wrapper)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write lingkar.db: check its permissions"), "\(result.stderr)")
    #expect(!result.stderr.contains("database error"))
  }
}
