import Foundation

/// The built-in example texts of the topics, indexed for nearest-neighbour voting: an item is
/// compared with every example by the cosine of their IDF-weighted term sets, and its most similar
/// examples vote for their topics with their similarity.
///
/// Keywords say what a topic is called; examples show what teachers write when they write about it
/// ("circle time", "tidur cuma 4 jam", "kotak HP di depan kelas"). A post that names no keyword still
/// lands near the examples it resembles. Terms found in more than `exampleCommonShare` of the
/// examples are left out: they say little and would make every comparison long.
final class ExampleIndex {
  /// One topic's share of an item's nearest examples.
  struct Vote {
    /// The topic number, or -1 for the examples about none of the topics.
    let topic: Int
    /// The summed similarity of the item's nearest examples of the topic.
    var value: Double
    /// The nearest of them, and the item's terms that were compared (for evidence: see
    /// `sharedTerms`; one array shared by the item's votes).
    let nearest: Int
    let compared: [Int32]
  }

  /// Each example's topic number (-1: an example about none of the topics).
  private let classes: [Int]
  /// Each example's indexed terms (32-bit: an example's list is read whole for evidence).
  private let exampleTerms: [[Int32]]
  /// Per term (numbered by the analyzer when the index was built), its postings: the examples that
  /// have it and its weight in each (the example's unit-length vector).
  private let postingStart: [Int]
  private let postingExample: [Int32]
  private let postingWeight: [Float]
  private let idf: [Double]
  /// `idf` as the votes read it.
  private let weight: [Float]
  private let neighbours: Int
  /// An item is compared on its first this many distinct indexed terms (title first).
  private let termLimit: Int

  var isEmpty: Bool { postingExample.isEmpty }

  init(examples: [(document: AnalyzedDocument, topic: Int)], analyzer: TextAnalyzer, options: ScoringOptions) {
    neighbours = max(1, options.exampleNeighbours)
    termLimit = options.exampleTermLimit
    classes = examples.map(\.topic)
    let termCount = analyzer.terms.count
    var documentFrequency = [Int](repeating: 0, count: termCount)
    var termsOf: [[Int]] = []
    var lastSeen = [Int](repeating: -1, count: termCount)
    for (index, example) in examples.enumerated() {
      var terms: [Int] = []
      Self.forEachTerm(of: example.document) { term in
        guard lastSeen[term] != index, !analyzer.stopTerms.contains(term) else { return true }
        lastSeen[term] = index
        terms.append(term)
        documentFrequency[term] += 1
        return true
      }
      termsOf.append(terms)
    }
    let total = Double(max(1, examples.count))
    let common = max(2, Int(options.exampleCommonShare * total))
    // Per term, how many of its examples are about its commonest topic (the examples about none
    // counted as one more topic).
    let classCount = (classes.max() ?? -1) + 2
    var perClass = [Int32](repeating: 0, count: termCount * classCount)
    for (index, terms) in termsOf.enumerated() {
      for term in terms { perClass[term * classCount + classes[index] + 1] += 1 }
    }
    var idf = [Double](repeating: 0, count: termCount)
    // Numbers ("kelas 4", "2024") are left out: they say nothing of a topic.
    for term in 0..<termCount where documentFrequency[term] > 0 && documentFrequency[term] <= common {
      guard analyzer.terms[term].dropFirst(2).contains(where: { !$0.isNumber }) else { continue }
      let counts = perClass[(term * classCount)..<((term + 1) * classCount)]
      let concentration = Double((counts.max() ?? 0) + 1) / Double(documentFrequency[term] + 1)
      idf[term] = log(total / Double(documentFrequency[term])) * pow(concentration, options.exampleConcentration)
      if Double(counts.lazy.filter { $0 > 0 }.count) > options.genericSpread { idf[term] *= options.genericScale }
    }
    var perTerm = [[(example: Int, weight: Double)]](repeating: [], count: termCount)
    for (index, terms) in termsOf.enumerated() {
      let norm = sqrt(terms.reduce(0) { $0 + idf[$1] * idf[$1] })
      guard norm > 0 else { continue }
      for term in terms where idf[term] > 0 { perTerm[term].append((index, idf[term] / norm)) }
    }
    var starts = [0]
    var postingExample: [Int32] = []
    var postingWeight: [Float] = []
    for list in perTerm {
      for posting in list {
        postingExample.append(Int32(posting.example))
        postingWeight.append(Float(posting.weight))
      }
      starts.append(postingExample.count)
    }
    postingStart = starts
    self.postingExample = postingExample
    self.postingWeight = postingWeight
    exampleTerms = termsOf.map { $0.filter { idf[$0] > 0 }.map { Int32(truncatingIfNeeded: $0) } }
    self.idf = idf
    weight = idf.map(Float.init)
  }

  /// Calls `body` with the document's terms, title first, until it returns false.
  static func forEachTerm(of document: AnalyzedDocument, _ body: (Int) -> Bool) {
    for part in 0..<4 {
      for index in document.range(stream: part & 1, title: part < 2) where !body(Int(document.terms[index])) { return }
    }
  }

