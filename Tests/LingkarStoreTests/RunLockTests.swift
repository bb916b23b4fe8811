import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The one `flock` loop (`FileLock`) behind the run lock and the feeds file's lock: exclusive
/// across threads and processes, and the run lock's file gone once the run lets go (issue 17: no
/// stray `lingkar.db.lock`).
@Suite("FileLock and RunLock: one holder at a time, no lock file left behind")
struct RunLockTests {
  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  @Test("the run lock's file is removed when the run lets go, also one left by a killed run")
  func removedWhenReleased() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db.lock")
    var lock: RunLock? = try RunLock(path: path, wait: 0)
    #expect(Self.exists(path))
    #expect(lock != nil)
    lock = nil
    #expect(!Self.exists(path))
    // A killed run leaves its file (the kernel drops only the lock): the next run takes it.
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    lock = try RunLock(path: path, wait: 0)
    lock = nil
    #expect(!Self.exists(path))
  }

  @Test("a lock file that is kept (the feeds file's) stays after release")
  func keptWhenAsked() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("feeds.txt.lock")
    let lock = try FileLock(path: path, wait: 0, pollInterval: 0.01)
    #expect(throws: FileLock.Failure.held) { try FileLock(path: path, wait: 0, pollInterval: 0.01) }
    lock.release()
    #expect(Self.exists(path))
    #expect(try FileLock(path: path, wait: 0, pollInterval: 0.01).path == path)
  }

  @Test("a folder that does not exist: the lock cannot be made, and says why")
  func unavailable() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let error = try #require(throws: FileLock.Failure.self) {
      try FileLock(path: directory.file("missing/lingkar.db.lock"), wait: 0, pollInterval: 0.01)
    }
    #expect(error == .unavailable(reason: String(cString: strerror(ENOENT))))
  }

  /// Four threads take the lock 60 times each, the file removed at every release: a thread that
  /// waited on a removed file must not hold it alongside one that made the new file.
  @Test("threads: never two holders at once, while the lock file is removed and made again between them")
  func threadsExclusive() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db.lock")
    let inside = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)
    let taken = Atomic<Int>(0)
    let failures = Atomic<Int>(0)
    // Real threads (not a dispatch pool, which may run them one after another on a busy machine).
    let done = DispatchSemaphore(value: 0)
    for _ in 0..<4 {
      Thread.detachNewThread {
        for _ in 0..<60 {
          do {
            let lock = try FileLock(path: path, wait: 30, pollInterval: 0.001, removeWhenReleased: true)
            if inside.add(1, ordering: .sequentiallyConsistent).newValue != 1 {
              overlaps.add(1, ordering: .relaxed)
            }
            usleep(1_000)
            taken.add(1, ordering: .relaxed)
            inside.subtract(1, ordering: .sequentiallyConsistent)
            lock.release()
          } catch {
            failures.add(1, ordering: .relaxed)
          }
        }
        done.signal()
      }
    }
    for _ in 0..<4 { done.wait() }
    #expect(failures.load(ordering: .relaxed) == 0)
    #expect(taken.load(ordering: .relaxed) == 240)
    #expect(overlaps.load(ordering: .relaxed) == 0)
    #expect(!Self.exists(path))
  }

  @Test("another process holding the lock keeps the run out (locked); once it is gone the run takes it and cleans up")
  func otherProcess() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("lingkar.db.lock")
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = [
      "python3", "-c",
      "import fcntl, sys; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); "
        + "sys.stdin.read()",
      path,
    ]
    let input = Pipe()
    let output = Pipe()
    holder.standardInput = input
    holder.standardOutput = output
    try holder.run()
    #expect(output.fileHandleForReading.availableData.starts(with: Data("held".utf8)))
    #expect(throws: StoreError.self) { try RunLock(path: path, wait: 0.3) }
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    var lock: RunLock? = try RunLock(path: path, wait: 5)
    #expect(lock != nil)
    lock = nil
    #expect(!Self.exists(path))
  }
}
