/// Chooses a topic's readings for a handout: best first, at most one per source while others are
/// left, both languages where the topic has items in both, at least `minimum` when there are that
/// many, at most `maximum`.
struct ReadingPicker {
  var minimum = 3
  var maximum = 5

  struct Candidate {
    var key: String
    var source: String
    /// `id`, `en` or `mixed`.
    var language: String
  }

  /// Keys of the chosen candidates (given best first), kept in that order.
  func pick(_ candidates: [Candidate]) -> [String] {
    var chosen: [Int] = []
    var sources = Set<String>()
    for (index, candidate) in candidates.enumerated() where chosen.count < maximum {
      if sources.insert(candidate.source).inserted { chosen.append(index) }
    }
    // Both languages, when the topic has both: the best item of a missing language replaces the
    // weakest choice (or joins, when there is room).
    for language in ["id", "en"] where !chosen.contains(where: { candidates[$0].language == language }) {
      guard let best = candidates.indices.first(where: { candidates[$0].language == language && !chosen.contains($0) })
      else { continue }
      if chosen.count >= maximum, let weakest = chosen.indices.last(where: { index in
        let language = candidates[chosen[index]].language
        return chosen.filter { candidates[$0].language == language }.count > 1
      }) {
        chosen.remove(at: weakest)
      }
      if chosen.count < maximum { chosen.append(best) }
    }
    // Too few distinct sources: fill up with the next best items.
    for index in candidates.indices where chosen.count < min(minimum, maximum) && !chosen.contains(index) {
      chosen.append(index)
    }
    return chosen.sorted().map { candidates[$0].key }
  }
}
