/// Tells Indonesian from English (or a mix) by the share of each language's function words.
///
/// Words on both stopword lists say nothing. Known Indonesian roots and the commonest Indonesian
/// affixes add weaker evidence, so a short social post without function words can still be placed.
/// With no evidence at all the item's declared language (`xml:lang`) decides, else `mixed`.
public struct LanguageDetector: Sendable {
  /// The minority language's share of the evidence above which an item counts as mixed.
  public var mixedShare: Double = 0.2
  /// Below this much evidence the minority share is not trusted (a single English loanword in an
  /// Indonesian post does not make it mixed).
  public var minimumMinorityEvidence: Double = 2

  public init() {}

  public func detect(tokens: [String], declared: String? = nil) -> ItemLanguage {
    let (indonesian, english) = evidence(tokens)
    return decide(indonesian: indonesian, english: english, declared: declared)
  }

  /// The language from the summed evidence of an item's words.
  public func decide(indonesian: Double, english: Double, declared: String? = nil) -> ItemLanguage {
    let total = indonesian + english
    if total < 1 {
      switch declared?.prefix(2) {
      case "id", "in", "ms": return .id
      case "en": return .en
      default: return .mixed
      }
    }
    let minority = min(indonesian, english)
    if minority >= minimumMinorityEvidence, minority / total >= mixedShare { return .mixed }
    return indonesian >= english ? .id : .en
  }

  /// Indonesian and English evidence in the tokens.
  public func evidence(_ tokens: [String]) -> (indonesian: Double, english: Double) {
    var indonesian = 0.0
    var english = 0.0
    for token in tokens {
      let (forIndonesian, forEnglish) = Self.evidence(word: token)
      indonesian += forIndonesian
      english += forEnglish
    }
    return (indonesian, english)
  }

  /// What one word says: a function word of one language only counts 1 for it; a known Indonesian
  /// root or a word with a typical Indonesian affix counts 0.5 for Indonesian.
  static func evidence(word token: String) -> (indonesian: Double, english: Double) {
    let isIndonesian = WordLists.indonesianStopwords.contains(token)
    let isEnglish = WordLists.englishStopwords.contains(token)
    if isIndonesian && !isEnglish { return (1, 0) }
    if isEnglish && !isIndonesian { return (0, 1) }
    if !isIndonesian && !isEnglish, WordLists.indonesianRoots.contains(token) || looksIndonesian(token) {
      return (0.5, 0)
    }
    if !isIndonesian && !isEnglish, looksEnglish(token) { return (0, 0.5) }
    return (0, 0)
  }

  /// A word with an English ending that Indonesian words do not have (`-tion`, `-sion`, `-ness`,
  /// `-ment`, `-ly`, `-ity`, some `-ing`): the English half of a mixed post often has few function
  /// words ("honestly lebih efektif", "engagement mereka naik"). Most `-ing` words are left out:
  /// Indonesian has many (`penting`, `kuning`, `asing`).
  static func looksEnglish(_ token: String) -> Bool {
    let bytes = Array(token.utf8)
    guard bytes.count >= 5, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x2D }) else { return false }
    for suffix in [
      "tion", "tions", "sion", "sions", "ness", "ment", "ments", "ly", "ity", "ful", "ship", "ings", "ed",
    ] where token.hasSuffix(suffix) {
      return !WordLists.indonesianRoots.contains(token)
    }
    // `-ing` after `h`, `w`, `v`, `y`, `e`, `o` or a doubled consonant (`teaching`, `showing`,
    // `having`, `trying`, `planning`); Indonesian `-ing` words (`penting`, `kuning`, `asing`) are not.
    if token.hasSuffix("ing"), !WordLists.indonesianRoots.contains(token) {
      let (before, second) = (bytes[bytes.count - 4], bytes[bytes.count - 5])
      return "hwvyeo".utf8.contains(before) || (before == second && !"aeiou".utf8.contains(before))
    }
    return false
  }

  /// A long word with a typical Indonesian affix (`mem…kan`, `ber…`, `…nya`).
  static func looksIndonesian(_ token: String) -> Bool {
    guard token.utf8.count >= 6 else { return false }
    for suffix in ["nya", "kan"] where token.hasSuffix(suffix) { return true }
    for prefix in ["meng", "meny", "mem", "men", "ber", "pem", "peng", "peny"] where token.hasPrefix(prefix) {
      return true
    }
    return false
  }
}
