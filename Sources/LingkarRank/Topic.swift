/// A discussion topic of the taxonomy (`topics.txt`).
public struct Topic: Sendable, Hashable, Identifiable {
  /// Stable key: lower-case ASCII letters, digits and `-`.
  public var id: String
  /// The Indonesian label.
  public var labelID: String
  /// The English label.
  public var labelEN: String
  public var keywords: [TopicKeyword]

  public init(id: String, labelID: String, labelEN: String, keywords: [TopicKeyword]) {
    self.id = id
    self.labelID = labelID
    self.labelEN = labelEN
    self.keywords = keywords
  }
}
