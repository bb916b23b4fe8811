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

  /// The first words of an untitled post, cut at a word and marked as cut.
  static func opening(_ text: String, limit: Int = 70) -> String {
    guard text.count > limit else { return text }
    let cut = text.prefix(limit)
    let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return word.trimmingCharacters(in: .whitespaces) + "…"
  }

  /// The human form, in `language`: one block per topic, its score explained in words, its best
  /// items (their titles and the words that matched in quotes: they are the writers' words, not
  /// Lingkar's). Only the label of `language` is shown; the topic's id stays for `topics pick`.
  public func text(language: DigestLanguage = Catalogue.current) -> String {
    let words = Catalogue.for(language)
    func format(_ value: Double) -> MessageArgument {
      let text = String(format: "%.2f", value)
      return .text(language == .id ? text.replacingOccurrences(of: ".", with: ",") : text)
    }
    var lines: [String] = []
    lines.append(
      words.text(
        "cli.topics.header",
        [
          "start": .text(String(Timestamp.iso8601(from).prefix(10))),
          "end": .text(String(Timestamp.iso8601(to).prefix(10))),
          "count": .number(ranking.items.count),
        ]))
    if ranking.topics.isEmpty { lines.append(words.text("cli.topics.empty")) }
    for (rank, topic) in ranking.topics.enumerated() {
      let b = topic.breakdown
      let label = language == .id ? topic.labelID : topic.labelEN
      lines.append("")
      lines.append(
        words.text(
          "cli.topics.topic",
          ["rank": .number(rank + 1), "label": .text(label), "id": .text(topic.id), "score": format(topic.score)])
          + (votes.map { "  · " + words.text("cli.vote.count", ["count": .number($0.count(topic.id))]) } ?? ""))
      lines.append(
        words.text(
          b.sourcesAtCap == 0 ? "cli.topics.explained_uncapped" : "cli.topics.explained",
          [
            "sourceCount": .number(b.sources), "atCap": .number(b.sourcesAtCap), "capped": format(b.capped),
            "relevance": format(b.relevance), "spread": format(b.spread), "novelty": format(b.novelty),
          ]))
      lines.append(
        words.text("cli.topics.averages", ["recency": format(b.recency), "engagement": format(b.engagement)]))
      for key in topic.items.prefix(Self.itemsShown) {
        guard let item = items[key], let scored = ranking.items.first(where: { $0.key == key }) else { continue }
        let match = scored.topics.first { $0.topicID == topic.id }
        let title = (item.title.isEmpty ? Self.opening(item.text) : item.title).replacingOccurrences(
          of: "\n", with: " ")
        // Whole words as the writers wrote them: a stem (`≈tua`) or a related word (`~wali`) is the
        // ranker's working, not something a facilitator can find in the post.
        let whole = match.map { $0.matched.filter { !$0.hasPrefix("≈") && !$0.hasPrefix("~") } } ?? []
        let evidence = whole.prefix(4).joined(separator: ", ")
        var line = words.text("cli.topics.item", ["title": .text(title)])
        if !evidence.isEmpty { line += "  " + words.text("cli.topics.evidence", ["matched": .text(evidence)]) }
        if scored.duplicateCount > 0 {
          line += "  " + words.text("cli.topics.also_posted", ["count": .number(scored.duplicateCount)])
        }
        lines.append(line)
      }
    }
    let other = ranking.items.filter(\.topics.isEmpty).count
    if other > 0 {
      lines.append("")
      lines.append(words.text("cli.topics.other", ["count": .number(other)]))
    }
    return lines.joined(separator: "\n")
  }
}
