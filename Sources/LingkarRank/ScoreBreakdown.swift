/// Why a topic scored what it did in a period; `score = capped × spread × novelty`.
public struct ScoreBreakdown: Sendable, Hashable {
  /// Sum of the relevance of its stories (0…1 each), before recency, engagement and the cap.
  public var relevance: Double
  /// Sum of each source's contribution (relevance × recency × engagement), each capped.
  public var capped: Double
  /// Distinct sources that carried the topic (with "also posted by").
  public var sources: Int
  /// Sources whose contribution hit the cap.
  public var sourcesAtCap: Int
  /// Mean recency factor of its stories (1 = at the end of the period).
  public var recency: Double
  /// Mean engagement factor of its stories (1 = no comments).
  public var engagement: Double
  /// Breadth factor from the number of sources.
  public var spread: Double
  /// 1, or less when the topic was discussed recently.
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
