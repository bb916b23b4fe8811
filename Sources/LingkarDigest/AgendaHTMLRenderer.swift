public import LingkarModel

/// `agenda.html`: the meeting handout as one self-contained page (inline CSS, no scripts, no
/// external requests), laid out to fit one printed A4 page where possible. Well-formed XML, like
/// the digest page; every value is escaped by `Escaping`, and only http and https links are links.
public struct AgendaHTMLRenderer: Sendable {
  /// Ruled lines for notes under each topic, and for the agreements at the end.
  public var noteLines = 2
  public var followUpLines = 3

  public init() {}

  public func render(_ agenda: Agenda) -> String {
    let s = Strings.for(agenda.language)
    var html = """
      <!DOCTYPE html>
      <html lang="\(agenda.language.rawValue)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content="Lingkar" />
      <title>\(e(s.agendaDocumentTitle(s.day(agenda.meeting))))</title>
      <style>
      \(AgendaStyle.css)
      </style>
      </head>
      <body>
      <div class="page">
      <header class="masthead">
      <div>
      <p class="brand">\(e(["Lingkar", agenda.schoolName].compactMap { $0 }.joined(separator: " · ")))</p>
      <h1>\(e(s.agendaTitle))</h1>
      <p class="when">\(e(when(agenda, s)))</p>
      </div>

      """
    if let facilitator = agenda.facilitator {
      html += "<p class=\"who\">\(e(s.facilitatorLabel)): <strong>\(e(facilitator))</strong></p>\n"
    }
    html += "</header>\n<main>\n"
    html += topics(agenda, s)
    if let chapter = agenda.chapter { html += self.chapter(chapter, agenda, s) }
    html +=
      "<section id=\"follow-up\" aria-labelledby=\"follow-up-h\">\n<h2 id=\"follow-up-h\">\(e(s.followUpHeading))</h2>\n"
    html += rules(followUpLines) + "</section>\n"
    html += "</main>\n<footer>\n<p>"
    html += e(s.readingsFrom(s.range(from: agenda.readingsFrom, to: agenda.generated, utcOffset: agenda.utcOffset)))
    html += " " + e(s.generatedBy(s.date(agenda.generated, utcOffset: agenda.utcOffset)))
    html += "</p>\n</footer>\n</div>\n</body>\n</html>\n"
    return html
  }

  /// `Kamis, 3 Desember 2026 · 14:00 · Ruang guru`.
  func when(_ agenda: Agenda, _ s: Strings) -> String {
    ([s.longDay(agenda.meeting)] + [agenda.time, agenda.place].compactMap { $0 }).joined(separator: " · ")
  }

  private func topics(_ agenda: Agenda, _ s: Strings) -> String {
    var html =
      "<section id=\"topics\" aria-labelledby=\"topics-h\">\n<h2 id=\"topics-h\">\(e(s.agendaTopicsHeading))</h2>\n"
    if agenda.topics.isEmpty { return html + "<p class=\"none\">\(e(s.agendaNoTopics))</p>\n</section>\n" }
    for (rank, topic) in agenda.topics.enumerated() {
      let anchor = "t-" + HTMLRenderer.anchor(topic.id)
      html += "<article class=\"topic\" aria-labelledby=\"\(anchor)\">\n"
      html +=
        "<h3 id=\"\(anchor)\"><span class=\"rank\">\(rank + 1)</span>\(e(topic.label.text(in: s.language)))</h3>\n"
      html += "<div class=\"columns\">\n<div>\n<h4>\(e(s.readingsHeading))</h4>\n"
      if topic.readings.isEmpty {
        html += "<p class=\"none\">\(e(s.agendaNoReadings))</p>\n"
      } else {
        html += "<ol class=\"readings\">\n"
        for item in topic.readings { html += reading(item, agenda, s) }
        html += "</ol>\n"
      }
      html += "</div>\n<div>\n"
      if !topic.prompts.isEmpty {
        html += "<h4>\(e(s.promptsHeading))</h4>\n<ol class=\"prompts\">\n"
        for prompt in topic.prompts { html += "<li>\(e(prompt.text(in: s.language)))</li>\n" }
        html += "</ol>\n"
      }
      html += "</div>\n</div>\n"
      html += "<div class=\"notes\">\n<h4>\(e(s.notesHeading))</h4>\n" + rules(noteLines) + "</div>\n"
      html += "</article>\n"
    }
    return html + "</section>\n"
  }

  private func chapter(_ chapter: AgendaChapter, _ agenda: Agenda, _ s: Strings) -> String {
    var html = "<section id=\"book-club\" aria-labelledby=\"book-club-h\">\n"
    html += "<h2 id=\"book-club-h\">\(e(s.bookClubHeading))</h2>\n"
    html += "<p class=\"book\"><cite>\(e(chapter.bookTitle))</cite>"
    if let author = chapter.bookAuthor { html += " — \(e(author))" }
    html += "</p>\n<h3>\(e(s.chapterLine(chapter.chapter.number, chapter.chapter.title)))</h3>\n"
    var meta = [s.chapterSession(s.longDay(chapter.chapter.date))]
    if let leader = chapter.chapter.leader { meta.append(s.chapterLedBy(leader)) }
    html += "<p class=\"meta\">\(e(meta.joined(separator: " · ")))</p>\n"
    if !chapter.chapter.keywords.isEmpty {
      html +=
        "<p class=\"themes\">\(e(s.chapterThemes)): \(e(chapter.chapter.keywords.map(\.text).joined(separator: ", ")))</p>\n"
    }
    html += "<h4>\(e(s.chapterRelated))</h4>\n"
    if chapter.related.isEmpty {
      html += "<p class=\"none\">\(e(s.chapterNoRelated))</p>\n"
    } else {
      html += "<ul class=\"readings\">\n"
      for item in chapter.related { html += reading(item, agenda, s) }
      html += "</ul>\n"
    }
    return html + "</section>\n"
  }

  private func reading(_ item: DigestItem, _ agenda: Agenda, _ s: Strings) -> String {
    let code = HTMLRenderer.languageTag(item.language, page: agenda.language)
    let lang = code == agenda.language.rawValue ? "" : " lang=\"\(e(code))\""
    let ours = lang.isEmpty ? "" : " lang=\"\(agenda.language.rawValue)\""
    let title = e(HTMLRenderer.title(item, s))
    var html = "<li\(lang)>"
    if let link = Escaping.safeLink(item.link) {
      html += "<a href=\"\(e(link))\">\(title)</a> <span class=\"print-url\">\(e(Escaping.shortLink(link)))</span>"
    } else {
      html += title
    }
    html += " <span class=\"source\"\(ours)>— \(e(Self.source(item, agenda, s)))</span></li>\n"
    return html
  }

  /// `Guru Kreatif, 24 Nov 2026, Bahasa Inggris`.
  static func source(_ item: DigestItem, _ agenda: Agenda, _ s: Strings) -> String {
    var parts = [item.feedTitle ?? Escaping.shortLink(item.feedURL)]
    if let published = item.published { parts.append(s.shortDate(published, utcOffset: agenda.utcOffset)) }
    parts.append(s.languageName(item.language))
    return parts.joined(separator: ", ")
  }

  private func rules(_ count: Int) -> String {
    String(repeating: "<div class=\"rule\"></div>\n", count: max(0, count))
  }

  private func e(_ text: String) -> String { Escaping.html(text) }
}
