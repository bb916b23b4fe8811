import LingkarStore

/// Why a `lingkar feeds` command could not do what was asked, in words that say what to do next.
public enum FeedsError: Error, CustomStringConvertible {
  /// The input is not something Lingkar can follow (or a service without feeds).
  case input(String)
  /// The feed is already in the feeds file.
  case duplicate(fileName: String, line: Int, text: String, how: String?)
  /// Neither the page nor the well-known paths gave a feed.
  case noFeed(url: String, tried: [String], reason: String?)
  /// The address could not be fetched.
  case unreachable(url: String, reason: String)
  /// The address answered, but not with a feed.
  case notAFeed(url: String, reason: String)
  /// The YouTube channel page did not give a channel id.
  case youTubeChannelNotFound(handle: String, reason: String?)
  /// `--no-check` with an input that needs fetching to be understood.
  case needsFetch(String)
  /// The feeds file could not be read or written.
  case feedsFile(String)
  /// `feeds remove` found nothing to remove.
  case notFound(String, fileName: String)
  /// `feeds remove N` on a line that holds no feed.
  case notAFeedLine(Int, fileName: String)
  /// The OPML file could not be read.
  case opml(path: String, reason: String)
  /// libcurl could not be started.
  case fetcher(String)
  /// The database could not be read or written.
  case store(String)
  /// Another run holds the database lock (exit 3).
  case locked(String)

  public var description: String {
    switch self {
    case .input(let message): message
    case .duplicate(let fileName, let line, let text, let how):
      "this feed is already in \(fileName) on line \(line)\(how.map { " (\($0))" } ?? ""): \(text)"
    case .noFeed(let url, let tried, let reason):
      "no feed found at \(url)" + (reason.map { " (\($0))" } ?? "")
        + (tried.isEmpty ? "" : "; tried the page's links and " + tried.joined(separator: ", "))
        + ". Look on the site for an RSS or Atom link and add that address, or ask the site's owner for the feed."
    case .unreachable(let url, let reason):
      "cannot fetch \(url): \(reason). Check the address, or use --no-check to add it anyway if the site is only down for now."
    case .notAFeed(let url, let reason):
      "\(url) is not a feed: \(reason). Give the blog's own address and Lingkar will look for its feed."
    case .youTubeChannelNotFound(let handle, let reason):
      "could not find the channel id of YouTube @\(handle)" + (reason.map { " (\($0))" } ?? "")
        + ". Open the channel, choose About, Share channel, Copy channel ID, and add youtube:UC... instead."
    case .needsFetch(let message): message
    case .feedsFile(let message): message
    case .notFound(let what, let fileName):
      "no line of \(fileName) has \(what); lingkar feeds list shows the feeds and their line numbers"
    case .notAFeedLine(let line, let fileName):
      "line \(line) of \(fileName) holds no feed (it is blank, a comment, or cannot be read); lingkar feeds list shows the feeds and their line numbers"
    case .opml(let path, let reason): "cannot import \(path): \(reason)"
    case .fetcher(let message): "cannot start downloading: \(message)"
    case .store(let message): message
    case .locked(let message): message
    }
  }

  /// True when another run holds the lock (exit code 3, see `LingkarFailure.init(_: FeedsError)`).
  var isLocked: Bool {
    if case .locked = self { return true }
    return false
  }

  init(_ error: StoreError) {
    if case .locked = error { self = .locked(error.description) } else { self = .store(error.description) }
  }
}
