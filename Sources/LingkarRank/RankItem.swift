public import Foundation

/// One item to rank, as plain text: what the pipeline hands the ranker.
public struct RankItem: Sendable, Hashable {
  /// Stable item key (unique in one ranking).
  public var key: String
  /// Where it came from (the feed's address or the account); the per-source cap counts these.
  public var source: String
  public var title: String
  /// Plain text: the summary and the start of the content.
  public var text: String
  /// The canonical link, when the item has one.
  public var link: String?
  public var published: Date?
  public var comments: Int
  /// The language the feed declares, if any (used only when the words themselves say nothing).
  public var declaredLanguage: String?

  public init(
    key: String, source: String, title: String, text: String, link: String? = nil, published: Date? = nil,
    comments: Int = 0, declaredLanguage: String? = nil
  ) {
    self.key = key
    self.source = source
    self.title = title
    self.text = text
    self.link = link
    self.published = published
    self.comments = comments
    self.declaredLanguage = declaredLanguage
  }
}
