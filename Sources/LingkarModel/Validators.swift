/// The HTTP validators a server gave for a feed, sent back on the next fetch as
/// `If-None-Match` and `If-Modified-Since`.
public struct Validators: Sendable, Hashable {
  public var etag: String?
  public var lastModified: String?

  public init(etag: String? = nil, lastModified: String? = nil) {
    self.etag = etag
    self.lastModified = lastModified
  }

  public var isEmpty: Bool { etag == nil && lastModified == nil }
}
