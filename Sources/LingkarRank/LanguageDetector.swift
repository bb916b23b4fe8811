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
  ///
  /// Asked once for each distinct word of a period (many thousands), so it reads the bytes in place
  /// and looks at the last letter before comparing any ending.
  static func looksEnglish(_ token: String) -> Bool {
    var token = token
    return token.withUTF8 { bytes in
      let count = bytes.count
      guard count >= 5 else { return false }
      func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        let start = suffix.utf8Start
        for offset in 0..<length where bytes[count - length + offset] != start[offset] { return false }
        return true
      }
      let candidate: Bool
      switch bytes[count - 1] {
      case UInt8(ascii: "n"): candidate = ends("tion") || ends("sion")
      case UInt8(ascii: "s"):
        candidate = ends("ness") || ends("tions") || ends("sions") || ends("ments") || ends("ings")
      case UInt8(ascii: "t"): candidate = ends("ment")
      case UInt8(ascii: "y"): candidate = ends("ly") || ends("ity")
      case UInt8(ascii: "l"): candidate = ends("ful")
      case UInt8(ascii: "p"): candidate = ends("ship")
      case UInt8(ascii: "d"): candidate = ends("ed")
      case UInt8(ascii: "g"):
        // `-ing` after `h`, `w`, `v`, `y`, `e`, `o` or a doubled consonant (`teaching`, `showing`,
        // `having`, `trying`, `planning`); Indonesian `-ing` words (`penting`, `kuning`, `asing`) are not.
        guard ends("ing") else { return false }
        let (before, second) = (bytes[count - 4], bytes[count - 5])
        candidate = "hwvyeo".utf8.contains(before) || (before == second && !"aeiou".utf8.contains(before))
      default: return false
      }
      guard candidate, bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) else { return false }
      return !WordLists.indonesianRoots.contains(String(decoding: bytes, as: UTF8.self))
    }
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
