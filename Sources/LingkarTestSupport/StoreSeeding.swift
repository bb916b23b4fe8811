public import Foundation
public import LingkarModel
public import LingkarStore

extension FeedStore {
  /// The feed the tests' stores are seeded with.
  public static let seedFeed = "https://guru.example/feed"

  /// Records `entries` as one successful fetch, at `time`, of one feed (`guru.example` by default,
  /// titled "Guru"): the store seeding many tests did by hand. Returns what the store counted.
  @discardableResult
  public func seed(_ entries: [Entry], time: Date, feed: String = FeedStore.seedFeed, title: String = "Guru")
    throws(StoreError) -> BatchSummary
  {
    try record([
      FeedUpdate(
        source: FeedSource(written: feed, url: feed), status: .ok, validators: Validators(),
        host: URL(string: feed)?.host, document: FeedDocument(title: title, entries: entries), time: time)
    ])
  }
}
