/// The ranker's knobs. The keyword defaults were chosen on the tuning half of the evaluation set
/// (`Tests/LingkarRankTests/Fixtures/eval-set.jsonl`) and checked on the other half; the examples'
/// (weight, neighbours, common share) in the middle of a plateau over both that set and
/// `blind-set.jsonl`.
public struct ScoringOptions: Sendable, Hashable {
  /// Bytes of an item's text that are read (its start, cut at a space; the title is always read
  /// whole). A post's first few hundred words say what it is about; a feed that puts a whole long
  /// post in its summary would otherwise cost as much as twenty short ones.
  public var textLimit = 1000
  /// BM25 term-frequency saturation.
  public var k1 = 1.2
  /// BM25 length normalization (0 = none, 1 = full).
  public var b = 0.4
  /// A match in the title counts this many times.
  public var titleWeight = 2.5
  /// Scale of the built-in related terms against the facilitator's keywords.
  public var relatedScale = 0.5
  /// Below this score an item has no topic ("Lainnya / Other").
  public var threshold = 0.5
  /// A second topic is listed for an item when it reaches this share of the first one's score.
  public var secondaryShare = 0.6
  /// Learn related terms from co-occurrence in the items (and history) being ranked.
  public var learnRelatedTerms = true
  /// A learned term must appear in at least this many confidently labelled items.
  public var learnedMinimumSupport = 3
  /// Share of a learned term's confident items that must be of one topic.
  public var learnedMinimumPrecision = 0.7
  /// Weight of a learned term (times its precision).
  public var learnedScale = 0.4
  /// Let the built-in example texts (`TopicExamples`) vote: an item's most
  /// similar examples add their similarity to their topics' scores.
  public var useExamples = true
  /// How many of the most similar examples vote.
  public var exampleNeighbours = 21
  /// A vote (a sum of cosine similarities) counts this much against keyword scores.
  public var exampleWeight = 4.0
  /// Terms in more than this share of the examples are not compared.
  public var exampleCommonShare = 0.1
  /// A term's weight in the examples is its IDF times its concentration (the share of its examples
  /// that are about its commonest topic, one added to both counts) to this power: words spread over
  /// many topics ("using", "first", "hari") say little of any one topic. 0 leaves IDF alone.
  public var exampleConcentration = 0.0
  /// A term found in the examples of more than this many topics (the examples about none counting
  /// as one) is a generic word ("using", "first", "hari"): its example weight is scaled by
  /// `genericScale`.
  public var genericSpread = 99.0
  public var genericScale = 1.0
  /// An item is compared with the examples on its first this many distinct terms (title first).
  public var exampleTermLimit = 20
  /// Use the built-in related terms (`Resources/related-terms.txt`).
  public var useRelatedTerms = true
  /// Pseudo-documents added to the collection size when computing IDF, so that a small period's
  /// IDF does not swing wildly.
  public var idfPriorDocuments = 40.0
  /// How much a one-word keyword shared with other topics is discounted (0: not at all, 1: by its
  /// full IDF over topics).
  public var topicSpecificity = 0.5

  /// A topic after the first is listed only when its own keywords (not the examples' votes) score
  /// at least this much.
  public var secondaryEvidence = 1.5
  /// A post goes to no topic when its everyday-life words (sport, food, faith, politics, gadgets,
  /// family, selling; `ContextWords`) number more than this many times its school words.
  public var everydayOverSchool = 1.0
  /// A post with no more school words than everyday-life words (`ContextWords`; often none of
  /// either) is given a topic only on positive evidence: its best topic's own keywords (not the
  /// examples' votes) must score at least this much.
  public var unschooledEvidence = 1.25

  public init() {}

  /// Sets a knob by name (`threshold=0.8`), for experiments from the command line; false when the
  /// name or value is not understood.
  public mutating func set(_ assignment: String) -> Bool {
    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let value = Double(parts[1]) else { return false }
    let doubles: [String: WritableKeyPath<ScoringOptions, Double>] = [
      "k1": \.k1, "b": \.b, "titleWeight": \.titleWeight, "relatedScale": \.relatedScale, "threshold": \.threshold,
      "secondaryShare": \.secondaryShare, "learnedMinimumPrecision": \.learnedMinimumPrecision,
      "learnedScale": \.learnedScale, "idfPriorDocuments": \.idfPriorDocuments,
      "topicSpecificity": \.topicSpecificity, "exampleWeight": \.exampleWeight,
      "exampleCommonShare": \.exampleCommonShare,
      "exampleConcentration": \.exampleConcentration, "genericSpread": \.genericSpread,
      "genericScale": \.genericScale, "everydayOverSchool": \.everydayOverSchool,
      "secondaryEvidence": \.secondaryEvidence, "unschooledEvidence": \.unschooledEvidence,
    ]
    if let path = doubles[parts[0]] {
      self[keyPath: path] = value
      return true
    }
    switch parts[0] {
    case "learnRelatedTerms": learnRelatedTerms = value != 0
    case "useRelatedTerms": useRelatedTerms = value != 0
    case "learnedMinimumSupport": learnedMinimumSupport = Int(value)
    case "textLimit": textLimit = Int(value)
    case "useExamples": useExamples = value != 0
    case "exampleNeighbours": exampleNeighbours = Int(value)
    case "exampleTermLimit": exampleTermLimit = Int(value)
    default: return false
    }
    return true
  }
}
