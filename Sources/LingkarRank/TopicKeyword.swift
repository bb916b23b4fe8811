/// One keyword of a topic: a word or phrase as written, and its weight (1...5).
public struct TopicKeyword: Sendable, Hashable {
  public var text: String
  public var weight: Int

  public init(text: String, weight: Int = 1) {
    self.text = text
    self.weight = weight
  }
}
