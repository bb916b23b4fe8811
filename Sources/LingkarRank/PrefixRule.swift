/// One rule of the confix-stripping prefix table: when a word starts with `prefix` and the letters
/// after it pass `condition`, the rule offers candidate remainders, most likely first.
///
/// The table follows the published rule descriptions of the confix-stripping stemmer (Nazief and
/// Adriani 1996; Asian et al. 2007; the enhanced rules of Arifin, Mahendra and Ciptaningtyas 2009).
/// `V` is a vowel, `C` a consonant, `A` any letter, `P` a short fragment such as `er`.
struct PrefixRule: Sendable {
  /// The prefix family, for the forbidden prefix–suffix pairs and to refuse a repeated prefix.
  enum Family: Sendable { case be, te, me, pe, di, ke, se }

  let family: Family
  /// Letters the word must start with.
  let prefix: [UInt8]
  /// Checked on the letters after `prefix`.
  let condition: @Sendable (ArraySlice<UInt8>) -> Bool
  /// Candidate remainders: each is (how many letters of the word to drop, letters to put back in front).
  let results: [(drop: Int, restore: [UInt8])]

  func candidates(_ word: [UInt8]) -> [[UInt8]]? {
    guard word.count >= prefix.count, word.starts(with: prefix) else { return nil }
    guard condition(word[prefix.count...]) else { return nil }
    return results.compactMap { drop, restore in
      let rest = restore + word[drop...]
      return rest.count >= 3 ? rest : nil
    }
  }

  static func isVowel(_ letter: UInt8?) -> Bool {
    guard let letter else { return false }
    return "aiueo".utf8.contains(letter)
  }

  static func isConsonant(_ letter: UInt8?) -> Bool {
    guard let letter else { return false }
    return letter >= 0x61 && letter <= 0x7A && !isVowel(letter)
  }

  private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
  private static func letter(_ rest: ArraySlice<UInt8>, _ offset: Int) -> UInt8? {
    let index = rest.startIndex + offset
    return index < rest.endIndex ? rest[index] : nil
  }
  private static func isAny(_ letter: UInt8?, of letters: String) -> Bool {
    guard let letter else { return false }
    return letters.utf8.contains(letter)
  }
  /// `CAP` with `C` not `r` and `P` not `er`, or `CAerV` with `C` not `r` (rules for ber-/per-/ter-).
  private static func consonantNotR(_ rest: ArraySlice<UInt8>) -> Bool {
    isConsonant(letter(rest, 0)) && letter(rest, 0) != UInt8(ascii: "r")
  }
  private static func erAt(_ rest: ArraySlice<UInt8>, _ offset: Int) -> Bool {
    letter(rest, offset) == UInt8(ascii: "e") && letter(rest, offset + 1) == UInt8(ascii: "r")
  }

  private static func rule(
    _ family: Family, _ prefix: String, _ results: [(Int, String)],
    when condition: @escaping @Sendable (ArraySlice<UInt8>) -> Bool
  ) -> PrefixRule {
    PrefixRule(
      family: family, prefix: bytes(prefix), condition: condition,
      results: results.map { ($0.0, bytes($0.1)) })
  }

  /// The prefix table, tried in order; the first rule whose prefix and condition fit decides.
  static let table: [PrefixRule] = [
    // be-
    rule(.be, "belajar", [(3, "")]) { _ in true },
    rule(.be, "ber", [(3, ""), (2, "")]) { isVowel(letter($0, 0)) },
    rule(.be, "ber", [(3, "")]) { consonantNotR($0) },
    rule(.be, "be", [(2, "")]) { isConsonant(letter($0, 0)) && !isAny(letter($0, 0), of: "rl") && erAt($0, 1) },
    // te-
    rule(.te, "ter", [(3, ""), (2, "")]) { isVowel(letter($0, 0)) },
    rule(.te, "ter", [(3, "")]) { consonantNotR($0) },
    rule(.te, "te", [(2, "")]) { isConsonant(letter($0, 0)) && letter($0, 0) != UInt8(ascii: "r") && erAt($0, 1) },
    // me-
    rule(.me, "meng", [(4, ""), (4, "k")]) { isVowel(letter($0, 0)) },
    rule(.me, "meng", [(4, "")]) { isAny(letter($0, 0), of: "ghqk") },
    rule(.me, "meny", [(4, "s")]) { isVowel(letter($0, 0)) },
    rule(.me, "mem", [(3, "")]) { isAny(letter($0, 0), of: "bfv") },
    rule(.me, "mem", [(3, "")]) { letter($0, 0) == UInt8(ascii: "p") },
    rule(.me, "mem", [(3, "p"), (2, "")]) {
      isVowel(letter($0, 0)) || (letter($0, 0) == UInt8(ascii: "r") && isVowel(letter($0, 1)))
    },
    rule(.me, "men", [(3, "")]) { isAny(letter($0, 0), of: "cdjsz") },
    rule(.me, "men", [(3, "t"), (2, "")]) { isVowel(letter($0, 0)) },
    rule(.me, "me", [(2, "")]) { isAny(letter($0, 0), of: "lrwy") && isVowel(letter($0, 1)) },
    // pe-
    rule(.pe, "pelajar", [(3, "")]) { _ in true },
    rule(.pe, "peng", [(4, ""), (4, "k")]) { isVowel(letter($0, 0)) },
    rule(.pe, "peng", [(4, "")]) { isAny(letter($0, 0), of: "ghqk") },
    rule(.pe, "peny", [(4, "s")]) { isVowel(letter($0, 0)) },
    rule(.pe, "pem", [(3, "")]) { isAny(letter($0, 0), of: "bfv") },
    rule(.pe, "pem", [(3, "p"), (2, "")]) {
      isVowel(letter($0, 0)) || (letter($0, 0) == UInt8(ascii: "r") && isVowel(letter($0, 1)))
    },
    rule(.pe, "pen", [(3, "")]) { isAny(letter($0, 0), of: "cdjsz") },
    rule(.pe, "pen", [(3, "t"), (2, "")]) { isVowel(letter($0, 0)) },
    rule(.pe, "per", [(3, ""), (2, "")]) { isVowel(letter($0, 0)) },
    rule(.pe, "per", [(3, "")]) { consonantNotR($0) },
    rule(.pe, "pe", [(2, "")]) { isAny(letter($0, 0), of: "lwy") && isVowel(letter($0, 1)) },
    rule(.pe, "pe", [(2, "")]) { isConsonant(letter($0, 0)) && !isAny(letter($0, 0), of: "rwylmn") },
    // plain prefixes
    rule(.di, "di", [(2, "")]) { _ in true },
    rule(.ke, "ke", [(2, "")]) { _ in true },
    rule(.se, "se", [(2, "")]) { _ in true },
  ]
}
