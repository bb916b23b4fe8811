import Foundation

/// The loopback HTTP server of the fetch tests (`Tests/Support/test_server.py`), started once per
/// test process and stopped when the process ends (it exits when its standard input closes).
// The process and pipe are set once in `init` and never touched again, so sharing is safe.
public final class TestServer: @unchecked Sendable {
  public let port: Int
  /// The folder virtual sites are served from (see `TestSite`).
  public let sitesRoot: String
  private let process: Process
  private let stdin: Pipe

  /// The one server of this test process.
  public static let shared: TestServer = {
    do {
      return try TestServer()
    } catch {
      fatalError("cannot start the test server: \(error)")
    }
  }()

  private init() throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Tests/Support/test_server.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let sitesRoot = NSTemporaryDirectory() + "lingkar-sites-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: sitesRoot, withIntermediateDirectories: true)
    process.arguments = ["python3", script.path, sitesRoot]
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
      throw CocoaError(.fileReadCorruptFile)
    }
    self.port = port
    self.sitesRoot = sitesRoot
    self.process = process
    self.stdin = stdin
  }

  /// `http://127.0.0.1:PORT` + path.
  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  /// GETs a control path (`/_count/...`, `/_headers/...`, `/_release/...`) and returns the body.
  /// (Foundation on Linux has no HTTP without FoundationNetworking; Python is here anyway.)
  public func get(_ path: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=150).read().decode())",
      url(path),
    ]
    let output = Pipe()
    process.standardOutput = output
    guard (try? process.run()) != nil else { return "" }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The request headers (lower-case names) of the latest request for `path`.
  public func lastHeaders(_ path: String) -> [String: String] {
    let body = get("/_headers" + path)
    return (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: String] ?? [:]
  }
}
