/// What the ranker says about one item: its language, the topics it fits (best first; empty for
/// "Lainnya / Other") and the other items that are the same story.
public struct ScoredItem: Sendable, Hashable {
  public var key: String
  public var language: ItemLanguage
  public var topics: [TopicMatch]
  /// Keys of the other items of the same story, sorted.
  public var duplicates: [String]

  public init(key: String, language: ItemLanguage, topics: [TopicMatch], duplicates: [String]) {
    self.key = key
    self.language = language
    self.topics = topics
    self.duplicates = duplicates
  }
}
