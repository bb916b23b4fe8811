/// A file attached to an entry: a podcast episode, a video, an image.
public struct Enclosure: Sendable, Hashable, Codable {
  public var url: String?
  public var type: String?
  /// Size in bytes when the feed gives it as a plain number.
  public var length: Int?

  public init(url: String?, type: String?, length: Int?) {
    self.url = url
    self.type = type
    self.length = length
  }
}
