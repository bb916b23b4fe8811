import LingkarModel

/// Turns texts into streams of term numbers, the same way for items and keywords.
///
/// A term is a stem tagged with the language whose stemmer made it (`i:nilai`, `e:assess`), so an
/// English word and an Indonesian word that happen to stem alike never meet. Indonesian items give an
/// Indonesian stream, English items an English one, mixed items both; keywords give both. Stems are
/// cached per word, and terms are numbered densely so matching works on integers.
final class TextAnalyzer {
  let indonesian: IndonesianStemmer
  let english = EnglishStemmer()
  let detector = LanguageDetector()
  private(set) var terms: [String] = []
  private var numbers: [String: Int] = [:]
  /// A surface word for each term (the first word that made it), for evidence ("~siswa").
  private(set) var surfaces: [String] = []

  init(extraRoots: Set<String> = []) {
    indonesian = IndonesianStemmer(extraRoots: extraRoots)
  }

  static func isStopword(_ token: String) -> Bool {
    WordLists.indonesianStopwords.contains(token) || WordLists.englishStopwords.contains(token)
  }

  /// The number of a term (`i:stem` or `e:stem`), made the first time; `surface` is the word it
  /// comes from.
  private func number(_ term: String, surface: String) -> Int {
    if let known = numbers[term] { return known }
    let next = terms.count
    numbers[term] = next
    terms.append(term)
    surfaces.append(surface)
    return next
  }

  func existingNumber(_ term: String) -> Int? { numbers[term] }

  /// The Indonesian and the English term of a word (through the word table, so each word is stemmed
  /// once whether it comes from an item or a keyword).
  func indonesianTerm(_ word: String) -> Int { term(ofWord: wordNumber(word), stream: 0) }
  func englishTerm(_ word: String) -> Int { term(ofWord: wordNumber(word), stream: 1) }

  /// The term of word number `number` in a stream (0 Indonesian, 1 English), made on first use.
  private func term(ofWord number: Int, stream: Int) -> Int {
    let known = stream == 0 ? wordIndonesian[number] : wordEnglish[number]
    if known >= 0 { return known }
    let made = makeTerm(ofWord: number, stream: stream)
    if stream == 0 { wordIndonesian[number] = made } else { wordEnglish[number] = made }
    return made
  }

  /// A word's term in a stream: its stem (a stopword is kept as it is) tagged with the language.
  private func makeTerm(ofWord number: Int, stream: Int) -> Int {
    let word = words[number]
    let isStop = wordIsStop[number]
    let stem = isStop ? word : stream == 0 ? indonesian.stem(word) : english.stem(word)
    let term = self.number((stream == 0 ? "i:" : "e:") + stem, surface: word)
    if isStop { stopTerms.insert(term) }
    return term
  }

  /// Terms made from stopwords: kept in the streams so that phrases containing them match
  /// exactly, but never keywords on their own nor learned.
  private(set) var stopTerms = Set<Int>()

  /// Per distinct word: its number, stopword flag, language evidence, terms (made on first use) and
  /// duplicate hash, so each token of a text costs one lookup in the word table.
  private var table = WordTable()
  private var words: [String] = []
  private(set) var wordIsStop: [Bool] = []
  /// Per word, +1 a school word, -1 an everyday-life word, 0 neither (see `ContextWords`).
  private(set) var wordSide: [Int8] = []
  private(set) var wordIndonesianEvidence: [Double] = []
  private(set) var wordEnglishEvidence: [Double] = []
  private var wordIndonesian: [Int] = []
  private var wordEnglish: [Int] = []
  /// Per word, its shingle number (-1: none; see `AnalyzedDocument.shingleForm`).
  private(set) var wordShingle: [Int32] = []
  /// Per shingle number, a stable hash of its form (for MinHash signatures).
  private(set) var shingleHashes: [UInt64] = []
  private var shingleNumbers: [Substring: Int32] = [:]
  /// The last document (by `documentStamp`) each shingle was seen in, to take a text's distinct ones.
  var shingleStamp: [Int] = []
  var documentStamp = 0

  func wordNumber(_ word: String) -> Int {
    var word = word
    return word.withUTF8 { wordNumber(bytes: $0) }
  }

  func wordNumber(bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let (number, added) = table.number(bytes)
    if added { addWord(bytes) }
    return number
  }

  /// The per-word facts of a word seen for the first time.
  private func addWord(_ bytes: UnsafeBufferPointer<UInt8>) {
    let word = String(decoding: bytes, as: UTF8.self)
    words.append(word)
    wordIsStop.append(Self.isStopword(word))
    wordSide.append(ContextWords.side(of: word))
    let (indonesian, english) = LanguageDetector.evidence(word: word)
    wordIndonesianEvidence.append(indonesian)
    wordEnglishEvidence.append(english)
    wordIndonesian.append(-1)
    wordEnglish.append(-1)
    if let form = AnalyzedDocument.shingleForm(word) {
      if let known = shingleNumbers[form] {
        wordShingle.append(known)
      } else {
        let number = Int32(shingleHashes.count)
        shingleNumbers[form] = number
        var hasher = StableHasher()
        hasher.combine(String(form))
        shingleHashes.append(hasher.value)
        shingleStamp.append(-1)
        wordShingle.append(number)
      }
    } else {
      wordShingle.append(-1)
    }
  }

  /// The word numbers of a text's tokens, appended to `numbers`, and the links its web addresses
  /// point to, appended to `mentions`. The word table is worked on as a local value (no access
  /// checks per token).
  func appendWordNumbers(_ text: String, limit: Int = .max, to numbers: inout [Int32], mentions: inout [String]) {
    var local = WordTable.empty
    swap(&local, &table)
    Tokenizer.forEachToken(
      text, limit: limit, address: { if let link = MentionedLink.of($0) { mentions.append(link) } }
    ) {
      let (number, added) = local.number($0)
      if added { addWord($0) }
      numbers.append(Int32(truncatingIfNeeded: number))
    }
    swap(&local, &table)
  }

  /// A word-number array kept from text to text (see `AnalyzedDocument.init`), so analyzing a
  /// text allocates none.
  var wordScratch: [Int32] = []

  /// Whether items of `language` have the stream (0 Indonesian, 1 English): Indonesian items have
  /// only the first, English only the second, mixed both.
  static func has(stream: Int, _ language: ItemLanguage) -> Bool {
    stream == 0 ? language != .en : language != .id
  }

  /// Writes the terms of `numbers` (word numbers) in one stream (0 Indonesian, 1 English) to
  /// `output` from `position` on, one term per word, and moves `position` past them. The caller
  /// makes room for them.
  func writeTerms(
    of numbers: ArraySlice<Int32>, stream: Int, to output: UnsafeMutableBufferPointer<Int32>, at position: inout Int
  ) {
    precondition(position + numbers.count <= output.count)
    // Taken out of `self` while filled in, so the loop works on a local array.
    var terms: [Int] = []
    if stream == 0 { swap(&terms, &wordIndonesian) } else { swap(&terms, &wordEnglish) }
    // Word numbers come from the table, so they are within `terms`.
    terms.withUnsafeMutableBufferPointer { terms in
      for number32 in numbers {
        let number = Int(number32)
        if terms[number] < 0 { terms[number] = makeTerm(ofWord: number, stream: stream) }
        output[position] = Int32(truncatingIfNeeded: terms[number])
        position += 1
      }
    }
    if stream == 0 { swap(&terms, &wordIndonesian) } else { swap(&terms, &wordEnglish) }
  }
}
