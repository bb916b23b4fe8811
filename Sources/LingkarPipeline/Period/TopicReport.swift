public import Foundation
import LingkarDigest
public import LingkarModel
public import LingkarRank

/// A ranked period, ready to print as text or as JSON with digest.json's own pieces (JSONRenderer: `topics`,
/// their `breakdown`, `items[].topics`), so the two never drift apart.
public struct TopicReport: Sendable {
  public var from: Date
  public var to: Date
  public var topics: TopicsFile
  public var ranking: Ranking
  public var items: [String: RankItem]
  public var entryIDs: [String: String]
  /// The votes for the next meeting (`lingkar topics vote`), shown beside each topic; nil when the
  /// meeting is not known.
  public var votes: TopicVotes?

  public init(
    from: Date, to: Date, topics: TopicsFile, ranking: Ranking, items: [String: RankItem],
    entryIDs: [String: String] = [:]
  ) {
    self.from = from
    self.to = to
    self.topics = topics
    self.ranking = ranking
    self.items = items
    self.entryIDs = entryIDs
  }

  /// How many items each topic shows in the text form.
  public static let itemsShown = 3

  public func json() -> String {
    var writer = JSONWriter()
    writer.open()
    JSONRenderer.period(DigestPeriod(from: from, to: to, generated: to), into: &writer)
    writer.key("topics")
    writer.openArray()
    for topic in ranking.topics {
      writer.element()
      writer.open()
      writer.key("id")
      writer.string(topic.id)
      writer.key("label")
      writer.string(topic.labelID)
      writer.key("labels")
      writer.open()
      writer.key("id")
      writer.string(topic.labelID)
      writer.key("en")
      writer.string(topic.labelEN)
      writer.close()
      writer.key("score")
      writer.number(JSONRenderer.round(topic.score))
      writer.key("breakdown")
      JSONRenderer.breakdown(topic.breakdown, into: &writer)
      writer.key("items")
      writer.strings(topic.items)
      if let votes {
        writer.key("votes")
        writer.integer(votes.count(topic.id))
      }
      writer.close()
    }
    writer.closeArray()
    writer.key("items")
    writer.openArray()
    for scored in ranking.items {
      let item = items[scored.key]
      writer.element()
      writer.open()
      writer.key("key")
      writer.string(scored.key)
      writer.key("id")
      writer.string(entryIDs[scored.key].flatMap { $0.isEmpty ? nil : $0 })
      writer.key("feed")
      writer.string(item?.source)
      writer.key("title")
      writer.string(item?.title)
      writer.key("link")
      writer.string(item?.link)
      writer.key("published")
      writer.string(item?.published.map(Timestamp.iso8601))
      writer.key("lang")
      writer.string(scored.language.rawValue)
      writer.key("comments")
      writer.integer(item?.comments)
      writer.key("topics")
      JSONRenderer.matches(scored.topics, into: &writer)
      writer.key("duplicates")
      writer.strings(scored.duplicates)
      writer.close()
    }
    writer.closeArray()
    writer.close()
    return writer.output
  }

  /// The human form: one block per topic, its score explained, its best items.
  public func text(language: DigestLanguage = Catalogue.current) -> String {
    var lines: [String] = []
    lines.append(
      "Topik \(Timestamp.iso8601(from).prefix(10)) – \(Timestamp.iso8601(to).prefix(10)): \(ranking.items.count) item")
    if ranking.topics.isEmpty { lines.append("(tidak ada item dalam periode ini / no items in this period)") }
    for (rank, topic) in ranking.topics.enumerated() {
      let b = topic.breakdown
      lines.append("")
      lines.append(
        "\(rank + 1). \(topic.labelID) / \(topic.labelEN) [\(topic.id)]  skor \(format(topic.score))"
          + (votes.map {
            "  · " + Catalogue.for(language).text("cli.vote.count", ["count": .number($0.count(topic.id))])
          }
            ?? ""))
      lines.append(
        "   = relevansi \(format(b.capped)) (dari \(format(b.relevance)); \(b.sources) sumber, \(b.sourcesAtCap) di batas)"
          + " × sebaran \(format(b.spread)) × kebaruan \(format(b.novelty))"
          + "   [rata-rata: recency \(format(b.recency)), engagement \(format(b.engagement))]")
      for key in topic.items.prefix(Self.itemsShown) {
        guard let item = items[key], let scored = ranking.items.first(where: { $0.key == key }) else { continue }
        let match = scored.topics.first { $0.topicID == topic.id }
        let title = item.title.isEmpty ? String(item.text.prefix(70)) : item.title
        let evidence = match.map { $0.matched.prefix(4).joined(separator: ", ") } ?? ""
        let also = scored.duplicateCount == 0 ? "" : "  (+\(scored.duplicateCount) juga diposting / also posted)"
        lines.append("   - \(title.replacingOccurrences(of: "\n", with: " "))  [\(evidence)]\(also)")
      }
    }
    let other = ranking.items.filter(\.topics.isEmpty).count
    if other > 0 { lines.append(""); lines.append("Lainnya / Other: \(other) item") }
    return lines.joined(separator: "\n")
  }

  private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
