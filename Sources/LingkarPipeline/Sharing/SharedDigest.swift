import Foundation
import LingkarModel
import LingkarStore

extension Digest {
  /// Marks the items teachers shared (the shared articles' feed) with who shared them, names their
  /// source in the digest's language, and lists them, in rank order, for the "Dibagikan guru"
  /// section; records the votes for the next meeting. Nothing changes when nobody shared or voted.
  mutating func attachSharing(
    _ ranked: RankedPeriod, shares: [String: [ArticleShare]], votes: TopicVotes?
  ) {
    let sharedKeys = Dictionary(
      ranked.items.filter { $0.feed == FeedStore.sharedFeedURL }.map { (ItemKey.of($0), $0.key) },
      uniquingKeysWith: { first, _ in first })
    if !sharedKeys.isEmpty {
      let source = Catalogue.for(language).text("digest.shared.source")
      items = items.map { item in
        guard let key = sharedKeys[item.key] else { return item }
        var item = item
        item.sharedBy = shares[key] ?? []
        item.feedTitle = source
        return item
      }
      shared = items.filter { sharedKeys[$0.key] != nil }.map(\.key)
    }
    self.votes = votes
  }
}
