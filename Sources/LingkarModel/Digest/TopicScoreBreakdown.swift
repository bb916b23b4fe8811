/// Why a topic scored what it did in a period, field for field as the ranker explains it
/// (`score = capped × spread × novelty`).
public struct TopicScoreBreakdown: Sendable, Hashable {
  /// Sum of the relevance of the topic's stories (0…1 each), before recency, engagement and the cap.
  public var relevance: Double
  /// Sum of each source's contribution (relevance × recency × engagement), each capped.
  public var capped: Double
  /// Distinct sources that carried the topic ("also posted by" included).
  public var sources: Int
  /// Sources whose contribution hit the per-source cap.
  public var sourcesAtCap: Int
  /// Mean recency factor of the stories (1 = at the end of the period).
  public var recency: Double
  /// Mean engagement factor of the stories (1 = no comments).
  public var engagement: Double
  /// Breadth factor from the number of sources.
  public var spread: Double
  /// 1, or less when the topic was discussed at a recent meeting (novelty damping).
  public var novelty: Double

  public init(
    relevance: Double, capped: Double, sources: Int, sourcesAtCap: Int, recency: Double, engagement: Double,
    spread: Double, novelty: Double
  ) {
    self.relevance = relevance
    self.capped = capped
    self.sources = sources
    self.sourcesAtCap = sourcesAtCap
    self.recency = recency
    self.engagement = engagement
    self.spread = spread
    self.novelty = novelty
  }
}
