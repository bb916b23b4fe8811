import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A test peer written in Python (`Tests/Support/SCRIPT`): started with its arguments, it prints
/// the port it listens on as its first line. The one launcher behind `TestServer`, `SMTPSink` and
/// the period tests' static file server.
///
/// Its standard input stays open while it runs: the scripts stop when it closes, so a peer never
/// outlives the test process. `stop()` kills it with SIGKILL, because a Swift Testing process's
/// threads block SIGTERM, its children inherit that, and `Process.terminate()` would then hang.
// The process and pipe are set once in `init`; `stop` is serialised by a lock.
public final class PythonPeer: @unchecked Sendable {
  /// The port the peer printed.
  public let port: Int
  private let process: Process
  private let stdin: Pipe
  private let lock = NSLock()
  private var running = true

  /// Why a peer did not start.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  /// - Parameters:
  ///   - script: a file name in `Tests/Support`.
  ///   - hint: what to say when the peer does not print its port (a missing Python package).
  public init(script: String, arguments: [String] = [], hint: String = "") throws {
    let path = Self.supportFolder.appendingPathComponent(script).path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    var line = Data()
    while let byte = try stdout.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A {
      line.append(first)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw StartError(description: "\(script) did not start" + (hint.isEmpty ? "" : " (\(hint))"))
    }
    self.port = port
    self.process = process
    self.stdin = stdin
  }

  /// `Tests/Support` of this checkout.
  static let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Support")

  /// The peer's process id.
  public var processIdentifier: Int32 { process.processIdentifier }

  /// Kills the peer at once and waits for it; later calls do nothing.
  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard running else { return }
    running = false
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    try? stdin.fileHandleForWriting.close()
  }
}
