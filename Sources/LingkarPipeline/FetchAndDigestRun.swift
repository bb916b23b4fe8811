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
    /// The four digest files, then `index.html` and `feed.xml`.
    public var paths: [String]
  }

  /// Why the run stopped as a whole.
  public enum Failure: Error, CustomStringConvertible {
    case fetch(FetchRunError)
    case digest(DigestRunError)
    /// (Nearly) no feed could be reached: the school's connection was down. No digest was written
    /// and nothing moved where the next `--since last` starts; the summary is what the fetch did.
    case connection(FetchSummary)

    public var description: String {
      switch self {
      case .fetch(let error): error.description
      case .digest(let error): error.description
      case .connection(let summary): summary.connectionMessage(digest: true)
      }
    }

    /// True when another run holds the lock (exit code 3).
    public var isLocked: Bool {
      switch self {
      case .fetch(let error): error.isLocked
      case .digest(let error): error.isLocked
      case .connection: false
      }
    }

    /// True for bad usage (exit code 2): a period that cannot be made.
    public var isBadUsage: Bool {
      if case .digest(.period) = self { return true }
      return false
    }
  }

  public func run(
    report: (Diagnostic) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(Failure) -> Result {
    // Refused before anything is fetched: a period starting in the future.
    if let problem = digest.since.problem(now: now()) { throw .digest(.period(problem)) }
    let lock: RunLock
    do {
      lock = try RunLock(path: fetch.databasePath + ".lock", wait: fetch.lockWait)
    } catch {
      throw .fetch(FetchRunError(error))
    }
    defer { withExtendedLifetime(lock) {} }

    var fetchOptions = fetch
    fetchOptions.lockHeld = true
    let summary: FetchSummary
    do {
      summary = try FetchRun(options: fetchOptions, now: now).run(report: report, progress: progress)
    } catch {
      throw .fetch(error)
    }
    if summary.connectionProblem { throw .connection(summary) }
    var digestOptions = digest
    digestOptions.databasePath = fetch.databasePath
    digestOptions.now = now()
    do {
      let written = try DigestRun(options: digestOptions).write()
      return Result(fetch: summary, digest: written.digest, paths: written.paths)
    } catch {
      throw .digest(error)
    }
  }
}
