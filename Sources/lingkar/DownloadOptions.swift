import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// The download policy `lingkar fetch` and `lingkar run` share.
struct DownloadOptions: ParsableArguments {
  @Option(help: "Downloads at once.")
  var jobs = 16

  @Option(help: "Connections to one host at once.")
  var maxPerHost = 4

  @Option(help: "Largest feed accepted, after decompression (e.g. 10MB, 500KB, or bytes).")
  var maxSize = "10MB"

  @Option(help: "Seconds a whole download may take.")
  var timeout = 60

  @Option(help: "Seconds to wait for a connection.")
  var connectTimeout = 10

  @Option(help: "The User-Agent header sent to servers.")
  var userAgent: String?

  @Flag(help: "Try failing feeds now instead of waiting out their backoff.")
  var retryFailed = false

  func validate() throws {
    guard jobs >= 1 && jobs <= 256 else { throw ValidationError(Message("errors.usage.jobs").description) }
    guard maxPerHost >= 1 else { throw ValidationError(Message("errors.usage.max-per-host").description) }
    guard Self.bytes(maxSize) != nil else { throw ValidationError(Message("errors.usage.max-size").description) }
    guard timeout >= 1, connectTimeout >= 1 else { throw ValidationError(Message("errors.usage.timeouts").description) }
  }

  /// Writes this policy into the fetch run's options.
  func apply(to options: inout FetchRunOptions) {
    options.jobs = jobs
    options.maxHostConnections = maxPerHost
    options.maxBodyBytes = Self.bytes(maxSize) ?? options.maxBodyBytes
    options.totalTimeoutSeconds = timeout
    options.connectTimeoutSeconds = connectTimeout
    if let userAgent { options.userAgent = userAgent }
    options.ignoreBackoff = retryFailed
  }

  /// `10MB`, `500KB`, `1000000` → bytes (decimal units, as download sizes are usually given).
  static func bytes(_ text: String) -> Int? {
    let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
    let units: [(String, Int)] = [
      ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("G", 1_000_000_000), ("M", 1_000_000), ("K", 1_000),
      ("B", 1),
    ]
    for (suffix, factor) in units where upper.hasSuffix(suffix) {
      return Int(upper.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
    }
    return Int(upper)
  }
}
