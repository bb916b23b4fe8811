/// Evidence as people read it: the words of an item that matched a topic, as the item writes them.
///
/// The ranker's evidence is the keyword (`asesmen formatif`), a related term marked `~`, or a word
/// shared with a built-in example marked `≈`, which is a single stemmed term and can be a piece of a
/// phrase (`≈tua` from "orang tua"). Teachers should see neither marks nor stems: each keyword or
/// related term is looked for in the item's text (the same tokens, compared as written or by their
/// Indonesian or English stem) and shown as the words found there (`asesmen formatif`, `rubriknya`,
/// `AI`; a capital only at the start of a word dropped), a word inside a longer phrase shown once. A
/// keyword of the topics file not found in the shown text (it matched further down the post) is
/// shown as the school wrote it; a related term not found, and every example-shared word, are left
/// out. Ranking is untouched: this only turns evidence into words, after the fact.
public struct EvidenceWords: Sendable {
  private let indonesian = IndonesianStemmer()
  private let english = EnglishStemmer()

  public init() {}

  /// The words of `text` that `evidence` (the ranker's, in its order) matched, without repeats.
  public func surface(_ evidence: [String], in text: String) -> [String] {
    guard !evidence.isEmpty else { return [] }
    let words = Self.words(of: text)
    var tokens: [(token: String, word: Int)] = []
    for (index, word) in words.enumerated() {
      for token in Tokenizer.tokens(String(word)) { tokens.append((token, index)) }
    }
    var stems: [String: (String, String)] = [:]
    func stemmed(_ token: String) -> (String, String) {
      if let known = stems[token] { return known }
      let pair = (indonesian.stem(token), english.stem(token))
      stems[token] = pair
      return pair
    }
    func same(_ a: String, _ b: String) -> Bool {
      if a == b { return true }
      let (x, y) = (stemmed(a), stemmed(b))
      return x.0 == y.0 || x.1 == y.1
    }
    var result: [String] = []
    var seen = Set<String>()
    for piece in evidence {
      if piece.hasPrefix("≈") { continue }
      let related = piece.hasPrefix("~")
      let keyword = related ? String(piece.dropFirst()) : piece
      let wanted = Tokenizer.tokens(keyword)
      guard !wanted.isEmpty else { continue }
      var found: String?
      if tokens.count >= wanted.count {
        for start in 0...(tokens.count - wanted.count)
        where wanted.indices.allSatisfy({ same(tokens[start + $0].token, wanted[$0]) }) {
          let first = tokens[start].word
          let last = tokens[start + wanted.count - 1].word
          found = words[first...last].map(Self.uncapitalized).joined(separator: " ")
          break
        }
      }
      guard let shown = found ?? (related ? nil : keyword) else { continue }
      if seen.insert(shown.lowercased()).inserted { result.append(shown) }
    }
    // A word already inside a longer phrase shown ("wali" beside "wali murid") says nothing more.
    let phrases = result.map { " " + $0.lowercased() + " " }
    return result.enumerated().filter { index, shown in
      let inner = " " + shown.lowercased() + " "
      return !phrases.enumerated().contains { other, phrase in
        other != index && phrase.count > inner.count && phrase.contains(inner)
      }
    }.map(\.element)
  }

  /// A word as a keyword reads: `Asesmen` at the start of a title or `#Parents` as `asesmen`,
  /// `parents`; an acronym or a name with capitals inside (`AI`, `BOS`, `WhatsApp`) as written.
  static func uncapitalized(_ word: Substring) -> String {
    guard let first = word.first, first.isUppercase, word.dropFirst().allSatisfy({ !$0.isUppercase }) else {
      return String(word)
    }
    return word.lowercased()
  }

  /// The words of `text` as written: runs of letters and digits, with a hyphen or an apostrophe
  /// inside a word kept (`anak-anak`, `guru's`).
  static func words(of text: String) -> [Substring] {
    var words: [Substring] = []
    var start: String.Index?
    var index = text.startIndex
    func isLetter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if isLetter(character) {
        if start == nil { start = index }
      } else if start != nil, character == "-" || character == "'" || character == "’", next < text.endIndex,
        isLetter(text[next])
      {
        // Inside a word.
      } else if let begun = start {
        words.append(text[begun..<index])
        start = nil
      }
      index = next
    }
    if let begun = start { words.append(text[begun...]) }
    return words
  }
}
