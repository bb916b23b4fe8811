import LingkarFetch
public import LingkarModel
import LingkarStore

/// The lower layers' errors as the one failure the pipeline throws: each kind of error is turned
/// into a `LingkarFailure` here, in one place, with its message unchanged and the error kept as
/// the cause.
extension LingkarFailure {
  /// A store error: exit code 3 when another run holds the lock, else 1.
  init(_ error: StoreError) {
    if case .locked = error {
      self.init(error.description, kind: .locked, cause: error)
    } else {
      self.init(error.description, cause: error)
    }
  }

  /// An error of a `lingkar feeds` command.
  init(_ error: FeedsError) {
    self.init(error.description, kind: error.isLocked ? .locked : .failure, cause: error)
  }

  /// libcurl could not be started.
  init(fetcher error: FetchError) {
    self.init("cannot start downloading: \(error.description)", cause: error)
  }

  /// The settings file has problems, one a line.
  init(settings error: any Error) {
    self.init("\(error)", cause: error)
  }

  /// The period cannot be made (a start in the future): bad usage.
  static func period(_ problem: String) -> LingkarFailure {
    LingkarFailure(problem, kind: .badUsage)
  }
}

/// Why `lingkar run` wrote no digest although nothing else failed: (nearly) no feed could be
/// reached, so the school's connection was down. The cause of that failure; the summary is what
/// the fetch did.
public struct ConnectionDown: Error, Sendable {
  public var summary: FetchSummary

  public init(summary: FetchSummary) {
    self.summary = summary
  }
}
