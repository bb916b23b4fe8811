/// A text Lingkar has in both of its languages (topic labels, discussion prompts).
public struct BilingualText: Sendable, Hashable {
  /// The Indonesian text.
  public var id: String
  /// The English text.
  public var en: String

  public init(id: String, en: String) {
    self.id = id
    self.en = en
  }

  /// The text in `language`.
  public func text(in language: DigestLanguage) -> String {
    switch language {
    case .id: id
    case .en: en
    }
  }
}
