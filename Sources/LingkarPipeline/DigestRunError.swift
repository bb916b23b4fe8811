import LingkarStore

/// Why a digest could not be written.
public enum DigestRunError: Error, CustomStringConvertible {
  /// Another run holds the lock (exit code 3).
  case locked(String)
  /// The database could not be read or written.
  case store(String)
  /// The topics file has errors.
  case topics(String)
  /// The settings file has errors.
  case settings(String)
  /// The digest files could not be written.
  case write(String)
  /// The period cannot be made (a start in the future): bad usage, exit code 2.
  case period(String)

  public var description: String {
    switch self {
    case .locked(let message), .store(let message), .topics(let message), .settings(let message), .write(let message),
      .period(let message):
      message
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
