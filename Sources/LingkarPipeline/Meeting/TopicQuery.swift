import Foundation

/// Turns what a facilitator types after `topics pick` into a topic id: the id itself, the
/// Indonesian or English label or any unambiguous prefix of either (case and accents ignored), or a
/// rank number in the newest recorded digest. Pure: the topics and the digest's order are given,
/// so the rules are tested without a store.
public struct TopicQuery: Sendable {
  /// One topic as it can be named.
  public struct Topic: Sendable, Hashable {
    public var id: String
    public var labelID: String
    public var labelEN: String

    public init(id: String, labelID: String, labelEN: String) {
      self.id = id
      self.labelID = labelID
      self.labelEN = labelEN
    }
  }

  /// What a name resolves to.
  public enum Resolution: Sendable, Hashable {
    /// Exactly one topic: its id.
    case topic(String)
    /// Several topics start that way: all their ids, in the topics file's order.
    case ambiguous([String])
    /// No topic matches: the closest ids, nearest first (empty when none is close).
    case unknown(suggestions: [String])
    /// A rank number beyond the newest digest's topics (`count` is 0 when no digest is recorded).
    case noSuchRank(count: Int)
  }

  public var topics: [Topic]
  /// Topic ids of the newest recorded digest, first-ranked first.
  public var ranked: [String]

  public init(topics: [Topic], ranked: [String]) {
    self.topics = topics
    self.ranked = ranked
  }

  public func resolve(_ text: String) -> Resolution {
    let query = Self.folded(text)
    if let exact = matches(query, where: ==) { return exact }
    if !query.isEmpty, query.allSatisfy(\.isASCII), query.allSatisfy(\.isNumber), let rank = Int(query) {
      guard ranked.indices.contains(rank - 1) else { return .noSuchRank(count: ranked.count) }
      return .topic(ranked[rank - 1])
    }
    if !query.isEmpty, let prefixed = matches(query, where: { $0.hasPrefix($1) }) { return prefixed }
    return .unknown(suggestions: suggestions(for: query))
  }

  /// The topics one of whose names passes `test(name, query)`: nil when none does.
  private func matches(_ query: String, where test: (String, String) -> Bool) -> Resolution? {
    let found = topics.filter { topic in Self.names(of: topic).contains { test($0, query) } }.map(\.id)
    var ids: [String] = []
    for id in found where !ids.contains(id) { ids.append(id) }
    switch ids.count {
    case 0: return nil
    case 1: return .topic(ids[0])
    default: return .ambiguous(ids)
    }
  }

  /// Ids whose names are a few typing slips away from `query`, nearest first, at most three. A
  /// label is also compared by its start as long as the query, so "literasy" finds "Literasi dan
  /// Numerasi Siswa".
  private func suggestions(for query: String) -> [String] {
    guard !query.isEmpty else { return [] }
    let limit = max(2, query.count / 3)
    let scored = topics.compactMap { topic -> (id: String, distance: Int)? in
      let distances = Self.names(of: topic).flatMap { name in
        [Self.distance(query, name), Self.distance(query, String(name.prefix(query.count)))]
      }
      guard let best = distances.min(), best <= limit else { return nil }
      return (topic.id, best)
    }
    var ids: [String] = []
    for entry in scored.sorted(by: { $0.distance < $1.distance }) where !ids.contains(entry.id) {
      ids.append(entry.id)
    }
    return Array(ids.prefix(3))
  }

  private static func names(of topic: Topic) -> [String] {
    [topic.id, topic.labelID, topic.labelEN].map(folded).filter { !$0.isEmpty }
  }

  /// Lower case, without accents, single spaces: "  Literasi  dan Numérasi" → "literasi dan numerasi".
  static func folded(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Levenshtein distance by characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
