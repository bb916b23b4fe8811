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
    let titleWords = titleTokens.map(analyzer.wordNumber)
    let bodyWords = bodyTokens.map(analyzer.wordNumber)
    self.title = analyzer.streams(numbers: titleWords, language: language)
    body = analyzer.streams(numbers: bodyWords, language: language)
    var length = 0
    var hashes = Set<UInt64>()
    for word in titleWords + bodyWords where !analyzer.wordIsStop[word] {
      length += 1
      let hash = analyzer.wordHash[word]
      if hash != 0 { hashes.insert(hash) }
    }
    self.length = length
    shingles = hashes.sorted()
  }

  /// The duplicate-detection hash of one word (0: not used), trimmed of the commonest endings.
  static func wordHash(_ token: String) -> UInt64 {
    guard token.utf8.count > 1 else { return 0 }
    var word = Substring(token)
    if word.utf8.count > 5, word.hasSuffix("nya") { word = word.dropLast(3) }
    else if word.utf8.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word = word.dropLast() }
    var hasher = StableHasher()
    hasher.combine(String(word))
    return hasher.value == 0 ? 1 : hasher.value
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
