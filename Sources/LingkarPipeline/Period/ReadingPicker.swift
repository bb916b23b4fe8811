import LingkarModel

/// Chooses a topic's best readings, the one rule for the digest's suggestions, the agenda and the
/// book club: the best item first, then, slot by slot, the best-ranked item that brings a source
/// or a language not yet on the list (each counts the same); an item that brings neither is taken
/// only to reach `minimum`. Items unfit to recommend (`ReadingEligibility`) are never chosen.
///
/// Languages: `en`, or `id` for Indonesian and for Indonesian–English code-switching (a mixed post
/// reads as Indonesian to the teachers), so "both languages" means an English item beside an
/// Indonesian or mixed one.
struct ReadingPicker {
  var minimum = 3
  var maximum = 3

  /// The chosen items, given best first; in the order chosen (the best first).
  func pick(_ items: [DigestItem]) -> [DigestItem] {
    var candidates = items.filter { ReadingEligibility.isEligible(title: $0.title, link: $0.link) }
    var picked: [DigestItem] = []
    var sources = Set<String>()
    var languages = Set<String>()
    while picked.count < maximum, !candidates.isEmpty {
      var best = 0
      var bestGain = -1
      for (index, item) in candidates.enumerated() {
        let gain = (sources.contains(item.feedURL) ? 0 : 2) + (languages.contains(Self.language(item)) ? 0 : 2)
        if gain > bestGain {
          (best, bestGain) = (index, gain)
          if gain == 4 { break }
        }
      }
      if bestGain == 0 && picked.count >= minimum { break }
      let item = candidates.remove(at: best)
      picked.append(item)
      sources.insert(item.feedURL)
      languages.insert(Self.language(item))
    }
    return picked
  }

  /// `en`, or `id` for Indonesian and for Indonesian–English code-switching.
  static func language(_ item: DigestItem) -> String { item.language == "en" ? "en" : "id" }
}