  /// The item's votes, one per topic among its nearest examples (-1: the examples about none).
  func votes(_ document: AnalyzedDocument, scratch: inout Scratch) -> [Vote] {
    scratch.round &+= 1
    // The item's compared terms (kept by its votes, for evidence) and their weights.
    var terms: [Int32] = []
    terms.reserveCapacity(termLimit)
    var norm: Float = 0
    weight.withUnsafeBufferPointer { weight in
      scratch.seen.withUnsafeMutableBufferPointer { seen in
        let round = scratch.round
        document.terms.withUnsafeBufferPointer { all in
          for part in 0..<4 {
            for term32 in UnsafeBufferPointer(rebasing: all[document.range(stream: part & 1, title: part < 2)]) {
              let term = Int(term32)
              guard term < weight.count, weight[term] > 0, seen[term] != round else { continue }
              seen[term] = round
              terms.append(term32)
              norm += weight[term] * weight[term]
              if terms.count >= termLimit { return }
            }
          }
        }
      }
    }
    guard norm > 0 else { return [] }
    let scale = 1 / norm.squareRoot()
    let count = neighbours
    var found = 0
    postingExample.withUnsafeBufferPointer { examples in
      postingWeight.withUnsafeBufferPointer { weights in
        scratch.similarity.withUnsafeMutableBufferPointer { similarity in
          scratch.touched.withUnsafeMutableBufferPointer { touched in
            // Each example met is listed once (its similarity was 0 before), so `touched` never
            // holds more than all the examples.
            var touchedCount = 0
            for term32 in terms {
              let term = Int(term32)
              let termWeight = weight[term] * scale
              for posting in postingStart[term]..<postingStart[term + 1] {
                let example = Int(examples[posting])
                if similarity[example] == 0 {
                  touched[touchedCount] = Int32(example)
                  touchedCount += 1
                }
                similarity[example] += termWeight * weights[posting]
              }
            }
            // The nearest examples, best first (ties: the earlier example), kept in a short sorted
            // list; an example that does not beat the last one is passed over at once.
            scratch.nearestValue.withUnsafeMutableBufferPointer { values in
              scratch.nearestExample.withUnsafeMutableBufferPointer { nearest in
                for position in 0..<touchedCount {
                  let example = touched[position]
                  let value = similarity[Int(example)]
                  similarity[Int(example)] = 0
                  if found == count {
                    let (last, lastExample) = (values[count - 1], nearest[count - 1])
                    guard value > last || (value == last && example < lastExample) else { continue }
                  } else {
                    found += 1
                  }
                  var at = found - 1
                  while at > 0, value > values[at - 1] || (value == values[at - 1] && example < nearest[at - 1]) {
                    values[at] = values[at - 1]
                    nearest[at] = nearest[at - 1]
                    at -= 1
                  }
                  values[at] = value
                  nearest[at] = example
                }
              }
            }
          }
        }
      }
    }
    var result: [Vote] = []
    for position in 0..<found {
      let example = Int(scratch.nearestExample[position])
      let value = Double(scratch.nearestValue[position])
      let topic = classes[example]
      if let at = result.firstIndex(where: { $0.topic == topic }) {
        result[at].value += value
      } else {
        result.append(Vote(topic: topic, value: value, nearest: example, compared: terms))
      }
    }
    return result
  }

  /// The words compared (see `votes`) that the item shares with an example, rarest first (ties: the
  /// earlier numbered), at most three: the evidence behind a vote. Asked only for the topics an item
  /// is given.
  func sharedTerms(_ vote: Vote, excluding skipped: (Int) -> Bool) -> [Int] {
    // The compared terms as one bit each of a 64-bit filter, so most of the example's terms are
    // passed over without searching the list.
    func bit(_ term: Int) -> UInt64 { 1 << ((UInt64(truncatingIfNeeded: term) &* 0x9E37_79B9_7F4A_7C15) >> 58) }
    let filter = vote.compared.reduce(0) { $0 | bit(Int($1)) }
    var shared: [Int] = []
    for term32 in exampleTerms[vote.nearest] {
      let term = Int(term32)
      guard filter & bit(term) != 0, vote.compared.contains(term32), !skipped(term) else { continue }
      var at = shared.count
      while at > 0, idf[term] > idf[shared[at - 1]] || (idf[term] == idf[shared[at - 1]] && term < shared[at - 1]) {
        at -= 1
      }
      if at < 3 { shared.insert(term, at: at) }
      if shared.count > 3 { shared.removeLast() }
    }
    return shared
  }

  /// Working arrays for `votes`, reused from item to item.
  struct Scratch {
    fileprivate var seen: [UInt32]
    fileprivate var round: UInt32 = 0
    fileprivate var similarity: [Float]
    fileprivate var touched: [Int32]
    fileprivate var nearestValue: [Float]
    fileprivate var nearestExample: [Int32]

    init(_ index: ExampleIndex) {
      seen = Array(repeating: 0, count: index.idf.count)
      similarity = Array(repeating: 0, count: index.classes.count)
      touched = Array(repeating: 0, count: index.classes.count)
      nearestValue = Array(repeating: 0, count: index.neighbours)
      nearestExample = Array(repeating: 0, count: index.neighbours)
    }
  }
}
