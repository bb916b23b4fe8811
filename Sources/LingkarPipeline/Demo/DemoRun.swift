public import Foundation
public import LingkarModel

/// `lingkar demo`: the whole pipeline, offline, on the bundled sample feeds (`demo/feeds/`).
///
/// The samples are read through libcurl as local files into a fresh database in a temporary
/// folder (never the user's `lingkar.db`), and three fortnightly digests are written into the
/// output folder, as if `lingkar run` had run every other Sunday up to 2026-11-29 (the samples
/// are dated October and November 2026): so the archive has three entries, and the newest
/// digest a volume chart and trends to show.
public struct DemoRun {
  /// The samples' "now": Sunday 2026-11-29, 07:00 UTC (14:00 in Jakarta).
  public static let now = Date(timeIntervalSince1970: 1_795_935_600)
  /// Digests written, one every `periodDays`, the last one at `now`.
  public static let periods = 3
  public static let periodDays = 14
  /// Western Indonesian Time, the samples' school.
  public static let utcOffset = 7 * 3600

  public var samplesDirectory: String
  public var outputDirectory: String
  public var topicsPath: String
  public var language: DigestLanguage

  public init(samplesDirectory: String, outputDirectory: String, topicsPath: String, language: DigestLanguage) {
    self.samplesDirectory = samplesDirectory
    self.outputDirectory = outputDirectory
    self.topicsPath = topicsPath
    self.language = language
  }

  /// What the demo did.
  public struct Result: Sendable {
    public var fetch: FetchSummary
    /// The digests written, oldest first.
    public var digests: [Digest]
    /// The newest digest's `digest.html`.
    public var page: String
  }

  public func run(report: (Diagnostic) -> Void = { _ in }) throws(LingkarFailure) -> Result {
    let workspace = NSTemporaryDirectory() + "lingkar-demo-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory)) ?? [])
      .filter { !$0.hasPrefix(".") }.sorted()
    guard !names.isEmpty else {
      throw LingkarFailure(Message("errors.demo.no-samples", ["path": .text(samplesDirectory)]))
    }
    let directory = URL(fileURLWithPath: samplesDirectory).standardizedFileURL.path
    let feedsPath = workspace + "/feeds.txt"
    let databasePath = workspace + "/demo.db"
    do {
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      let list =
        "# the bundled sample feeds, read as local files\n" + names.map { directory + "/" + $0 + "\n" }.joined()
      try list.write(toFile: feedsPath, atomically: true, encoding: .utf8)
    } catch {
      throw LingkarFailure(Message("errors.demo.prepare", ["path": .text(workspace)]), cause: error)
    }

    // Fetched a minute before the last digest, so items without a date (placed when first seen)
    // fall inside its period.
    let fetchTime = Self.now.addingTimeInterval(-60)
    let summary = try FetchRun(
      options: FetchRunOptions(feedsPath: feedsPath, databasePath: databasePath), now: { fetchTime }
    )
    .run(report: report)

    var digests: [Digest] = []
    var page = ""
    for index in 0..<Self.periods {
      var options = DigestRunOptions(
        databasePath: databasePath, feedsPath: feedsPath, topicsPath: topicsPath, outputDirectory: outputDirectory)
      options.now = Self.now.addingTimeInterval(-Double((Self.periods - 1 - index) * Self.periodDays) * 86_400)
      options.utcOffset = Self.utcOffset
      options.language = language
      // Fortnights by published date: the one fetch happens before all three digests, so "first
      // seen since the previous digest" (`last`) would put every item in the last.
      options.since = .days(Self.periodDays)
      let result = try DigestRun(options: options).run()
      digests.append(result.digest)
      page = result.paths.first { $0.hasSuffix("/digest.html") } ?? page
    }
    return Result(fetch: summary, digests: digests, page: page)
  }
}
