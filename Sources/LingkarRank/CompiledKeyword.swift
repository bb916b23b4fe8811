/// A keyword turned into term sequences, ready to be matched.
struct CompiledKeyword {
  /// Where a keyword comes from; evidence is written differently for each.
  enum Origin { case topicsFile, related, learned }

  let topic: Int
  let text: String
  let weight: Double
  let origin: Origin
  /// The keyword's Indonesian sequence and English sequence (either may be empty).
  let sequences: [[Int]]
  /// Evidence as shown to people: the keyword as written, related terms marked with `~` (made once,
  /// not for every item that meets the keyword).
  let evidence: String

  init(topic: Int, text: String, weight: Double, origin: Origin, sequences: [[Int]]) {
    self.topic = topic
    self.text = text
    self.weight = weight
    self.origin = origin
    self.sequences = sequences
    evidence = origin == .topicsFile ? text : "~" + text
  }
}
