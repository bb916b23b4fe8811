/// The language an item is written in, as the ranker judges it from its words.
public enum ItemLanguage: String, Sendable, Hashable, CaseIterable {
  /// Indonesian.
  case id
  /// English.
  case en
  /// Both languages in earnest (code-switching), or too little text to tell.
  case mixed
}
