/// Why the digest files could not be written, in words that say what to do.
public struct DigestWriteError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    "cannot write \(path): \(reason) (check that the output folder exists and is writable, or give --output DIR)"
  }
}
