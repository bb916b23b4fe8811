import LingkarFetch
import LingkarStore

/// Why a fetch run stopped as a whole (single feeds never stop it).
public enum FetchRunError: Error, CustomStringConvertible {
  /// Another run holds the lock (exit code 3).
  case locked(String)
  /// The feeds file cannot be read.
  case feedsFileUnreadable(path: String)
  /// The database could not be opened or written.
  case store(String)
  /// libcurl could not be started.
  case fetcher(String)

  public var description: String {
    switch self {
    case .locked(let message): message
    case .feedsFileUnreadable(let path):
      "cannot read the feeds file \(path); create it with one feed address a line, or give --feeds PATH"
    case .store(let message): message
    case .fetcher(let message): "cannot start downloading: \(message)"
    }
  }

  /// True when another run holds the lock.
  public var isLocked: Bool {
    if case .locked = self { return true }
    return false
  }

  init(_ error: StoreError) {
    if case .locked = error { self = .locked(error.description) } else { self = .store(error.description) }
  }
}
