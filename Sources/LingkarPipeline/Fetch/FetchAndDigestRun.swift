public import Foundation
public import LingkarModel
import LingkarStore

/// `lingkar run`: fetch, store, rank and write, holding the run lock throughout, so two runs never
/// both write. Feeds that fail are reported and listed in the digest; the digest is written anyway,
/// unless (nearly) no feed could be reached (`ConnectionCheck`): then the school's connection is
/// down, and no digest is written, so the next one still covers everything since the last.
public struct FetchAndDigestRun {
  public var fetch: FetchRunOptions
  public var digest: DigestRunOptions
  /// The clock, read once when the fetch starts and again when the digest is made.
  private let now: () -> Date

  public init(fetch: FetchRunOptions, digest: DigestRunOptions, now: @escaping () -> Date = Date.init) {
    self.fetch = fetch
    self.digest = digest
    self.now = now
  }

  /// What was done.
  public struct Result: Sendable {
    public var fetch: FetchSummary
    public var digest: Digest
    /// The five digest files (`digest-full.txt` after `digest.txt`), then `index.html` and `feed.xml`.
    public var paths: [String]
  }

  public func run(
    report: (Diagnostic) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(LingkarFailure) -> Result {
    // Refused before anything is fetched: a period starting in the future.
    if let problem = digest.since.problem(now: now()) { throw .period(problem) }
    let lock: RunLock
    do {
      lock = try RunLock(path: fetch.databasePath + ".lock", wait: fetch.lockWait)
    } catch {
      throw LingkarFailure(error)
    }
    defer { withExtendedLifetime(lock) {} }

    let summary = try FetchRun(options: fetch, now: now).run(holding: lock, report: report, progress: progress)
    if summary.connectionProblem {
      throw LingkarFailure(summary.connectionMessage(digest: true), cause: ConnectionDown(summary: summary))
    }
    var digestOptions = digest
    digestOptions.databasePath = fetch.databasePath
    digestOptions.now = now()
    let written = try DigestRun(options: digestOptions).write(holding: lock)
    return Result(fetch: summary, digest: written.digest, paths: written.paths)
  }
}
