/// How well one item fits one topic, with the keywords that matched (the evidence).
public struct ItemTopicMatch: Sendable, Hashable {
  public var topicID: String
  public var score: Double
  /// The keywords as written in the topics file (`~word` for a related term).
  public var matched: [String]

  public init(topicID: String, score: Double, matched: [String]) {
    self.topicID = topicID
    self.score = score
    self.matched = matched
  }
}
