/// A failure of the fetcher itself (not of one feed): libcurl could not be set up.
public enum FetchError: Error, Sendable, CustomStringConvertible {
  /// A libcurl call failed with this code and message.
  case curl(code: Int, message: String)
  /// A libcurl multi call failed with this code and message.
  case curlMulti(code: Int, message: String)

  public var description: String {
    switch self {
    case .curl(let code, let message): "libcurl error \(code): \(message)"
    case .curlMulti(let code, let message): "libcurl multi error \(code): \(message)"
    }
  }
}
