import Foundation

/// Scores items against topics: BM25 over the term streams, with keyword weights, phrases matched
/// as adjacent terms, title matches counted more, and IDF taken from the items being ranked.
final class TopicScorer {
  let analyzer: TextAnalyzer
  let topics: [Topic]
  let options: ScoringOptions
  private(set) var keywords: [CompiledKeyword] = []
  /// For each term number, the (keyword, stream) sequences that start with it.
  private var starts: [Int: [(keyword: Int, stream: Int)]] = [:]
  private var keywordKeys = Set<String>()

  init(topics: [Topic], related: [String: [TopicKeyword]], analyzer: TextAnalyzer, options: ScoringOptions) {
    self.topics = topics
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
    for (stream, sequence) in sequences.enumerated() {
      guard let first = sequence.first else { continue }
      if stream == 1, sequences[0] == sequence { continue }
      starts[first, default: []].append((index, stream))
    }
  }

  /// Whether a term already starts some keyword (learned terms are only new ones).
  func isKeywordTerm(_ term: Int) -> Bool { starts[term] != nil }

  /// Keyword frequencies in one document: title matches weighted, the better stream counted.
  func frequencies(_ document: AnalyzedDocument) -> [Int: Double] {
    var perStream: [[Int: Double]] = [[:], [:]]
    for stream in 0..<2 {
      for (terms, weight) in [(document.title[stream], options.titleWeight), (document.body[stream], 1.0)] {
        for position in terms.indices {
          guard let candidates = starts[terms[position]] else { continue }
          for (keyword, keywordStream) in candidates {
            let sequence = keywords[keyword].sequences[keywordStream]
            if keywordStream != stream && !(keywordStream == 0 && keywords[keyword].sequences[1] == sequence) {
              continue
            }
            if sequence.count > 1 {
              guard position + sequence.count <= terms.count else { continue }
              var same = true
              for offset in 1..<sequence.count where terms[position + offset] != sequence[offset] {
                same = false
                break
              }
              if !same { continue }
            }
            perStream[stream][keyword, default: 0] += weight
          }
        }
      }
    }
    var merged = perStream[0]
    for (keyword, count) in perStream[1] { merged[keyword] = max(merged[keyword] ?? 0, count) }
    return merged
  }

  /// Every document's topic matches, best first, above the threshold only.
  func score(_ documents: [AnalyzedDocument]) -> [[TopicMatch]] {
    let frequencies = documents.map(frequencies)
    var documentFrequency = [Int](repeating: 0, count: keywords.count)
    for counts in frequencies { for keyword in counts.keys { documentFrequency[keyword] += 1 } }
    let collection = Double(documents.count) + options.idfPriorDocuments
    let maximumIDF = log(1 + (collection + 0.5) / 0.5)
    let idf = documentFrequency.map { log(1 + (collection - Double($0) + 0.5) / (Double($0) + 0.5)) / maximumIDF }
    let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(1, documents.count)))

    return zip(documents, frequencies).map { document, counts in
      let saturation = options.k1 * (1 - options.b + options.b * Double(max(document.length, 1)) / averageLength)
      var scores = [Double](repeating: 0, count: topics.count)
      var evidence = [[(String, Double)]](repeating: [], count: topics.count)
      for keyword in counts.keys.sorted() {
        let count = counts[keyword] ?? 0
        let compiled = keywords[keyword]
        let contribution = compiled.weight * idf[keyword] * count * (options.k1 + 1) / (count + saturation)
        scores[compiled.topic] += contribution
        evidence[compiled.topic].append((compiled.evidence, contribution))
      }
      return matches(scores: scores, evidence: evidence)
    }
  }

  /// Topics above the threshold, best first (ties: topic order), each with its evidence.
  func matches(scores: [Double], evidence: [[(String, Double)]]) -> [TopicMatch] {
    let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    guard let best = order.first, scores[best] >= options.threshold else { return [] }
    var result: [TopicMatch] = []
    for topic in order where scores[topic] >= options.threshold && scores[topic] >= options.secondaryShare * scores[best] {
      var seen = Set<String>()
      let matched = evidence[topic]
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        .map(\.0)
        .filter { seen.insert($0).inserted }
      result.append(TopicMatch(topicID: topics[topic].id, score: (scores[topic] * 1000).rounded() / 1000, matched: matched))
    }
    return result
  }
}
