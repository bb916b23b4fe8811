import LingkarModel

/// An item's text as term streams: index 0 Indonesian, 1 English (an empty stream when the item
/// is not in that language).
struct AnalyzedDocument {
  let language: ItemLanguage
  let title: [[Int]]
  let body: [[Int]]
  /// Content words (stopwords dropped), for length normalization.
  let length: Int
  /// Hashes of the content words, for near-duplicate detection.
  let shingles: [UInt64]

  init(analyzer: TextAnalyzer, title: String, text: String, declaredLanguage: String?) {
    let titleTokens = Tokenizer.tokens(title)
    let bodyTokens = Tokenizer.tokens(text)
    language = analyzer.detector.detect(tokens: titleTokens + bodyTokens, declared: declaredLanguage)
    self.title = Self.padded(analyzer.streams(titleTokens, language: language))
    body = Self.padded(analyzer.streams(bodyTokens, language: language))
    length = (titleTokens + bodyTokens).reduce(0) { $0 + (TextAnalyzer.isStopword($1) ? 0 : 1) }
    shingles = Self.wordHashes(titleTokens + bodyTokens)
  }

  private static func padded(_ streams: [[Int]]) -> [[Int]] {
    streams.count == 2 ? streams : streams + [[]]
  }

  /// Distinct hashes of the content words, each trimmed of the commonest endings (`-nya`, `'s`,
  /// plural `-s`), sorted, so that two texts compare by a merge.
  static func wordHashes(_ tokens: [String]) -> [UInt64] {
    var hashes = Set<UInt64>()
    for token in tokens where !TextAnalyzer.isStopword(token) && token.utf8.count > 1 {
      var word = Substring(token)
      if word.utf8.count > 5, word.hasSuffix("nya") { word = word.dropLast(3) }
      else if word.utf8.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word = word.dropLast() }
      var hasher = StableHasher()
      hasher.combine(String(word))
      hashes.insert(hasher.value)
    }
    return hashes.sorted()
  }
}
