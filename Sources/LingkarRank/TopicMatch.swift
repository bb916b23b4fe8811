/// How well one item fits one topic, with the evidence: the keywords (as written in the topics
/// file, or `~word` for a related term) that matched.
public struct TopicMatch: Sendable, Hashable {
  public var topicID: String
  public var score: Double
  public var matched: [String]

  public init(topicID: String, score: Double, matched: [String]) {
    self.topicID = topicID
    self.score = score
    self.matched = matched
  }
}
