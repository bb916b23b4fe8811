import Foundation
import LingkarStore
import LingkarTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `lingkar` binary, next to the test bundle (or in the package's debug build folder).
func lingkarBinary() -> String {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
    "lingkar")
  if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
  return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/lingkar").path
}

func lingkar(_ arguments: [String], directory: TemporaryDirectory) throws -> Process {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: lingkarBinary())
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
  process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
  process.standardError = FileHandle(forWritingAtPath: "/dev/null")
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  // The English messages these tests read (the default is now Indonesian; issue 14).
  environment["LANG"] = "en_US.UTF-8"
  process.environment = environment
  try process.run()
  return process
}

func output(of process: Process, to directory: TemporaryDirectory, name: String) -> String {
  (try? String(contentsOfFile: directory.file(name), encoding: .utf8)) ?? ""
}

@Suite("the lingkar binary")
struct FetchProcessTests {
  @Test("a run killed with SIGKILL leaves an intact database, and the next run completes the work")
  func killedRun() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let token = UUID().uuidString
    let feeds = (0..<30).map { server.url("/feed/kill\($0).xml?items=20") } + [server.url("/hold/\(token).xml")]
    directory.write("feeds.txt", feeds.joined(separator: "\n") + "\n")
    let process = try lingkar(["fetch", "--jobs", "4"], directory: directory)
    // Wait (without a clock) until the run is mid-way: the held feed's request has arrived.
    #expect(server.get("/_arrived/\(token)") == "yes")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try store.integrityCheck() == "ok")
    let itemsBefore = try store.itemCount()
    #expect(itemsBefore <= 30 * 20)

    _ = server.get("/_release/\(token)")
    let rerun = try lingkar(["fetch", "--jobs", "4"], directory: directory)
    rerun.waitUntilExit()
    #expect(rerun.terminationStatus == 0)
    #expect(try store.integrityCheck() == "ok")
    #expect(try store.itemCount() == 30 * 20 + 5)
    #expect(try store.feedStates().count == 31)
  }

  @Test("a second run while one holds the lock exits with code 3 and says why")
  func lockHeld() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", server.url("/feed/locked.xml") + "\n")
    let lock = try RunLock(path: directory.file("lingkar.db.lock"), wait: 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = ["fetch", "--lock-wait", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.environment = ProcessInfo.processInfo.environment.merging(["LANG": "en_US.UTF-8"]) { $1 }
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 3)
    #expect(message.contains("another Lingkar run is using"))
    #expect(server.get("/_count/feed/locked.xml") == "0")
    withExtendedLifetime(lock) {}
  }

  @Test("prints the summary as the last line of stdout")
  func summaryLine() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", server.url("/feed/summary.xml") + "\n" + server.url("/status/404/summary") + "\n")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = ["fetch", "--feeds", directory.file("feeds.txt"), "--db", directory.file("state.db")]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.split(separator: "\n").last == "feeds=2 items=5 new=5 failed=1")
  }
}

@Suite("lingkar run: the lock")
struct RunLockProcessTests {
  @Test("two concurrent runs never both write: the second exits 3 while the first holds the lock")
  func concurrentRuns() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let token = UUID().uuidString
    directory.write("feeds.txt", server.url("/feed/concurrent.xml") + "\n" + server.url("/hold/\(token).xml") + "\n")
    let first = try lingkar(["run", "--lang", "en"], directory: directory)
    // The held feed's request has arrived, so the first run is fetching and holds the lock.
    #expect(server.get("/_arrived/\(token)") == "yes")

    let second = Process()
    second.executableURL = URL(fileURLWithPath: lingkarBinary())
    second.arguments = ["run", "--lock-wait", "0", "--output", directory.file("second")]
    second.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let errors = Pipe()
    second.standardError = errors
    second.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    second.environment = ProcessInfo.processInfo.environment.merging(["LANG": "en_US.UTF-8"]) { $1 }
    try second.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    second.waitUntilExit()
    #expect(second.terminationStatus == 3)
    #expect(message.contains("another Lingkar run is using"))
    #expect(!FileManager.default.fileExists(atPath: directory.file("second")))

    _ = server.get("/_release/\(token)")
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    let digests = try FeedStore(path: directory.file("lingkar.db")).digests()
    #expect(digests.count == 1)
    #expect(
      digests.first.map { FileManager.default.fileExists(atPath: directory.file("output/\($0.date)/digest.html")) }
        == true)
    #expect(server.get("/_count/feed/concurrent.xml") == "1")
  }
}
