/// Why a feed is listed under "Feeds needing attention".
public enum FeedAttention: Sendable, Hashable {
  /// The last fetch failed, for this reason (nil when none was kept); the digest says it in its language.
  case failed(reason: FetchFailure?)
  /// The server said 410 Gone: the feed is no longer fetched.
  case gone
  /// The feed moved for good; `feeds.txt` should name the new address.
  case moved(to: String)
  /// No new item for this many days (more than `DigestFeed.silentDays`).
  case silent(days: Int)
}
