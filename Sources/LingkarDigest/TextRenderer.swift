public import LingkarModel

/// `digest-full.txt` and the mail's text: the whole digest as plain text in the messaging apps'
/// style. `*bold*` headings, short lines, every link on its own line (so the apps make it tappable
/// and show a preview), at most `itemsPerTopic` items per topic. Only http and https links are
/// written. (`digest.txt`, the short message for a group, is `ShortTextRenderer`.)
public struct TextRenderer: Sendable {
  public var itemsPerTopic = 3
  public var otherItems = 3
  /// Whether the feeds needing attention are listed (not in the mail to the teachers).
  public var includeAttention = true

  public init() {}

  public func render(_ digest: Digest) -> String {
    let s = Strings.for(digest.language)
    var lines = [
      "*\(s.digestTitle)*",
      s.range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset),
      s.itemsAndSources(digest.itemCount, digest.sourceCount),
      "",
      "*\(s.suggestedHeading.uppercased())*",
    ]
    let suggestions = digest.suggestions.compactMap { suggestion in
      digest.topic(suggestion.topicID).map { (suggestion, $0) }
    }
    if suggestions.isEmpty { lines.append(s.noSuggestions) }
    for (rank, (suggestion, topic)) in suggestions.enumerated() {
      lines.append("")
      lines.append("*\(rank + 1). \(clean(topic.label.text(in: s.language)))*")
      lines.append(s.why(topic, in: digest))
      if topic.breakdown.novelty < 0.999 { lines.append(s.dampedInWords) }
      if suggestion.carriedOver { lines.append(s.carriedOver) }
      let readings = suggestion.readings.compactMap { digest.item($0) }
      if !readings.isEmpty {
        lines.append("_\(s.readingsHeading)_")
        for item in readings { lines += entry(item, s) }
      }
      if !suggestion.prompts.isEmpty {
        lines.append("_\(s.promptsHeading)_")
        for prompt in suggestion.prompts { lines.append("❓ " + clean(prompt.text(in: s.language))) }
      }
    }

    lines += SharedSection.text(digest)
    if let club = digest.bookClub {
      lines += ["", "*\(s.fortnightChapterHeading.uppercased())*"]
      lines.append("📖 " + clean(club.bookTitle) + (club.bookAuthor.map { " — " + clean($0) } ?? ""))
      lines.append("*\(clean(s.chapterLine(club.chapterNumber, club.chapterTitle)))*")
      var meta = [s.chapterSession(s.longDay(club.date))]
      if let leader = club.leader { meta.append(s.chapterLedBy(clean(leader))) }
      lines.append(meta.joined(separator: " · "))
      let related = club.related.compactMap { digest.item($0.key) }
      lines.append("_\(s.chapterRelated)_")
      if related.isEmpty { lines.append(s.chapterNoRelated) }
      for item in related { lines += entry(item, s) }
    }

    let topics = digest.topics.filter { !$0.items.isEmpty }
    lines += ["", "*\(s.allTopicsHeading.uppercased())*"]
    if topics.isEmpty { lines.append(s.noTopics) }
    for topic in topics {
      lines.append("")
      lines.append("*\(clean(topic.label.text(in: s.language)))* (\(s.itemCount(topic.items.count)))")
      let items = topic.items.compactMap { digest.item($0) }
      for item in items.prefix(itemsPerTopic) { lines += entry(item, s) }
      if items.count > itemsPerTopic { lines.append(s.andMore(items.count - itemsPerTopic)) }
    }

    let other = digest.other.compactMap { digest.item($0) }
    if !other.isEmpty {
      lines += ["", "*\(s.otherHeading)* (\(s.itemCount(other.count)))"]
      for item in other.prefix(otherItems) { lines += entry(item, s) }
      if other.count > otherItems { lines.append(s.andMore(other.count - otherItems)) }
    }

    let problems = digest.feedsNeedingAttention
    if includeAttention, !problems.isEmpty || !digest.feedsFileProblems.isEmpty {
      lines += ["", "*\(s.attentionHeading)*"]
      for problem in digest.feedsFileProblems {
        lines.append("⚠️ " + clean(s.badLine(problem.subject, problem.said.text(in: digest.language))))
      }
      for (feed, attention) in problems {
        var line = "⚠️ " + clean(feed.title ?? Escaping.shortLink(feed.url)) + ": " + clean(s.attention(attention))
        if case .moved(let newURL) = attention {
          line += " (\(s.movedAction))"
          // A link only on a line of its own; any other address stays inside the sentence.
          line += Escaping.safeLink(newURL).map { "\n" + $0 } ?? ": " + clean(newURL)
        }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `• Title (Source)` and the link on the next line.
  private func entry(_ item: DigestItem, _ s: Strings) -> [String] {
    let source = clean(item.feedTitle ?? Escaping.shortLink(item.feedURL))
    var lines = ["• \(clean(HTMLRenderer.title(item, s))) (\(source))"]
    if let link = Escaping.safeLink(item.link) { lines.append(link) }
    return lines
  }

  private func clean(_ text: String) -> String { Escaping.clean(text) }
}
