import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// The download policy `lingkar fetch` and `lingkar run` share.
struct DownloadOptions: ParsableArguments {
  @Option(help: Words.help("help.option.jobs"))
  var jobs = 16

  @Option(help: Words.help("help.option.max_per_host"))
  var maxPerHost = 4

  @Option(help: Words.help("help.option.max_size"))
  var maxSize = "10MB"

  @Option(help: Words.help("help.option.timeout"))
  var timeout = 60

  @Option(help: Words.help("help.option.connect_timeout"))
  var connectTimeout = 10

  @Option(help: Words.help("help.option.user_agent"))
  var userAgent: String?

  @Flag(help: Words.help("help.option.retry_failed"))
  var retryFailed = false

  func validate() throws {
    guard jobs >= 1 && jobs <= 256 else { throw Words.usage("cli.usage.jobs") }
    guard maxPerHost >= 1 else { throw Words.usage("cli.usage.max_per_host") }
    guard Self.bytes(maxSize) != nil else { throw Words.usage("cli.usage.max_size") }
    guard timeout >= 1, connectTimeout >= 1 else { throw Words.usage("cli.usage.timeouts") }
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
