import Foundation
import LingkarFeedList
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built binary in `directory` and gives it `seconds` to end: a command that blocks (on a
/// FIFO, say) is killed and reported as status nil rather than hanging the suite.
func runLingkar(_ arguments: [String], in directory: TemporaryDirectory, seconds: Double) throws -> (
  status: Int32?, stderr: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: lingkarBinary())
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
  let errorFile = directory.file("stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
  process.standardError = FileHandle(forWritingAtPath: errorFile)
  process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
  var environment = ProcessInfo.processInfo.environment
  environment["SWIFT_BACKTRACE"] = "enable=no"
  // The English messages these tests read (the default is now Indonesian; issue 14).
  environment["LANG"] = "en_US.UTF-8"
  process.environment = environment
  try process.run()
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { usleep(20_000) }
  let finished = !process.isRunning
  if !finished {
    process.terminate()
    process.waitUntilExit()
  }
  let message = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
  return (finished ? process.terminationStatus : nil, message)
}

@Suite("one failure type: message, exit code, cause")
struct FailureTests {
  @Test("the kinds are the exit codes of the command-line contract")
  func exitCodes() {
    #expect(LingkarFailure.Kind.failure.exitCode == 1)
    #expect(LingkarFailure.Kind.badUsage.exitCode == 2)
    #expect(LingkarFailure.Kind.locked.exitCode == 3)
    let failure = LingkarFailure("cannot read x", cause: StoreError.locked(path: "x.lock"))
    #expect(failure.description == "cannot read x" && failure.kind == .failure && failure.cause is StoreError)
  }

  @Test("a held lock is a locked failure, its message the store's, its cause the store's error")
  func locked() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", "")
    let lock = try RunLock(path: directory.file("lingkar.db.lock"), wait: 0)
    defer { withExtendedLifetime(lock) {} }
    let fetch = try #require(throws: LingkarFailure.self) { try FetchRun(options: options(directory)).run() }
    #expect(fetch.kind == .locked)
    #expect(fetch.said.text(in: .en).contains("another Lingkar run is using"))
    guard case .locked? = fetch.cause as? StoreError else {
      Issue.record("the cause must be the store's locked error, got \(String(describing: fetch.cause))")
      return
    }
    var digest = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
    digest.lockWait = 0
    let written = try #require(throws: LingkarFailure.self) { try DigestRun(options: digest).run() }
    #expect(written.kind == .locked)
  }

  @Test("run(holding:) and write(holding:) work under the lock the caller holds, and take no other")
  func holding() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write(
      "local.xml",
      "<rss version=\"2.0\"><channel><title>l</title><item><guid>l1</guid><title>Asesmen</title></item></channel></rss>"
    )
    directory.write("feeds.txt", directory.file("local.xml") + "\n")
    let lock = try RunLock(path: directory.file("lingkar.db.lock"), wait: 0)
    defer { withExtendedLifetime(lock) {} }
    let summary = try FetchRun(options: options(directory)).run(holding: lock)
    #expect(summary.feeds == 1 && summary.new == 1 && summary.failed == 0)
    var digest = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
    digest.since = .days(14)
    digest.lockWait = 0
    let result = try DigestRun(options: digest).write(holding: lock)
    #expect(result.digest.itemCount == 1)
    #expect(try FeedStore(path: directory.file("lingkar.db")).digests().count == 1)
  }

  @Test("a feeds file that cannot be read is a failure whose cause is the feed list's error")
  func feedsFileMissing() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let failure = try #require(throws: LingkarFailure.self) { try FetchRun(options: options(directory)).run() }
    #expect(failure.kind == .failure)
    #expect(failure.said.text(in: .en).hasPrefix("cannot read the feeds file "))
    #expect(failure.cause is FeedListEditError)
  }
}

@Suite("files named on the command line must be regular files")
struct RegularFileTests {
  /// A folder with a FIFO at `name`, nobody writing to it.
  func fifo(_ name: String) -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    #expect(mkfifo(directory.file(name), 0o644) == 0)
    return directory
  }

  @Test("--feeds naming a FIFO: fetch, run and feeds list fail at once, saying it is not a regular file")
  func feedsFIFO() throws {
    let directory = fifo("feeds.txt")
    defer { directory.remove() }
    for arguments in [["fetch", "--lock-wait", "0"], ["run", "--quiet", "--lock-wait", "0"], ["feeds", "list"]] {
      let result = try runLingkar(arguments, in: directory, seconds: 20)
      #expect(result.status == 1, "\(arguments): \(result.stderr)")
      #expect(
        result.stderr.contains("feeds.txt is a pipe (FIFO), not a regular file"), "\(arguments): \(result.stderr)")
    }
  }

  @Test("lingkar digest with a FIFO as feeds file does not wait for it: the stored feeds are listed")
  func digestFeedsFIFO() throws {
    let directory = fifo("feeds.txt")
    defer { directory.remove() }
    let result = try runLingkar(["digest", "--since", "14d", "--lang", "en"], in: directory, seconds: 20)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.file("output/index.html")))
  }

  @Test("lingkar.yaml as a FIFO is a settings problem, printed at once")
  func settingsFIFO() throws {
    let directory = fifo("lingkar.yaml")
    defer { directory.remove() }
    let digest = try runLingkar(["digest", "--lang", "en"], in: directory, seconds: 20)
    #expect(digest.status == 1, "\(digest.stderr)")
    #expect(
      digest.stderr
        == "lingkar: lingkar.yaml: is a pipe (FIFO), not a regular file; give --settings the path of a text file\n")
    // Commands that read the settings first print their problems as a list, without `lingkar: `.
    let agenda = try runLingkar(["agenda", "--meeting", "2026-12-03"], in: directory, seconds: 20)
    #expect(agenda.status == 1, "\(agenda.stderr)")
    #expect(
      agenda.stderr == "lingkar.yaml: is a pipe (FIFO), not a regular file; give --settings the path of a text file\n")
  }

  @Test("topics.txt as a FIFO fails the topics, digest and pick commands at once")
  func topicsFIFO() throws {
    let directory = fifo("topics.txt")
    defer { directory.remove() }
    for arguments in [
      ["topics"], ["digest", "--lang", "en"], ["topics", "pick", "assessment", "--meeting", "2026-12-03"],
    ] {
      let result = try runLingkar(arguments, in: directory, seconds: 20)
      #expect(result.status == 1, "\(arguments): \(result.stderr)")
      #expect(
        result.stderr.contains("topics.txt is a pipe (FIFO), not a regular file"), "\(arguments): \(result.stderr)")
    }
  }

  @Test("a folder given as the topics file is refused the same way")
  func topicsFolder() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(atPath: directory.file("topics.txt"), withIntermediateDirectories: true)
    let result = try runLingkar(["topics"], in: directory, seconds: 20)
    #expect(result.status == 1)
    #expect(result.stderr.contains("topics.txt is a folder, not a regular file"), "\(result.stderr)")
  }
}
