import LingkarFeedList
import LingkarFetch
import LingkarMail
public import LingkarModel
import LingkarRank
import LingkarSettings
import LingkarStore

/// The lower layers' errors as the one failure the pipeline throws: each kind of error is turned
/// into a `LingkarFailure` here, in one place, with its message unchanged and the error kept as
/// the cause.
extension LingkarFailure {
  /// A store error: exit code 3 when another run holds the lock, else 1.
  init(_ error: StoreError) {
    if case .locked = error {
      self.init(error.message, kind: .locked, cause: error)
    } else {
      self.init(error.message, cause: error)
    }
  }

  /// An error of a `lingkar feeds` command.
  init(_ error: FeedsError) {
    self.init(error.message, kind: error.isLocked ? .locked : .failure, cause: error)
  }

  /// libcurl could not be started.
  init(fetcher error: FetchError) {
    self.init(Self.fetcherMessage(error), cause: error)
  }

  /// libcurl could not be started: our words, libcurl's code for developers.
  static func fetcherMessage(_ error: FetchError) -> Message {
    switch error {
    case .curl(let code, _), .curlMulti(let code, _): Message("errors.feeds.fetcher", ["code": .number(code)])
    }
  }

  /// The settings file has problems, one a line (`lingkar.yaml:7: problem`).
  init(settings error: SettingsProblems) {
    self.init(Message("errors.settings.listing", ["problems": .message(Self.listing(error.errors))]), cause: error)
  }

  /// `file:line: problem` lines, each problem in the reader's language.
  static func listing(_ lines: [(file: String, line: Int, problem: Message)]) -> Message {
    let messages = lines.map { line in
      line.line > 0
        ? Message(
          "errors.located",
          ["name": .text(line.file), "lineNumber": .number(line.line), "problem": .message(line.problem)])
        : Message("errors.located.file", ["name": .text(line.file), "problem": .message(line.problem)])
    }
    guard var result = messages.last else { return .verbatim("") }
    for message in messages.dropLast().reversed() {
      result = Message("errors.lines", ["first": .message(message), "rest": .message(result)])
    }
    return result
  }

  static func listing(_ errors: [SettingsError]) -> Message {
    listing(errors.map { ($0.file, $0.line, $0.problem) })
  }

  /// A failure to read `path` (the database, mostly), with the error underneath in our words.
  init(reading path: String, _ error: any Error) {
    self.init(
      Message("errors.cannot-read", ["path": .text(path), "reason": .message(Self.reason(error))]), cause: error)
  }

  /// The error underneath a failure, in our words: each lower layer's own message, never its
  /// English description.
  public static func reason(_ error: any Error) -> Message {
    switch error {
    case let error as StoreError: error.message
    case let error as LingkarFailure: error.said
    case let error as DigestWriteError: error.message
    case let error as FeedListEditError: error.message
    case let error as RegularFile.Problem: error.message
    case let error as MailError: error.message
    case let error as FetchError: fetcherMessage(error)
    case let error as SettingsProblems: listing(error.errors)
    case let error as TopicsFileError: error.problem
    default: Message("errors.unexpected", ["kind": .text(String(describing: type(of: error)))])
    }
  }

  /// The period cannot be made (a start in the future): bad usage.
  static func period(_ problem: Message) -> LingkarFailure {
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
