public import LingkarModel

/// A discussion topic of the taxonomy (`topics.txt`).
public struct Topic: Sendable, Hashable, Identifiable {
  /// Stable key: lower-case ASCII letters, digits and `-`.
  public var id: String
  /// The Indonesian label.
  public var labelID: String
  /// The English label.
  public var labelEN: String
  public var keywords: [TopicKeyword]
  /// Questions to open a discussion of the topic (`q-id:` and `q-en:` lines, paired in order);
  /// the ranker does not read them.
  public var prompts: [BilingualText]

  public init(
    id: String, labelID: String, labelEN: String, keywords: [TopicKeyword], prompts: [BilingualText] = []
  ) {
    self.id = id
    self.labelID = labelID
    self.labelEN = labelEN
    self.keywords = keywords
    self.prompts = prompts
  }
}
