/// The result of the latest attempt to read a feed, as `digest.json` names it.
public enum FeedStatus: String, Sendable, Hashable, CaseIterable {
  /// Fetched and read.
  case ok
  /// The server said nothing changed since the last fetch (HTTP 304).
  case notModified = "not-modified"
  /// Fetched and read, but the server says the feed moved for good to another address.
  case moved
  /// The server says the feed is gone for good (HTTP 410); it is no longer fetched.
  case gone
  /// The feed could not be fetched or read.
  case failed
}
