/// A topic proposed for the teachers' next discussion: the best readings and the questions to
/// start from. Its score, breakdown and items are those of the `DigestTopic` with the same id.
public struct TopicSuggestion: Sendable, Hashable {
  public var topicID: String
  /// Item keys of the best readings (diverse sources, both languages where available), best first.
  public var readings: [String]
  /// Two or three discussion prompts, each in both languages.
  public var prompts: [BilingualText]

  public init(topicID: String, readings: [String], prompts: [BilingualText]) {
    self.topicID = topicID
    self.readings = readings
    self.prompts = prompts
  }
}
