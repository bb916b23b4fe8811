public import Foundation

/// One topic of the period: its labels, its score explained, and its items in rank order.
///
/// Maps one to one onto the ranker's `RankedTopic`.
public struct DigestTopic: Sendable, Hashable, Identifiable {
  /// The topic id from `topics.txt` (`assessment`).
  public var id: String
  public var label: BilingualText
  public var score: Double
  public var breakdown: TopicScoreBreakdown
  /// Keys of the topic's items in rank order, one per story (its duplicates are named on the item).
  public var items: [String]
  /// When a meeting last discussed the topic (its novelty is damped for a while after).
  public var lastDiscussed: Date?

  public init(
    id: String, label: BilingualText, score: Double, breakdown: TopicScoreBreakdown, items: [String],
    lastDiscussed: Date? = nil
  ) {
    self.id = id
    self.label = label
    self.score = score
    self.breakdown = breakdown
    self.items = items
    self.lastDiscussed = lastDiscussed
  }
}
