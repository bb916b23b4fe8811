public import LingkarModel

/// One topic of a period, with its score explained and its items (story representatives) in order.
public struct RankedTopic: Sendable, Hashable {
  public var id: String
  public var labelID: String
  public var labelEN: String
  public var score: Double
  public var breakdown: TopicScoreBreakdown
  /// Item keys in rank order (one per story; duplicates are listed on the item).
  public var items: [String]

  public init(
    id: String, labelID: String, labelEN: String, score: Double, breakdown: TopicScoreBreakdown, items: [String]
  ) {
    self.id = id
    self.labelID = labelID
    self.labelEN = labelEN
    self.score = score
    self.breakdown = breakdown
    self.items = items
  }
}
