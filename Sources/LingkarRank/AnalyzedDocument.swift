import LingkarModel

/// An item's text as term streams: index 0 Indonesian, 1 English (an empty stream when the item
/// is not in that language).
struct AnalyzedDocument {
  let language: ItemLanguage
  let title: [[Int]]
  let body: [[Int]]
  /// Content words (stopwords dropped), for length normalization.
  let length: Int
  /// The distinct content words, as the analyzer's shingle numbers (a word trimmed of its commonest
  /// endings; see `TextAnalyzer.shingleHashes`), in order of first occurrence, for near-duplicate
  /// detection.
  let shingles: [UInt32]

  /// `textLimit`: bytes of `text` read (its start; see `ScoringOptions.textLimit`).
  init(analyzer: TextAnalyzer, title: String, text: String, declaredLanguage: String?, textLimit: Int = .max) {
    var titleWords: [Int] = []
    var bodyWords: [Int] = []
    analyzer.appendWordNumbers(title, to: &titleWords)
    bodyWords.reserveCapacity(min(text.utf8.count, textLimit) / 6)
    analyzer.appendWordNumbers(text, limit: textLimit, to: &bodyWords)
    var indonesian = 0.0
    var english = 0.0
    var length = 0
    var shingles: [UInt32] = []
    shingles.reserveCapacity(titleWords.count + bodyWords.count)
    analyzer.documentStamp += 1
    let stamp = analyzer.documentStamp
    // The analyzer's per-word arrays, read (and the stamps written) as locals in the loop.
    let (forIndonesian, forEnglish) = (analyzer.wordIndonesianEvidence, analyzer.wordEnglishEvidence)
    let (isStop, shingleOf) = (analyzer.wordIsStop, analyzer.wordShingle)
    var stamps = analyzer.shingleStamp
    analyzer.shingleStamp = []
    for part in 0..<2 {
      for word in part == 0 ? titleWords : bodyWords {
        indonesian += forIndonesian[word]
        english += forEnglish[word]
        guard !isStop[word] else { continue }
        length += 1
        let shingle = shingleOf[word]
        guard shingle >= 0, stamps[Int(shingle)] != stamp else { continue }
        stamps[Int(shingle)] = stamp
        shingles.append(UInt32(shingle))
      }
    }
    analyzer.shingleStamp = stamps
    language = analyzer.detector.decide(indonesian: indonesian, english: english, declared: declaredLanguage)
    self.title = analyzer.streams(numbers: titleWords, language: language)
    body = analyzer.streams(numbers: bodyWords, language: language)
    self.length = length
    self.shingles = shingles
  }

  /// The form of a word compared for near-duplicate detection (nil: not compared): trimmed of the
  /// commonest endings (`-nya`, plural `-s`), so `gurunya` meets `guru` and `teachers` `teacher`.
  static func shingleForm(_ token: String) -> Substring? {
    guard token.utf8.count > 1 else { return nil }
    var word = Substring(token)
    if word.utf8.count > 5, word.hasSuffix("nya") { word = word.dropLast(3) }
    else if word.utf8.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word = word.dropLast() }
    return word
  }
}
