/// The ranker's answer for a period: the topics in rank order and every item in rank order.
public struct Ranking: Sendable, Hashable {
  public var topics: [RankedTopic]
  public var items: [ScoredItem]

  public init(topics: [RankedTopic], items: [ScoredItem]) {
    self.topics = topics
    self.items = items
  }
}
