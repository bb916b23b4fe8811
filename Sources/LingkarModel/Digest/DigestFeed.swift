public import Foundation

/// One feed the school follows, as the digest reports it.
public struct DigestFeed: Sendable, Hashable {
  public var url: String
  public var title: String?
  /// The latest attempt; nil when the feed has not been fetched yet.
  public var status: FeedStatus?
  /// The last problem as stored: a `FetchFailure.code` (`http:404`), or the English words of an
  /// older Lingkar; nil after a success.
  public var error: String?
  /// The last problem; nil after a success.
  public var failure: FetchFailure? { error.flatMap { $0.isEmpty ? nil : FetchFailure(code: $0) } }
  /// Where a permanent redirect pointed.
  public var movedTo: String?
  /// The newest item ever seen from the feed, for "silent for more than 60 days".
  public var lastItem: Date?

  public init(
    url: String, title: String? = nil, status: FeedStatus?, error: String? = nil, movedTo: String? = nil,
    lastItem: Date? = nil
  ) {
    self.url = url
    self.title = title
    self.status = status
    self.error = error
    self.movedTo = movedTo
    self.lastItem = lastItem
  }

  /// Days without a new item after which a feed is listed as silent.
  public static let silentDays = 60

  /// What a teacher should look at about this feed at `date`, or nil when it is fine.
  public func attention(asOf date: Date) -> FeedAttention? {
    switch status {
    case .gone: return .gone
    case .failed: return .failed(reason: failure)
    case .moved: if let movedTo { return .moved(to: movedTo) }
    case .ok, .notModified, nil: break
    }
    if let lastItem {
      let days = Int(date.timeIntervalSince(lastItem) / 86_400)
      if days > Self.silentDays { return .silent(days: days) }
    }
    return nil
  }
}
