/// An Indonesian stemmer after the published confix-stripping algorithm (Nazief–Adriani, as
/// refined by Asian et al. and Arifin et al.): clitics and particles first (`-lah`, `-kah`, `-tah`,
/// `-pun`, then `-ku`, `-mu`, `-nya`), then derivational suffixes (`-i`, `-kan`, `-an`) together with up
/// to three prefixes from `PrefixRule.table`, backtracking over the alternatives each rule offers.
///
/// The algorithm needs a dictionary to know when it has reached a root. Ours is the project's own
/// list (`Resources/id-roots.txt`) plus any extra words the caller knows to be base forms (the single
/// words of the topic keywords). A word that cannot be brought to a known root keeps only its clitics
/// removed: under-stemming costs less than two unrelated words meeting on a made-up stem.
public struct IndonesianStemmer: Sendable {
  /// The known roots, looked up by their bytes (no `String` made per candidate).
  let roots: WordTable

  public init(extraRoots: Set<String> = []) {
    var roots = WordTable()
    for var root in WordLists.indonesianRoots.union(extraRoots) { _ = root.withUTF8 { roots.number($0) } }
    self.roots = roots
  }

  public func stem(_ word: String) -> String {
    guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    var current = Array(word.utf8)
    if isRoot(current) { return word }
    // Clitics first; when the stripped word leads nowhere, the word with the ending kept is tried
    // too (`bertanya` is `ber-tanya`, not `berta-nya`).
    var bases: [[UInt8]] = []
    bases.append(current)
    for particles in [Self.particles, Self.possessives] {
      if let stripped = strip(current, anyOf: particles) {
        current = stripped
        if isRoot(current) { return string(current) }
        bases.insert(current, at: 0)
      }
    }
    for base in bases {
      if let found = rootOf(base) { return string(found) }
    }
    return string(bases[0])
  }

  /// Derivational suffix candidates with prefixes, then the word itself; nil when no root is reached.
  private func rootOf(_ base: [UInt8]) -> [UInt8]? {
    if isRoot(base) { return base }
    var options: [(word: [UInt8], suffix: String)] = []
    if base.count > 5, base.suffix(3).elementsEqual("kan".utf8) { options.append((Array(base.dropLast(3)), "kan")) }
    if base.count > 4, base.suffix(2).elementsEqual("an".utf8) { options.append((Array(base.dropLast(2)), "an")) }
    if base.count > 4, base.last == UInt8(ascii: "i") { options.append((Array(base.dropLast()), "i")) }
    for option in options where isRoot(option.word) { return option.word }
    for option in options + [(base, "")] {
      if let found = stripPrefixes(option.word, suffix: option.suffix, depth: 0, used: []) { return found }
    }
    return nil
  }

  /// Tries the prefix rules recursively; returns the first known root reached.
  private func stripPrefixes(
    _ word: [UInt8], suffix: String, depth: Int, used: [PrefixRule.Family]
  ) -> [UInt8]? {
    guard depth < 3, word.count > 3 else { return nil }
    guard let rule = PrefixRule.table.first(where: { $0.candidates(word) != nil }),
      let candidates = rule.candidates(word)
    else { return nil }
    if used.contains(rule.family) { return nil }
    if depth == 0, Self.forbidden.contains(where: { $0.family == rule.family && $0.suffix == suffix }) { return nil }
    for candidate in candidates where isRoot(candidate) { return candidate }
    for candidate in candidates {
      if let found = stripPrefixes(candidate, suffix: suffix, depth: depth + 1, used: used + [rule.family]) {
        return found
      }
    }
    return nil
  }

  private func isRoot(_ word: [UInt8]) -> Bool { word.withUnsafeBufferPointer { roots.find($0) != nil } }
  private func string(_ word: [UInt8]) -> String { String(decoding: word, as: UTF8.self) }

  private func strip(_ word: [UInt8], anyOf endings: [[UInt8]]) -> [UInt8]? {
    for ending in endings where word.count > ending.count + 2 && word.suffix(ending.count).elementsEqual(ending) {
      return Array(word.dropLast(ending.count))
    }
    return nil
  }

  static let particles: [[UInt8]] = ["lah", "kah", "tah", "pun"].map { Array($0.utf8) }
  static let possessives: [[UInt8]] = ["nya", "ku", "mu"].map { Array($0.utf8) }
  /// Prefix–suffix pairs that never occur together (`be-…-i`, `di-…-an`, `ke-…-i`, `ke-…-kan`,
  /// `me-…-an`, `se-…-i`, `se-…-kan`, `te-…-an`).
  static let forbidden: [(family: PrefixRule.Family, suffix: String)] = [
    (.be, "i"), (.di, "an"), (.ke, "i"), (.ke, "kan"), (.me, "an"), (.se, "i"), (.se, "kan"), (.te, "an"),
  ]
}
