import Foundation
import LingkarModel

/// Scores items against topics: BM25 over the term streams, with keyword weights, phrases matched
/// as adjacent terms, title matches counted more, and IDF taken from the items being ranked.
final class TopicScorer {
  let analyzer: TextAnalyzer
  let topics: [Topic]
  let options: ScoringOptions
  private(set) var keywords: [CompiledKeyword] = []
  /// Each keyword's evidence text, and each topic's id, as `matches` reads them (without copying
  /// the records they belong to).
  private var evidenceTexts: [String] = []
  private let topicIDs: [String]
  /// The built-in examples, when used: their votes are added to the keyword scores.
  var examples: ExampleIndex?
  /// A keyword sequence to look for, filed under its first term.
  struct Start {
    let keyword: Int
    let sequence: [Int]
    /// Bit 0: matches in the Indonesian stream, bit 1: in the English stream.
    let streams: UInt8
  }
  /// For each term number, the keyword sequences that start with it.
  private var starts: [[Start]] = []
  private var keywordKeys = Set<String>()
  private var sequenceKeys = Set<String>()

  init(topics: [Topic], related: [String: [TopicKeyword]], analyzer: TextAnalyzer, options: ScoringOptions) {
    self.topics = topics
    topicIDs = topics.map(\.id)
    self.analyzer = analyzer
    self.options = options
    for (index, topic) in topics.enumerated() {
      for keyword in topic.keywords {
        add(keyword.text, weight: Double(keyword.weight), topic: index, origin: .topicsFile)
      }
    }
    if options.useRelatedTerms {
      for (index, topic) in topics.enumerated() {
        for keyword in related[topic.id] ?? [] {
          add(keyword.text, weight: Double(keyword.weight) * options.relatedScale, topic: index, origin: .related)
        }
      }
    }
  }

  /// Adds a keyword (ignored when the same text is already a keyword of that topic).
  func add(_ text: String, weight: Double, topic: Int, origin: CompiledKeyword.Origin) {
    let tokens = Tokenizer.tokens(text)
    guard tokens.contains(where: { !TextAnalyzer.isStopword($0) }) else { return }
    let sequences = [tokens.map(analyzer.indonesianTerm), tokens.map(analyzer.englishTerm)]
    addCompiled(text: text, sequences: sequences, weight: weight, topic: topic, origin: origin)
  }

