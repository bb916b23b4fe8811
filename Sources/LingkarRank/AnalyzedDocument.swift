import LingkarModel

/// An item's text as term streams: stream 0 Indonesian, 1 English (empty when the item is not in
/// that language), each in two parts, the title and the body.
struct AnalyzedDocument {
  let language: ItemLanguage
  /// Every part's terms in one array: Indonesian title, Indonesian body, English title, English
  /// body (one allocation per item, not one per part; 32-bit, as the words of a period never number
  /// more, and the streams are the largest thing the ranker keeps).
  let terms: [Int32]
  /// Where the first three parts end in `terms` (the last ends at its end).
  private let ends: (Int, Int, Int)
  /// Content words (stopwords dropped), for length normalization.
  let length: Int
  /// The distinct content words, as the analyzer's shingle numbers (a word trimmed of its commonest
  /// endings; see `TextAnalyzer.shingleHashes`), in order of first occurrence, for near-duplicate
  /// detection.
  let shingles: [UInt32]
  /// Distinct school words and everyday-life words in the title and the text read (see `ContextWords`).
  let schoolWords: Int
  let everydayWords: Int
  /// The canonical links of the web addresses in the text (see `MentionedLink`), in order.
  let mentions: [String]

  /// `textLimit`: bytes of `text` read (its start; see `ScoringOptions.textLimit`).
  init(analyzer: TextAnalyzer, title: String, text: String, declaredLanguage: String?, textLimit: Int = .max) {
    // The title's word numbers, then the body's.
    var words: [Int32] = []
    swap(&words, &analyzer.wordScratch)
    defer {
      words.removeAll(keepingCapacity: true)
      swap(&words, &analyzer.wordScratch)
    }
    var mentions: [String] = []
    analyzer.appendWordNumbers(title, to: &words, mentions: &mentions)
    let titleCount = words.count
    analyzer.appendWordNumbers(text, limit: textLimit, to: &words, mentions: &mentions)
    self.mentions = mentions
    var indonesian = 0.0
    var english = 0.0
    var length = 0
    var (school, everyday) = (0, 0)
    var shingles: [UInt32] = []
    shingles.reserveCapacity(words.count)
    analyzer.documentStamp += 1
    let stamp = analyzer.documentStamp
    // The analyzer's per-word arrays, read (and the stamps written) through buffers in the loop:
    // every word number comes from the analyzer's table, so it is within them.
    var stamps = analyzer.shingleStamp
    analyzer.shingleStamp = []
    analyzer.wordIndonesianEvidence.withUnsafeBufferPointer { forIndonesian in
      analyzer.wordEnglishEvidence.withUnsafeBufferPointer { forEnglish in
        analyzer.wordIsStop.withUnsafeBufferPointer { isStop in
          analyzer.wordSide.withUnsafeBufferPointer { sideOf in
            analyzer.wordShingle.withUnsafeBufferPointer { shingleOf in
              stamps.withUnsafeMutableBufferPointer { stamps in
                // A school year named by its number ("Year 7", "grade 4", "Year 10s") is a school word.
                var (afterYear, namesYear) = (false, false)
                for word32 in words {
                  let word = Int(word32)
                  indonesian += forIndonesian[word]
                  english += forEnglish[word]
                  let side = sideOf[word]
                  if afterYear, side == ContextWords.yearNumber { namesYear = true }
                  afterYear = side == ContextWords.year
                  guard !isStop[word] else { continue }
                  length += 1
                  let shingle = shingleOf[word]
                  guard shingle >= 0, stamps[Int(shingle)] != stamp else { continue }
                  stamps[Int(shingle)] = stamp
                  shingles.append(UInt32(shingle))
                  if side == 1 { school += 1 } else if side == -1 { everyday += 1 }
                }
                if namesYear { school += 1 }
              }
            }
          }
        }
      }
    }
    analyzer.shingleStamp = stamps
    language = analyzer.detector.decide(indonesian: indonesian, english: english, declared: declaredLanguage)
    // Each stream the language has gets one term per word: the array is made at its final size.
    let (indonesianStream, englishStream) = (
      TextAnalyzer.has(stream: 0, language), TextAnalyzer.has(stream: 1, language)
    )
    var ends = (0, 0, 0)
    let streamCount = (indonesianStream ? 1 : 0) + (englishStream ? 1 : 0)
    terms = Array(unsafeUninitializedCapacity: streamCount * words.count) { buffer, count in
      var position = 0
      if indonesianStream {
        analyzer.writeTerms(of: words[..<titleCount], stream: 0, to: buffer, at: &position)
        ends.0 = position
        analyzer.writeTerms(of: words[titleCount...], stream: 0, to: buffer, at: &position)
      }
      ends.1 = position
      if englishStream { analyzer.writeTerms(of: words[..<titleCount], stream: 1, to: buffer, at: &position) }
      ends.2 = position
      if englishStream { analyzer.writeTerms(of: words[titleCount...], stream: 1, to: buffer, at: &position) }
      count = position
    }
    self.ends = ends
    self.length = length
    (schoolWords, everydayWords) = (school, everyday)
    self.shingles = shingles
  }

  /// Where a part lies in `terms`: `stream` 0 Indonesian, 1 English; `title` or the body.
  func range(stream: Int, title: Bool) -> Range<Int> {
    switch (stream, title) {
    case (0, true): return 0..<ends.0
    case (0, false): return ends.0..<ends.1
    case (_, true): return ends.1..<ends.2
    default: return ends.2..<terms.count
    }
  }

  /// The form of a word compared for near-duplicate detection (nil: not compared): trimmed of the
  /// commonest endings (`-nya`, plural `-s`), so `gurunya` meets `guru` and `teachers` `teacher`.
  static func shingleForm(_ token: String) -> Substring? {
    guard token.utf8.count > 1 else { return nil }
    var word = Substring(token)
    if word.utf8.count > 5, word.hasSuffix("nya") {
      word = word.dropLast(3)
    } else if word.utf8.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") {
      word = word.dropLast()
    }
    return word
  }
}
