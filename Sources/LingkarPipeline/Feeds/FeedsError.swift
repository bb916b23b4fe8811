import LingkarFeedList
import LingkarFetch
public import LingkarModel
import LingkarStore

/// Why a `lingkar feeds` command could not do what was asked, in words that say what to do next.
public enum FeedsError: Error, CustomStringConvertible {
  /// The input is not something Lingkar can follow (or a service without feeds).
  case input(Message)
  /// The feed is already in the feeds file; `how` says how it matched when it was not the address itself.
  case duplicate(fileName: String, line: Int, text: String, how: Message?)
  /// Neither the page nor the well-known paths gave a feed.
  case noFeed(url: String, tried: [String], reason: Message?)
  /// The address could not be fetched.
  case unreachable(url: String, reason: Message)
  /// The address answered, but not with a feed.
  case notAFeed(url: String, reason: Message)
  /// The YouTube channel page did not give a channel id.
  case youTubeChannelNotFound(handle: String, reason: Message?)
  /// `--no-check` with `youtube:@handle`, which needs fetching to be understood.
  case needsFetch(handle: String)
  /// The feeds file could not be read or written.
  case feedsFile(Message)
  /// `feeds remove` found nothing to remove.
  case notFound(String, fileName: String)
  /// `feeds remove N` on a line that holds no feed.
  case notAFeedLine(Int, fileName: String)
  /// The OPML file could not be read.
  case opml(path: String, reason: Message)
  /// libcurl could not be started.
  case fetcher(Message)
  /// The database could not be read or written.
  case store(Message)
  /// Another run holds the database lock (exit 3); the failure of the fetch, as said.
  case locked(Message)

  /// What went wrong and what to do, for people.
  public var message: Message {
    switch self {
    case .input(let message): message
    case .duplicate(let fileName, let line, let text, let how):
      Message(
        how == nil ? "errors.feeds.duplicate" : "errors.feeds.duplicate.how",
        [
          "name": .text(fileName), "lineNumber": .number(line), "text": .text(text),
          "how": how.map(MessageArgument.message) ?? .text(""),
        ])
    case .noFeed(let url, let tried, let reason):
      Message(
        "errors.feeds.no-feed" + (reason == nil ? "" : ".reason") + (tried.isEmpty ? "" : ".tried"),
        [
          "url": .text(url), "reason": reason.map(MessageArgument.message) ?? .text(""),
          "paths": .text(tried.joined(separator: ", ")),
        ])
    case .unreachable(let url, let reason):
      Message("errors.feeds.unreachable", ["url": .text(url), "reason": .message(reason)])
    case .notAFeed(let url, let reason):
      Message("errors.feeds.not-a-feed", ["url": .text(url), "reason": .message(reason)])
    case .youTubeChannelNotFound(let handle, let reason):
      Message(
        reason == nil ? "errors.feeds.youtube-channel" : "errors.feeds.youtube-channel.reason",
        ["handle": .text(handle), "reason": reason.map(MessageArgument.message) ?? .text("")])
    case .needsFetch(let handle): Message("errors.feeds.needs-fetch", ["handle": .text(handle)])
    case .feedsFile(let message): message
    case .notFound(let what, let fileName):
      Message("errors.feeds.not-found", ["target": .text(what), "name": .text(fileName)])
    case .notAFeedLine(let line, let fileName):
      Message("errors.feeds.not-a-feed-line", ["lineNumber": .number(line), "name": .text(fileName)])
    case .opml(let path, let reason): Message("errors.feeds.opml", ["path": .text(path), "reason": .message(reason)])
    case .fetcher(let message): message
    case .store(let message): message
    case .locked(let message): message
    }
  }

  public var description: String { message.description }

  /// True when another run holds the lock (exit code 3, see `LingkarFailure.init(_: FeedsError)`).
  var isLocked: Bool {
    if case .locked = self { return true }
    return false
  }

  init(_ error: StoreError) {
    if case .locked = error { self = .locked(error.message) } else { self = .store(error.message) }
  }

  /// Messages one after the other, separated by semicolons, each in the reader's language.
  static func list(_ messages: [Message]) -> Message {
    guard let first = messages.first else { return .verbatim("") }
    guard messages.count > 1 else { return first }
    return Message("errors.list", ["first": .message(first), "rest": .message(list(Array(messages.dropFirst())))])
  }

  /// An edit of the feeds file that failed: its own error, or (never expected) anything else.
  /// libcurl could not be started.
  static func fetching(_ error: FetchError) -> FeedsError { .fetcher(LingkarFailure.fetcherMessage(error)) }

  static func edit(_ error: any Error) -> FeedsError {
    if let error = error as? FeedsError { return error }
    if let error = error as? FeedListEditError { return .feedsFile(error.message) }
    return .feedsFile(Message("errors.feeds.edit-failed"))
  }
}