  func addCompiled(text: String, sequences: [[Int]], weight: Double, topic: Int, origin: CompiledKeyword.Origin) {
    let key = "\(topic)|" + sequences.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "/")
    guard keywordKeys.insert(key).inserted else { return }
    let index = keywords.count
    keywords.append(CompiledKeyword(topic: topic, text: text, weight: weight, origin: origin, sequences: sequences))
    evidenceTexts.append(keywords[index].evidence)
    // A term sequence already looked for in a stream for this topic (`parent` and `parents`, or the
    // related `baca` next to `membaca`) is not looked for again: one piece of text counts once.
    let fresh = sequences.enumerated().map { stream, sequence in
      sequenceKeys.insert("\(topic)|\(stream)|" + sequence.map(String.init).joined(separator: ",")).inserted
    }
    for (stream, sequence) in sequences.enumerated() where fresh[stream] {
      guard let first = sequence.first else { continue }
      if stream == 1, sequences[0] == sequence, fresh[0] { continue }
      let both = stream == 0 && sequences[1] == sequence && fresh[1]
      if first >= starts.count { starts += Array(repeating: [], count: first + 1 - starts.count) }
      starts[first].append(Start(keyword: index, sequence: sequence, streams: both ? 3 : stream == 0 ? 1 : 2))
    }
  }

  /// Whether a term already starts some keyword (learned terms are only new ones).
  func isKeywordTerm(_ term: Int) -> Bool { term < starts.count && !starts[term].isEmpty }

  /// Keyword frequencies of every document, by keyword number: title matches weighted, the
  /// better stream counted.
  func count(_ documents: [AnalyzedDocument]) -> [[(keyword: Int, count: Double)]] {
    Counter(table: FlatStarts(starts), keywordCount: keywords.count, titleWeight: options.titleWeight).count(documents)
  }

  /// `previous` (counted when there were `since` keywords) completed with the keywords added since
  /// (learned terms), without matching the older keywords again.
  func count(
    _ documents: [AnalyzedDocument], adding previous: [[(keyword: Int, count: Double)]], since: Int
  ) -> [[(keyword: Int, count: Double)]] {
    var table: [[Start]] = []
    for (term, list) in starts.enumerated() {
      let added = list.filter { $0.keyword >= since }
      guard !added.isEmpty else { continue }
      if term >= table.count { table += Array(repeating: [], count: term + 1 - table.count) }
      table[term] = added
    }
    // Added keywords have higher numbers, so appending keeps each list sorted.
    let counter = Counter(table: FlatStarts(table), keywordCount: keywords.count, titleWeight: options.titleWeight)
    return zip(previous, counter.count(documents)).map { $0 + $1 }
  }

  /// The starts table laid out flat, in memory it owns: no nested arrays to retain while counting,
  /// and no bounds checks in the counting loop (`Counter` reads it only at indices the table's
  /// own layout guarantees).
  final class FlatStarts {
    /// Per term, the streams (bits as in `Start.streams`) in which some sequence starts with it, so
    /// the tokens that start nothing (most) cost one byte read.
    let flags: UnsafeMutableBufferPointer<UInt8>
    /// Per term, its first entry; entries of term t are `first[t]..<first[t + 1]`.
    let first: UnsafeMutableBufferPointer<Int>
    let keyword: UnsafeMutableBufferPointer<Int>
    let streams: UnsafeMutableBufferPointer<UInt8>
    /// Per entry, where its sequence starts in `terms`; it ends where the next entry's starts.
    let sequenceStart: UnsafeMutableBufferPointer<Int>
    let terms: UnsafeMutableBufferPointer<Int32>

    init(_ table: [[Start]]) {
      var (flags, first, keyword, streams, sequenceStart, terms): ([UInt8], [Int], [Int], [UInt8], [Int], [Int32]) =
        ([], [0], [], [], [0], [])
      for list in table {
        flags.append(list.reduce(0) { $0 | $1.streams })
        for start in list {
          keyword.append(start.keyword)
          streams.append(start.streams)
          terms += start.sequence.map { Int32(truncatingIfNeeded: $0) }
          sequenceStart.append(terms.count)
        }
        first.append(keyword.count)
      }
      func owned<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
      }
      (self.flags, self.first, self.keyword) = (owned(flags), owned(first), owned(keyword))
      (self.streams, self.sequenceStart, self.terms) = (owned(streams), owned(sequenceStart), owned(terms))
    }

    deinit {
      for buffer in [
        UnsafeMutableRawPointer(flags.baseAddress), UnsafeMutableRawPointer(first.baseAddress),
        UnsafeMutableRawPointer(keyword.baseAddress), UnsafeMutableRawPointer(streams.baseAddress),
        UnsafeMutableRawPointer(sequenceStart.baseAddress), UnsafeMutableRawPointer(terms.baseAddress),
      ] {
        buffer?.deallocate()
      }
    }
  }

  /// Counts keyword sequences in documents with one table and one set of working counts.
  struct Counter {
    let table: FlatStarts
    let keywordCount: Int
    let titleWeight: Double

    func count(_ documents: [AnalyzedDocument]) -> [[(keyword: Int, count: Double)]] {
      // Per keyword, the counts of the document being read in either stream (then reset).
      let counts = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, 2 * keywordCount))
      counts.initialize(repeating: 0)
      defer { counts.deallocate() }
      var touched: [Int] = []
      return documents.map { frequencies($0, counts: counts, touched: &touched) }
    }

    private func frequencies(
      _ document: AnalyzedDocument, counts: UnsafeMutableBufferPointer<Double>, touched: inout [Int]
    ) -> [(keyword: Int, count: Double)] {
      touched.removeAll(keepingCapacity: true)
      let (flags, first, keywordOf, streamsOf) = (table.flags, table.first, table.keyword, table.streams)
      let (sequenceStart, sequenceTerms) = (table.sequenceStart, table.terms)
      document.terms.withUnsafeBufferPointer { all in
        for part in 0..<4 {
          let (stream, title) = (part >> 1, part & 1 == 0)
          let bit: UInt8 = stream == 0 ? 1 : 2
          let offset = stream * keywordCount
          let weight = title ? titleWeight : 1.0
          let terms = UnsafeBufferPointer(rebasing: all[document.range(stream: stream, title: title)])
          for position in terms.indices {
            let term = Int(terms[position])
            guard term < flags.count, flags[term] & bit != 0 else { continue }
            for entry in first[term]..<first[term + 1] where streamsOf[entry] & bit != 0 {
              let (start, end) = (sequenceStart[entry], sequenceStart[entry + 1])
              let length = end - start
              if length > 1 {
                guard position + length <= terms.count else { continue }
                var same = true
                for next in 1..<length where terms[position + next] != sequenceTerms[start + next] {
                  same = false
                  break
                }
                if !same { continue }
              }
              let keyword = keywordOf[entry]
              if counts[keyword] == 0 && counts[keywordCount + keyword] == 0 { touched.append(keyword) }
              counts[offset + keyword] += weight
            }
          }
        }
      }
      touched.sort()
      var result: [(keyword: Int, count: Double)] = []
      result.reserveCapacity(touched.count)
      for keyword in touched {
        result.append((keyword, max(counts[keyword], counts[keywordCount + keyword])))
        counts[keyword] = 0
        counts[keywordCount + keyword] = 0
      }
      return result
    }
  }

  /// Every document's topic matches, best first, above the threshold only.
  func score(_ documents: [AnalyzedDocument]) -> [[ItemTopicMatch]] {
    score(documents, counts: count(documents), votes: votes(documents))
  }

  /// Every document's topic matches from its keyword frequencies (see `count`) and the votes of
  /// the examples (see `votes`; empty when examples are not used).
  func score(
    _ documents: [AnalyzedDocument], counts frequencies: [[(keyword: Int, count: Double)]], votes: [[ExampleIndex.Vote]]
  ) -> [[ItemTopicMatch]] {
    score(documents, counts: frequencies, votes: votes, keeping: [], unless: [])
  }

  /// The examples' votes for every document (empty when examples are not used).
  func votes(_ documents: [AnalyzedDocument]) -> [[ExampleIndex.Vote]] {
    guard let examples else { return [] }
    var scratch = ExampleIndex.Scratch(examples)
    return documents.map { examples.votes($0, scratch: &scratch) }
  }

  /// As `score(_:counts:)`, but the documents not marked in `changed` keep their matches from
  /// `previous` (when only keywords met by the marked documents were added since).
  func score(
    _ documents: [AnalyzedDocument], counts frequencies: [[(keyword: Int, count: Double)]],
    votes allVotes: [[ExampleIndex.Vote]], keeping previous: [[ItemTopicMatch]], unless changed: [Bool]
  ) -> [[ItemTopicMatch]] {
    var documentFrequency = [Int](repeating: 0, count: keywords.count)
    for counts in frequencies { for entry in counts { documentFrequency[entry.keyword] += 1 } }
    let collection = Double(documents.count) + options.idfPriorDocuments
    let maximumIDF = log(1 + (collection + 0.5) / 0.5)
    let idf = documentFrequency.map { log(1 + (collection - Double($0) + 0.5) / (Double($0) + 0.5)) / maximumIDF }
    let specificity = keywordSpecificity()
    let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(1, documents.count)))

    // Per keyword, its topic and everything in its BM25 contribution but the item's own count and
    // length (read in the loop below, not from the keyword records).
    let topicOf = keywords.map(\.topic)
    let factor = keywords.indices.map { keywords[$0].weight * specificity[$0] * idf[$0] * (options.k1 + 1) }
    let startsKeyword = starts.map { !$0.isEmpty }
    var scores = [Double](repeating: 0, count: topics.count)
    var own = [Double](repeating: 0, count: topics.count)
    return zip(documents, frequencies).enumerated().map { index, pair in
      let (document, counts) = pair
      if index < changed.count, !changed[index] { return previous[index] }
      // A post about everyday life (sport, food, faith, family, selling) with fewer school words
      // than everyday ones is no topic's, whatever keywords it meets by accident.
      if isEverydayLife(document) { return [] }
      let saturation = options.k1 * (1 - options.b + options.b * Double(max(document.length, 1)) / averageLength)
      for topic in scores.indices { scores[topic] = 0 }
      for (keyword, count) in counts { scores[topicOf[keyword]] += factor[keyword] * count / (count + saturation) }
      // The keywords' part of each score: a second topic is listed only on evidence of its own.
      for topic in scores.indices { own[topic] = scores[topic] }
      let votes = index < allVotes.count ? allVotes[index] : []
      for vote in votes where vote.topic >= 0 { scores[vote.topic] += options.exampleWeight * vote.value }
      // An item nearer the examples about nothing in particular than any topic's evidence has no topic.
      let unlike = options.exampleWeight * (votes.first { $0.topic < 0 }?.value ?? 0)
      // A post with no more school words than everyday ones (none of either, often) needs positive
      // evidence: its best topic's own keywords. The examples' votes alone are not enough: they find
      // a nearest example for any text.
      if document.schoolWords <= document.everydayWords, let top = bestTopic(scores),
        own[top] < options.unschooledEvidence
      {
        return []
      }
      return matches(scores: scores, floor: unlike, own: own) { topic in
        // Keywords by number; words shared with the nearest example of the topic as -(term + 1).
        var evidence: [(key: Int, value: Double)] = []
        evidence.reserveCapacity(counts.count + 3)
        for (keyword, count) in counts where topicOf[keyword] == topic {
          evidence.append((keyword, factor[keyword] * count / (count + saturation)))
        }
        if let examples, let vote = votes.first(where: { $0.topic == topic }) {
          // Words that are keywords already speak as keywords.
          let shared = examples.sharedTerms(vote) { $0 < startsKeyword.count && startsKeyword[$0] }
          let value = options.exampleWeight * vote.value / Double(max(1, shared.count))
          for term in shared { evidence.append((-(term + 1), value)) }
        }
        return evidence
      }
    }
  }

  /// The topic with the highest score (ties: the first).
  func bestTopic(_ scores: [Double]) -> Int? {
    var best: Int?
    for topic in scores.indices where best.map({ scores[topic] > scores[$0] }) ?? true { best = topic }
    return best
  }

  /// Whether a document's everyday-life words outweigh its school words (see `ContextWords`).
  func isEverydayLife(_ document: AnalyzedDocument) -> Bool {
    document.everydayWords > 0
      && Double(document.everydayWords) > options.everydayOverSchool * Double(document.schoolWords)
  }

  /// Evidence for a word shared with a similar example: `≈` and the word (made once per term).
  private func similarEvidence(_ term: Int) -> String {
    if let known = similarEvidenceCache[term] { return known }
    let text = "≈" + analyzer.surfaces[term]
    similarEvidenceCache[term] = text
    return text
  }

  private var similarEvidenceCache: [Int: String] = [:]

  /// Per keyword, how specific it is to its topic: a one-word keyword whose term also appears in
  /// other topics' keywords (`baca` for literacy and for the book club) counts less, by an IDF over
  /// topics, so the topic with the more specific evidence wins between neighbours.
  func keywordSpecificity() -> [Double] {
    guard options.topicSpecificity > 0, topics.count > 1 else { return Array(repeating: 1, count: keywords.count) }
    var topicsOf: [Int: Set<Int>] = [:]
    for keyword in keywords where keyword.origin != .learned {
      for sequence in keyword.sequences {
        for term in sequence where !analyzer.stopTerms.contains(term) {
          topicsOf[term, default: []].insert(keyword.topic)
        }
      }
    }
    let total = Double(topics.count)
    return keywords.map { keyword in
      var factor = 1.0
      for sequence in keyword.sequences where sequence.count == 1 {
        let spread = Double(max(1, topicsOf[sequence[0]]?.count ?? 1))
        let idf = (1 + log(total / spread)) / (1 + log(total))
        factor = min(factor, 1 - options.topicSpecificity * (1 - idf))
      }
      return factor
    }
  }

  /// At most this many pieces of evidence are given for a topic.
  static let evidenceShown = 8

  /// Topics above the threshold (and above `unlike`, the examples' vote for no topic), best first
  /// (ties: topic order), each with its evidence.
  /// `own`: each topic's keyword score (without the examples' votes); a topic after the first is
  /// listed only when its own keywords reach `secondaryEvidence`, so the examples' votes that spill
  /// over to a neighbouring topic do not list it.
  func matches(
    scores: [Double], floor unlike: Double = 0, own: [Double]? = nil, evidence: (Int) -> [(key: Int, value: Double)]
  ) -> [ItemTopicMatch] {
    // Most items reach the threshold in no topic: nothing to order.
    guard let top = scores.max(), top >= options.threshold, top > unlike else { return [] }
    // Only the topics that pass are ordered (usually one or two of them).
    let floor = max(options.threshold, options.secondaryShare * top)
    var order = scores.indices.filter { scores[$0] >= floor }
      .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    if let own, order.count > 1 {
      order = [order[0]] + order.dropFirst().filter { own[$0] >= options.secondaryEvidence }
    }
    var result: [ItemTopicMatch] = []
    result.reserveCapacity(order.count)
    for topic in order {
      // The strongest evidence first; texts are made only for what is shown.
      // Ties: keywords in their order, then shared words.
      func order(_ key: Int) -> Int { key >= 0 ? key : Int.max / 2 - key }
      var pieces = evidence(topic)
      pieces.sort { $0.value != $1.value ? $0.value > $1.value : order($0.key) < order($1.key) }
      var matched: [String] = []
      matched.reserveCapacity(min(pieces.count, Self.evidenceShown))
      for (key, _) in pieces {
        guard matched.count < Self.evidenceShown else { break }
        let text = key >= 0 ? evidenceTexts[key] : similarEvidence(-key - 1)
        if !matched.contains(text) { matched.append(text) }
      }
      result.append(
        ItemTopicMatch(topicID: topicIDs[topic], score: (scores[topic] * 1000).rounded() / 1000, matched: matched))
    }
    return result
  }
}
