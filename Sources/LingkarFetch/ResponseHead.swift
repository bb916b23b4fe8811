/// What is known of a response when its body starts: enough to set up a parser.
public struct ResponseHead: Sendable, Hashable {
  /// HTTP status; 0 for a local file.
  public var status: Int
  /// The address the body came from, after redirects.
  public var url: String
  public var contentType: String?
  /// The `charset` parameter of `Content-Type`, if any.
  public var charset: String?

  public init(status: Int, url: String, contentType: String?, charset: String?) {
    self.status = status
    self.url = url
    self.contentType = contentType
    self.charset = charset
  }
}
