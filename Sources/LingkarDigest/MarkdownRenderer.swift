public import LingkarModel

/// `digest.md`: the digest as CommonMark, for wikis, e-mail and repositories. Feed text is
/// backslash-escaped (it never becomes markup or raw HTML); only http and https links are links.
public struct MarkdownRenderer: Sendable {
  public var excerptLength = 260

  public init() {}

  public func render(_ digest: Digest) -> String {
    let s = Strings.for(digest.language)
    let range = s.range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
    var md =
      "# \(m(s.digestTitle))\n\n**\(m(range))** · \(m(s.itemsAndSources(digest.itemCount, digest.sourceCount)))\n"

    md += "\n## \(m(s.suggestedHeading))\n\n"
    let suggestions = digest.suggestions.compactMap { suggestion in
      digest.topic(suggestion.topicID).map { (suggestion, $0) }
    }
    md += suggestions.isEmpty ? "\(m(s.noSuggestions))\n" : "\(m(s.suggestedIntro))\n"
    for (rank, (suggestion, topic)) in suggestions.enumerated() {
      md += "\n### \(rank + 1). \(m(topic.label.text(in: s.language)))\n\n"
      md += "\(m(s.why(topic, in: digest)))\n"
      if topic.breakdown.novelty < 0.999 { md += "\n\(m(s.dampedInWords))\n" }
      if suggestion.carriedOver { md += "\n\(m(s.carriedOver))\n" }
      let readings = suggestion.readings.compactMap { digest.item($0) }
      if !readings.isEmpty {
        md += "\n**\(m(s.readingsHeading))**\n\n"
        for item in readings { md += "- \(link(item, s)) — \(m(source(item, digest, s)))\n" }
      }
      if !suggestion.prompts.isEmpty {
        md += "\n**\(m(s.promptsHeading))**\n\n"
        for (index, prompt) in suggestion.prompts.enumerated() {
          md += "\(index + 1). \(m(prompt.text(in: s.language)))\n"
        }
      }
    }

    md += SharedSection.markdown(digest)
    if let club = digest.bookClub {
      md += "\n## \(m(s.fortnightChapterHeading))\n\n_\(m(club.bookTitle))_"
      if let author = club.bookAuthor { md += " — \(m(author))" }
      md += "\n\n### \(m(s.chapterLine(club.chapterNumber, club.chapterTitle)))\n\n"
      var meta = [s.chapterSession(s.longDay(club.date))]
      if let leader = club.leader { meta.append(s.chapterLedBy(leader)) }
      md += "\(m(meta.joined(separator: " · ")))\n"
      if !club.themes.isEmpty { md += "\n\(m(s.chapterThemes)): \(m(club.themes.joined(separator: ", ")))\n" }
      md += "\n**\(m(s.chapterRelated))**\n\n"
      let related = club.related.compactMap { match in digest.item(match.key).map { (match, $0) } }
      if related.isEmpty { md += "\(m(s.chapterNoRelated))\n" }
      for (match, item) in related {
        md += "- \(link(item, s)) — \(m(source(item, digest, s)))"
        if !match.matched.isEmpty { md += " _(\(m(s.matched)): \(m(match.matched.joined(separator: ", "))))_" }
        md += "\n"
      }
    }

    let rows = digest.volume.series.filter { $0.counts.contains { $0 > 0 } }
    if !rows.isEmpty {
      md += "\n## \(m(s.chartHeading))\n\n\(m(s.chartCaption(digest.volume.periodEnds.count)))\n\n"
      for row in rows {
        let label = digest.topic(row.topicID)?.label.text(in: s.language) ?? row.topicID
        var counts = row.counts.map(String.init)
        if let last = counts.popLast() { counts.append("**\(last)**") }
        md += "- \(m(label)): \(counts.joined(separator: " → "))\n"
      }
    }

    md += "\n## \(m(s.allTopicsHeading))\n"
    let topics = digest.topics.filter { !$0.items.isEmpty }
    if topics.isEmpty { md += "\n\(m(s.noTopics))\n" }
    for topic in topics {
      md += "\n### \(m(topic.label.text(in: s.language))) (\(m(s.itemCount(topic.items.count))))\n\n"
      for item in topic.items.compactMap({ digest.item($0) }) { md += self.item(item, topic: topic.id, digest, s) }
    }

    let other = digest.other.compactMap { digest.item($0) }
    if !other.isEmpty {
      md += "\n## \(m(s.otherHeading))\n\n\(m(s.otherIntro))\n\n"
      for item in other { md += "- \(link(item, s)) — \(m(source(item, digest, s)))\n" }
    }

    md += "\n## \(m(s.attentionHeading))\n\n"
    let problems = digest.feedsNeedingAttention
    if problems.isEmpty && digest.feedsFileProblems.isEmpty { md += "\(m(s.attentionNone))\n" }
    for problem in digest.feedsFileProblems {
      md += "- \(m(s.badLine(problem.subject, problem.said.text(in: digest.language))))\n"
    }
    for (feed, attention) in problems {
      md += "- **\(m(feed.title ?? Escaping.shortLink(feed.url)))** — \(m(feed.url))  \n  \(m(s.attention(attention)))"
      if case .moved(let newURL) = attention { md += ": \(m(newURL)) (\(m(s.movedAction)))" }
      md += "\n"
    }
    md += "\n---\n\n\(m(s.generatedBy(s.date(digest.period.generated, utcOffset: digest.utcOffset))))\n"
    return md
  }

