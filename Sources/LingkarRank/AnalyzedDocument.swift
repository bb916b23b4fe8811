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
    var titleWords: [Int] = []
    var bodyWords: [Int] = []
    analyzer.appendWordNumbers(title, to: &titleWords)
    bodyWords.reserveCapacity(text.utf8.count / 6)
    analyzer.appendWordNumbers(text, to: &bodyWords)
    var indonesian = 0.0
    var english = 0.0
    var length = 0
    var hashes: [UInt64] = []
    hashes.reserveCapacity(titleWords.count + bodyWords.count)
    analyzer.documentStamp += 1
    let stamp = analyzer.documentStamp
    // The analyzer's per-word arrays, read (and the stamps written) as locals in the loop.
    let (forIndonesian, forEnglish) = (analyzer.wordIndonesianEvidence, analyzer.wordEnglishEvidence)
    let (isStop, wordHash) = (analyzer.wordIsStop, analyzer.wordHash)
    var stamps = analyzer.wordStamp
    analyzer.wordStamp = []
    for part in 0..<2 {
      for word in part == 0 ? titleWords : bodyWords {
        indonesian += forIndonesian[word]
        english += forEnglish[word]
        guard !isStop[word] else { continue }
        length += 1
        guard stamps[word] != stamp else { continue }
        stamps[word] = stamp
        let hash = wordHash[word]
        if hash != 0 { hashes.append(hash) }
      }
    }
    analyzer.wordStamp = stamps
    language = analyzer.detector.decide(indonesian: indonesian, english: english, declared: declaredLanguage)
    self.title = analyzer.streams(numbers: titleWords, language: language)
    body = analyzer.streams(numbers: bodyWords, language: language)
    self.length = length
    IntegerSort.sort(&hashes)
    var distinct = 0
    for index in hashes.indices where distinct == 0 || hashes[distinct - 1] != hashes[index] {
      hashes[distinct] = hashes[index]
      distinct += 1
    }
    hashes.removeLast(hashes.count - distinct)
    shingles = hashes
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
