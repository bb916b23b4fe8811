public import LingkarModel

/// A digest file that could not be written: the file (or folder) concerned, and the system's reason
/// (English, for developers; people read `message`).
public struct DigestWriteError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// What happened and what to do, for people.
  public var message: Message { Message("errors.digest.write", ["path": .text(path)]) }

  public var description: String { message.description }
}
