public import Foundation

/// The ranker's entry point: scores items against the topics, groups duplicate stories, and ranks
/// the topics of a period. Pure: text in, values out; the same input gives the same output.
///
/// ```swift
/// let ranker = Ranker(topics: try TopicsFile.parse(text))
/// let ranking = ranker.rank(items, discussed: [], now: Date())
/// ```
public struct Ranker: Sendable {
  public var topics: TopicsFile
  public var options: ScoringOptions
  public var periodOptions: PeriodOptions
  /// Related terms per topic id (by default the built-in ones for the default topics).
  public var related: [String: [TopicKeyword]]

  public init(
    topics: TopicsFile = .builtIn, options: ScoringOptions = ScoringOptions(),
    periodOptions: PeriodOptions = PeriodOptions(), related: [String: [TopicKeyword]]? = nil
  ) {
    self.topics = topics
    self.options = options
    self.periodOptions = periodOptions
    self.related = related ?? Self.builtInRelated
  }

  /// The built-in related terms (`Resources/related-terms.txt`).
  public static let builtInRelated: [String: [TopicKeyword]] = {
    let (file, _) = TopicsFile.parseCollectingErrors(
      WordLists.relatedTermsText, file: "related-terms.txt", requireLabels: false)
    var result: [String: [TopicKeyword]] = [:]
    for topic in file.topics { result[topic.id, default: []] += topic.keywords }
    return result
  }()

  /// Scores and groups the items (no period ranking). `history` (older items) only informs IDF-free
  /// learning of related terms; it is not scored.
  public func classify(_ items: [RankItem], history: [RankItem] = []) -> (items: [ScoredItem], groups: [Int]) {
    classify(items, history: history, sources: SourceNumbers(items.map(\.source)))
  }

  func classify(
    _ items: [RankItem], history: [RankItem], sources: SourceNumbers
  ) -> (items: [ScoredItem], groups: [Int]) {
    let analyzer = TextAnalyzer(extraRoots: keywordRoots())
    let scorer = TopicScorer(topics: topics.topics, related: related, analyzer: analyzer, options: options)
    if options.useExamples { scorer.examples = exampleIndex(analyzer: analyzer) }
    let documents = items.map {
      AnalyzedDocument(
        analyzer: analyzer, title: $0.title, text: $0.text, declaredLanguage: $0.declaredLanguage,
        textLimit: options.textLimit)
    }
    let counts = scorer.count(documents)
    let votes = scorer.votes(documents)
    var matches = scorer.score(documents, counts: counts, votes: votes)
    if options.learnRelatedTerms {
      let past = history.map {
        AnalyzedDocument(
          analyzer: analyzer, title: $0.title, text: $0.text, declaredLanguage: $0.declaredLanguage,
          textLimit: options.textLimit)
      }
      let pastMatches = past.isEmpty ? [] : scorer.score(past)
      let topicIndex = Dictionary(uniqueKeysWithValues: topics.topics.enumerated().map { ($1.id, $0) })
      let learned = RelatedTermLearner(options: options).learn(
        documents: past.isEmpty ? documents : documents + past, matches: past.isEmpty ? matches : matches + pastMatches,
        topicIndex: topicIndex, scorer: scorer)
      let before = scorer.keywords.count
      for entry in learned {
        var sequences: [[Int]] = [[], []]
        sequences[entry.stream] = [entry.term]
        let surface = analyzer.surfaces[entry.term]
        scorer.addCompiled(
          text: surface, sequences: sequences, weight: entry.weight, topic: entry.topic, origin: .learned)
      }
      if !learned.isEmpty {
        let updated = scorer.count(documents, adding: counts, since: before)
        // An item that meets no learned term keeps its matches: the older keywords' IDF, weights and
        // specificity do not change when terms are learned, nor does any item's length.
        let changed = zip(updated, counts).map { $0.count != $1.count }
        matches = scorer.score(documents, counts: updated, votes: votes, keeping: matches, unless: changed)
      }
    }
    let anchors = StoryAnchors.names(
      items.map { StoryAnchors.of(title: $0.title, text: $0.text, limit: options.textLimit) })
    let groups = DuplicateFinder().groups(
      documents: documents, shingleHashes: analyzer.shingleHashes, links: items.map(\.link), sources: sources,
      anchors: anchors, dates: items.map { $0.published?.timeIntervalSince1970 })
    // Groups are numbered by one of their items: the keys of each story of several items, sorted.
    var storySize = [Int](repeating: 0, count: items.count)
    for group in groups { storySize[group] += 1 }
    var members = [[String]](repeating: [], count: items.count)
    for (index, group) in groups.enumerated() where storySize[group] > 1 { members[group].append(items[index].key) }
    for group in members.indices where members[group].count > 1 { members[group].sort() }
    let scored = items.indices.map { index in
      let story = members[groups[index]]
      return ScoredItem(
        key: items[index].key, language: documents[index].language, topics: matches[index], story: story)
    }
    return (scored, groups)
  }

  /// The built-in example texts of the topics in use (and the examples about none of them),
  /// indexed for voting.
  func exampleIndex(analyzer: TextAnalyzer) -> ExampleIndex? {
    let topicIndex = Dictionary(topics.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let examples = TopicExample.builtIn.filter { $0.topic == "none" || topicIndex[$0.topic] != nil }
    guard examples.contains(where: { $0.topic != "none" }) else { return nil }
    let analyzed = examples.map {
      (
        AnalyzedDocument(analyzer: analyzer, title: $0.title, text: $0.text, declaredLanguage: nil),
        topicIndex[$0.topic] ?? -1
      )
    }
    let index = ExampleIndex(examples: analyzed, analyzer: analyzer, options: options)
    return index.isEmpty ? nil : index
  }

  /// Scores, groups and ranks a period's items. `now` is the end of the period (for recency and
  /// novelty); `discussed` lists topics talked about at recent meetings.
  public func rank(
    _ items: [RankItem], history: [RankItem] = [], discussed: [DiscussedTopic] = [], now: Date
  ) -> Ranking {
    let sources = SourceNumbers(items.map(\.source))
    let (scored, groups) = classify(items, history: history, sources: sources)
    return TopicRanker(topics: topics.topics, threshold: options.threshold, options: periodOptions)
      .rank(items: items, scored: scored, groups: groups, sources: sources, discussed: discussed, now: now)
  }

  /// Single keyword words that are base forms (the stemmer cannot reduce them further): the
  /// stemmer may stop at them, so `kedisiplinan` meets the keyword `disiplin`.
  func keywordRoots() -> Set<String> {
    let base = IndonesianStemmer()
    var roots = Set<String>()
    let all = topics.topics.flatMap(\.keywords) + related.values.flatMap { $0 }
    for keyword in all {
      for word in Tokenizer.tokens(keyword.text) where word.utf8.count >= 4 && !TextAnalyzer.isStopword(word) {
        if base.stem(word) == word { roots.insert(word) }
      }
    }
    return roots
  }
}