  private func item(_ item: DigestItem, topic: String, _ digest: Digest, _ s: Strings) -> String {
    var md = "- **\(link(item, s))**  \n  \(m(meta(item, digest, s)))"
    let excerpt = HTMLRenderer.excerpt(item, limit: excerptLength)
    if !excerpt.isEmpty { md += "  \n  \(m(excerpt))" }
    let others = digest.alsoPostedBy(item)
    if !others.isEmpty {
      let names = others.map { other in
        let name = m(other.feedTitle ?? Escaping.shortLink(other.feedURL))
        return Escaping.safeLink(other.link).map { "[\(name)](\(Escaping.markdownLink($0)))" } ?? name
      }
      md += "  \n  \(m(s.alsoPostedBy)): \(names.joined(separator: ", "))"
    }
    if let match = item.topics.first(where: { $0.topicID == topic }), !match.matched.isEmpty {
      md += "  \n  _\(m(s.matched)): \(m(match.matched.joined(separator: ", ")))_"
    }
    return md + "\n"
  }

  private func link(_ item: DigestItem, _ s: Strings) -> String {
    let title = m(HTMLRenderer.title(item, s))
    return Escaping.safeLink(item.link).map { "[\(title)](\(Escaping.markdownLink($0)))" } ?? title
  }

  private func meta(_ item: DigestItem, _ digest: Digest, _ s: Strings) -> String {
    var parts = [item.feedTitle ?? Escaping.shortLink(item.feedURL)]
    if let author = item.author.map({ Escaping.clean($0) }), !author.isEmpty, author != item.feedTitle {
      parts.append("\(s.by) \(author)")
    }
    parts.append(item.published.map { s.shortDate($0, utcOffset: digest.utcOffset) } ?? s.noDate)
    parts.append(s.languageName(item.language))
    if let comments = item.comments, comments > 0 { parts.append(s.comments(comments)) }
    return parts.joined(separator: " · ")
  }

  private func source(_ item: DigestItem, _ digest: Digest, _ s: Strings) -> String {
    var parts = [item.feedTitle ?? Escaping.shortLink(item.feedURL)]
    if let published = item.published { parts.append(s.shortDate(published, utcOffset: digest.utcOffset)) }
    return parts.joined(separator: ", ")
  }

  private func m(_ text: String) -> String { Escaping.markdown(text) }
}
