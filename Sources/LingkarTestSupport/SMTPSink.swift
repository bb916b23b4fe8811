import Foundation

/// The test's own SMTP sink (`Tests/Support/smtp_sink.py`, aiosmtpd) on 127.0.0.1: started per
/// test (through `PythonPeer`), stopped by `stop()`.
public final class SMTPSink {
  public let port: Int
  public let directory: String
  private let peer: PythonPeer

  /// - Parameter options: `--auth` (AUTH offered without TLS, attempts logged: `authAttempts`),
  ///   `--starttls-refused` (STARTTLS offered, answered with 454); see `smtp_sink.py`.
  public init(options: [String] = []) throws {
    directory = NSTemporaryDirectory() + "lingkar-smtp-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    peer = try PythonPeer(
      script: "smtp_sink.py", arguments: [directory] + options, hint: "is aiosmtpd installed? pip install aiosmtpd")
    port = peer.port
  }

  public var url: String { "smtp://127.0.0.1:\(port)" }

  /// The decoded summary of message `number` (from 1), waiting briefly for it to be written.
  public func message(_ number: Int) throws -> [String: Any] {
    let path = directory + "/\(number).json"
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: path) { usleep(20_000) }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  public func raw(_ number: Int) throws -> String {
    try String(contentsOfFile: directory + "/\(number).eml", encoding: .utf8)
  }

  /// The AUTH commands the sink received (with `--auth`), one a line: `AUTH PLAIN`.
  public var authAttempts: [String] {
    let text = (try? String(contentsOfFile: directory + "/auth.log", encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  public func stop() {
    peer.stop()
    try? FileManager.default.removeItem(atPath: directory)
  }
}
