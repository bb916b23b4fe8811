public import LingkarModel

/// `agenda.md`: the meeting handout as CommonMark, for a wiki or a chat. Feed text is escaped;
/// only http and https links are links; notes get lines of underscores to write on when printed.
public struct AgendaMarkdownRenderer: Sendable {
  public var noteLines = 2
  public var followUpLines = 3

  public init() {}

  public func render(_ agenda: Agenda) -> String {
    let s = Strings.for(agenda.language)
    var md = "# \(m(s.agendaTitle))\n\n"
    if let school = agenda.schoolName { md += "\(m(school))  \n" }
    md += "**\(m(AgendaHTMLRenderer().when(agenda, s)))**"
    if let facilitator = agenda.facilitator { md += "  \n\(m(s.facilitatorLabel)): \(m(facilitator))" }
    md += "\n\n## \(m(s.agendaTopicsHeading))\n"
    if agenda.topics.isEmpty { md += "\n\(m(s.agendaNoTopics))\n" }
    for (rank, topic) in agenda.topics.enumerated() {
      md += "\n### \(rank + 1). \(m(topic.label.text(in: s.language)))\n\n**\(m(s.readingsHeading))**\n\n"
      if topic.readings.isEmpty { md += "\(m(s.agendaNoReadings))\n" }
      for item in topic.readings { md += "- \(reading(item, agenda, s))\n" }
      if !topic.prompts.isEmpty {
        md += "\n**\(m(s.promptsHeading))**\n\n"
        for (index, prompt) in topic.prompts.enumerated() { md += "\(index + 1). \(m(prompt.text(in: s.language)))\n" }
      }
      md += "\n**\(m(s.notesHeading))**\n\n" + rules(noteLines)
    }
    if let chapter = agenda.chapter {
      md += "\n## \(m(s.bookClubHeading))\n\n_\(m(chapter.bookTitle))_"
      if let author = chapter.bookAuthor { md += " — \(m(author))" }
      md += "\n\n### \(m(s.chapterLine(chapter.chapter.number, chapter.chapter.title)))\n\n"
      var meta = [s.chapterSession(s.longDay(chapter.chapter.date))]
      if let leader = chapter.chapter.leader { meta.append(s.chapterLedBy(leader)) }
      md += "\(m(meta.joined(separator: " · ")))\n"
      if !chapter.chapter.keywords.isEmpty {
        md += "\n\(m(s.chapterThemes)): \(m(chapter.chapter.keywords.map(\.text).joined(separator: ", ")))\n"
      }
      md += "\n**\(m(s.chapterRelated))**\n\n"
      if chapter.related.isEmpty { md += "\(m(s.chapterNoRelated))\n" }
      for item in chapter.related { md += "- \(reading(item, agenda, s))\n" }
    }
    md += "\n## \(m(s.followUpHeading))\n\n" + rules(followUpLines)
    md += "\n---\n\n"
    md += m(s.readingsFrom(s.range(from: agenda.readingsFrom, to: agenda.generated, utcOffset: agenda.utcOffset)))
    md += " " + m(s.generatedBy(s.date(agenda.generated, utcOffset: agenda.utcOffset))) + "\n"
    return md
  }

  private func reading(_ item: DigestItem, _ agenda: Agenda, _ s: Strings) -> String {
    let title = m(HTMLRenderer.title(item, s))
    let link = Escaping.safeLink(item.link).map { "[\(title)](\(Escaping.markdownLink($0)))" } ?? title
    return "\(link) — \(m(AgendaHTMLRenderer.source(item, agenda, s)))"
  }

  /// Lines to write on: escaped underscores (a bare line of them would be a thematic break).
  private func rules(_ count: Int) -> String {
    String(repeating: m(String(repeating: "_", count: 60)) + "\n\n", count: max(0, count))
  }

  private func m(_ text: String) -> String { Escaping.markdown(text) }
}
