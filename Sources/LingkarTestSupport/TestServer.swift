import Foundation

/// The loopback HTTP server of the fetch tests (`Tests/Support/test_server.py`, through
/// `PythonPeer`), started once per test process and stopped when the process ends (it exits when
/// its standard input closes).
public final class TestServer: Sendable {
  public let port: Int
  /// The folder virtual sites are served from (see `TestSite`).
  public let sitesRoot: String
  private let peer: PythonPeer

  /// The one server of this test process.
  public static let shared: TestServer = {
    do {
      return try TestServer()
    } catch {
      fatalError("cannot start the test server: \(error)")
    }
  }()

  private init() throws {
    let sitesRoot = NSTemporaryDirectory() + "lingkar-sites-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: sitesRoot, withIntermediateDirectories: true)
    peer = try PythonPeer(script: "test_server.py", arguments: [sitesRoot])
    self.port = peer.port
    self.sitesRoot = sitesRoot
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
