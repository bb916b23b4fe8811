import Foundation
public import LingkarModel

/// `digest.html`: one self-contained page (inline CSS, no scripts, no external requests) for
/// phones, desktops and an A4 print-out.
///
/// The output is also well-formed XML (void elements closed, only numeric references), so
/// tests can check it with a strict parser. Every value is escaped by `Escaping`; only http and
/// https links become `href`s.
public struct HTMLRenderer: Sendable {
  /// The archive page, relative to the digest's folder (`output/YYYY-MM-DD/`).
  public var archiveHref = "../index.html"
  /// How many characters of a summary the page shows.
  public var excerptLength = 260
  /// Whether the page lists the feeds needing attention: the page on disk does; the mail to the
  /// teachers does not (that list goes to the facilitator's address only).
  public var includeAttention = true

  public init() {}

  public func render(_ digest: Digest) -> String {
    let s = Strings.for(digest.language)
    let range = s.range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
    var html = """
      <!DOCTYPE html>
      <html lang="\(digest.language.rawValue)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content="Lingkar" />
      <title>\(e(s.documentTitle(range)))</title>
      <style>
      \(HTMLStyle.css)
      </style>
      </head>
      <body>
      <a class="skip" href="#suggested">\(e(s.skipLink))</a>
      <div class="page">
      <header class="masthead">
      <p class="brand">Lingkar</p>
      <h1>\(e(s.digestTitle))</h1>
      <p class="period">\(e(range))</p>
      <p class="counts">\(e(s.itemsAndSources(digest.itemCount, digest.sourceCount)))</p>

      """
    html += navigation(digest, s)
    html += "</header>\n<main>\n"
    html += suggestions(digest, s)
    html += SharedSection.html(digest)
    if let club = digest.bookClub { html += bookClub(club, digest, s) }
    if let chart = VolumeChart().render(digest, strings: s) {
      html += section("volume", s.chartHeading) + chart + "</section>\n"
    }
    html += topics(digest, s)
    html += other(digest, s)
    if includeAttention { html += feeds(digest, s) }
    html += "</main>\n<footer>\n"
    html += "<p>\(e(s.generatedBy(generated(digest, s))))</p>\n"
    html += "<p class=\"nav-only\"><a href=\"\(e(archiveHref))\">\(e(s.archiveLink))</a></p>\n"
    html += "</footer>\n</div>\n</body>\n</html>\n"
    return html
  }

  // MARK: - Sections

  private func navigation(_ digest: Digest, _ s: Strings) -> String {
    var links = [("suggested", s.suggestedHeading)]
    if digest.bookClub != nil { links.append(("book-club", s.bookClubHeading)) }
    if VolumeChart().render(digest, strings: s) != nil { links.append(("volume", s.chartHeading)) }
    links.append(("topics", s.allTopicsHeading))
    if !digest.other.isEmpty { links.append(("other", s.otherHeading)) }
    if includeAttention { links.append(("feeds", s.attentionHeading)) }
    let anchors = links.map { "<a href=\"#\($0.0)\">\(e($0.1))</a>" }.joined(separator: "\n")
    return "<nav class=\"toc\" aria-label=\"\(e(s.digestTitle))\">\n\(anchors)\n</nav>\n"
  }

  private func section(_ id: String, _ heading: String) -> String {
    "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(e(heading))</h2>\n"
  }

  private func suggestions(_ digest: Digest, _ s: Strings) -> String {
    var html = section("suggested", s.suggestedHeading)
    let shown = digest.suggestions.filter { digest.topic($0.topicID) != nil }
    guard !shown.isEmpty else { return html + "<p class=\"intro\">\(e(s.noSuggestions))</p>\n</section>\n" }
    html += "<p class=\"intro\">\(e(s.suggestedIntro))</p>\n"
    for (rank, suggestion) in shown.enumerated() {
      guard let topic = digest.topic(suggestion.topicID) else { continue }
      let anchor = "s-" + Self.anchor(topic.id)
      html += "<article class=\"suggestion\" aria-labelledby=\"\(anchor)\">\n"
      html +=
        "<h3 id=\"\(anchor)\"><span class=\"rank\">\(rank + 1)</span>\(e(topic.label.text(in: s.language)))</h3>\n"
      html += "<p class=\"why\">\(e(s.why(topic, in: digest)))</p>\n"
      if topic.breakdown.novelty < 0.999 { html += "<p class=\"why\">\(e(s.dampedInWords))</p>\n" }
      if suggestion.carriedOver { html += "<p class=\"why\">\(e(s.carriedOver))</p>\n" }
      let readings = suggestion.readings.compactMap { digest.item($0) }
      if !readings.isEmpty {
        html += "<h4>\(e(s.readingsHeading))</h4>\n<ul class=\"readings\">\n"
        for item in readings {
          html += "<li\(lang(item, digest))>\(titleLink(item, s)) <span class=\"source\">— "
          html += "\(e(sourceLine(item, digest, s)))</span></li>\n"
        }
        html += "</ul>\n"
      }
      if !suggestion.prompts.isEmpty {
        html += "<h4>\(e(s.promptsHeading))</h4>\n<ol class=\"prompts\">\n"
        for prompt in suggestion.prompts { html += "<li>\(e(prompt.text(in: s.language)))</li>\n" }
        html += "</ol>\n"
      }
      html += breakdown(topic, digest, s)
      html += "</article>\n"
    }
    return html + "</section>\n"
  }

  /// The book club's chapter of the fortnight and the period's items related to its themes.
  private func bookClub(_ club: DigestBookClub, _ digest: Digest, _ s: Strings) -> String {
    var html = section("book-club", s.fortnightChapterHeading)
    html += "<p class=\"intro\"><strong>\(e(club.bookTitle))</strong>"
    if let author = club.bookAuthor { html += " — \(e(author))" }
    html += "</p>\n<h3>\(e(s.chapterLine(club.chapterNumber, club.chapterTitle)))</h3>\n"
    var meta = [s.chapterSession(s.longDay(club.date))]
    if let leader = club.leader { meta.append(s.chapterLedBy(leader)) }
    html += "<p class=\"meta\">\(e(meta.joined(separator: " · ")))</p>\n"
    if !club.themes.isEmpty {
      html += "<p class=\"why\">\(e(s.chapterThemes)): \(e(club.themes.joined(separator: ", ")))</p>\n"
    }
    let related = club.related.compactMap { match in digest.item(match.key).map { (match, $0) } }
    html += "<h4>\(e(s.chapterRelated))</h4>\n"
    guard !related.isEmpty else { return html + "<p class=\"intro\">\(e(s.chapterNoRelated))</p>\n</section>\n" }
    html += "<ul class=\"readings\">\n"
    for (match, item) in related {
      let own = lang(item, digest)
      let ours = own.isEmpty ? "" : " lang=\"\(digest.language.rawValue)\""
      html += "<li\(own)>\(titleLink(item, s)) <span class=\"source\">— "
      html += "\(e(sourceLine(item, digest, s)))</span>"
      if !match.matched.isEmpty {
        html += " <span class=\"matched\"\(ours)>(\(e(s.matched)): \(e(match.matched.joined(separator: ", "))))</span>"
      }
      html += "</li>\n"
    }
    return html + "</ul>\n</section>\n"
  }

  /// The numbers behind a suggestion's rank, for the facilitator who asks: folded away by default
  /// (`<details>`, no script), so teachers read the reasons in words above it.
  private func breakdown(_ topic: DigestTopic, _ digest: Digest, _ s: Strings) -> String {
    let digestEnd = digest.period.to
    let b = topic.breakdown
    var sources = String(b.sources)
    if b.sourcesAtCap > 0 { sources += " (\(s.sourcesAtCap(b.sourcesAtCap)))" }
    var novelty = s.decimal(b.novelty, digits: 2)
    if b.novelty < 0.999 {
      let days = topic.lastDiscussed.map { Int((digestEnd.timeIntervalSince($0) / 86_400).rounded(.down)) }
      novelty += " (\(days.map(s.noveltyDampedSince) ?? s.noveltyDamped))"
    }
    let rows = [
      (s.scoreLabel, s.decimal(topic.score)), (s.relevance, s.decimal(b.relevance, digits: 2)),
      (s.distinctSources, sources), (s.recency, s.decimal(b.recency, digits: 2)),
      (s.engagement, s.decimal(b.engagement, digits: 2)), (s.novelty, novelty),
      (s.trendLabel, s.trend(digest.volume.trend(of: topic.id))),
    ]
    var html = "<details class=\"ranking\">\n<summary>\(e(s.rankingHeading))</summary>\n<dl class=\"breakdown\">\n"
    for (term, value) in rows { html += "<div><dt>\(e(term))</dt> <dd>\(e(value))</dd></div>\n" }
    return html + "</dl>\n</details>\n"
  }

  private func topics(_ digest: Digest, _ s: Strings) -> String {
    var html = section("topics", s.allTopicsHeading)
    let shown = digest.topics.filter { !$0.items.isEmpty }
    if shown.isEmpty { html += "<p class=\"intro\">\(e(s.noTopics))</p>\n" }
    for topic in shown {
      let anchor = "topic-" + Self.anchor(topic.id)
      html += "<section class=\"topic\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">\n"
      html += "<h3 id=\"\(anchor)-h\">\(e(topic.label.text(in: s.language))) "
      html += "<span class=\"count\">(\(e(s.itemCount(topic.items.count))))</span></h3>\n"
      html += "<ol class=\"items\">\n"
      for item in topic.items.compactMap({ digest.item($0) }) { html += self.item(item, topic: topic.id, digest, s) }
      html += "</ol>\n</section>\n"
    }
    return html + "</section>\n"
  }

  private func item(_ item: DigestItem, topic: String, _ digest: Digest, _ s: Strings) -> String {
    let own = lang(item, digest)
    let ours = own.isEmpty ? "" : " lang=\"\(digest.language.rawValue)\""
    var html = "<li class=\"item\"\(own)>\n<h4>\(titleLink(item, s))</h4>\n"
    html += "<p class=\"meta\"\(ours)>\(meta(item, digest, s))</p>\n"
    let excerpt = Self.excerpt(item, limit: excerptLength)
    if !excerpt.isEmpty { html += "<p class=\"excerpt\">\(e(excerpt))</p>\n" }
    let others = digest.alsoPostedBy(item)
    if !others.isEmpty {
      let links = others.map { other in
        let name = e(other.feedTitle ?? Escaping.shortLink(other.feedURL))
        guard let link = Escaping.safeLink(other.link) else { return name }
        return "<a href=\"\(e(link))\">\(name)</a>"
      }
      html += "<p class=\"also\"\(ours)>\(e(s.alsoPostedBy)): \(links.joined(separator: ", "))</p>\n"
    }
    if let match = item.topics.first(where: { $0.topicID == topic }), !match.matched.isEmpty {
      html += "<p class=\"matched\"\(ours)>\(e(s.matched)): \(e(match.matched.joined(separator: ", ")))</p>\n"
    }
    return html + "</li>\n"
  }

  private func other(_ digest: Digest, _ s: Strings) -> String {
    let items = digest.other.compactMap { digest.item($0) }
    guard !items.isEmpty else { return "" }
    var html = section("other", s.otherHeading) + "<p class=\"intro\">\(e(s.otherIntro))</p>\n<ul class=\"other\">\n"
    for item in items {
      html += "<li\(lang(item, digest))>\(titleLink(item, s)) <span class=\"source\">— "
      html += "\(e(sourceLine(item, digest, s)))</span></li>\n"
    }
    return html + "</ul>\n</section>\n"
  }

  private func feeds(_ digest: Digest, _ s: Strings) -> String {
    var html = section("feeds", s.attentionHeading)
    let problems = digest.feedsNeedingAttention
    guard !problems.isEmpty || !digest.feedsFileProblems.isEmpty else {
      return html + "<p class=\"intro\">\(e(s.attentionNone))</p>\n</section>\n"
    }
    html += "<ul class=\"feeds\">\n"
    for problem in digest.feedsFileProblems {
      html +=
        "<li><span class=\"problem\">\(e(s.badLine(problem.subject, problem.said.text(in: digest.language))))</span></li>\n"
    }
    for (feed, attention) in problems {
      html += "<li><strong>\(e(feed.title ?? Escaping.shortLink(feed.url)))</strong><br />"
      html += "<code>\(e(feed.url))</code><br />"
      html += "<span class=\"problem\">\(e(s.attention(attention)))</span>"
      if case .moved(let newURL) = attention {
        html += ": <code>\(e(newURL))</code> (\(e(s.movedAction)))"
      }
      html += "</li>\n"
    }
    return html + "</ul>\n</section>\n"
  }

  // MARK: - Pieces

  private func titleLink(_ item: DigestItem, _ s: Strings) -> String {
    let title = e(Self.title(item, s))
    guard let link = Escaping.safeLink(item.link) else { return title }
    return "<a href=\"\(e(link))\">\(title)</a><span class=\"print-url\"> \(e(Escaping.shortLink(link)))</span>"
  }

  private func meta(_ item: DigestItem, _ digest: Digest, _ s: Strings) -> String {
    var parts = ["<span class=\"source\">\(e(item.feedTitle ?? Escaping.shortLink(item.feedURL)))</span>"]
    if let author = item.author.map({ Escaping.clean($0) }), !author.isEmpty, author != item.feedTitle {
      parts.append("\(e(s.by)) \(e(author))")
    }
    if let published = item.published {
      let datetime = Timestamp.iso8601(published)
      parts.append("<time datetime=\"\(datetime)\">\(e(s.shortDate(published, utcOffset: digest.utcOffset)))</time>")
    } else {
      parts.append(e(s.noDate))
    }
    parts.append(e(s.languageName(item.language)))
    if let comments = item.comments, comments > 0 { parts.append(e(s.comments(comments))) }
    return parts.joined(separator: " · ")
  }

  private func sourceLine(_ item: DigestItem, _ digest: Digest, _ s: Strings) -> String {
    var parts = [item.feedTitle ?? Escaping.shortLink(item.feedURL)]
    if let published = item.published { parts.append(s.shortDate(published, utcOffset: digest.utcOffset)) }
    return parts.joined(separator: ", ")
  }

  private func generated(_ digest: Digest, _ s: Strings) -> String {
    let date = digest.period.generated
    let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(digest.utcOffset)
    let minutes = ((local % 86_400) + 86_400) % 86_400 / 60
    let clock = (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    return "\(s.date(date, utcOffset: digest.utcOffset)) \(clock) (\(SchoolZone.label(digest.utcOffset)))"
  }

  /// ` lang="…"` for an item whose language differs from the page's, else nothing (it inherits).
  private func lang(_ item: DigestItem, _ digest: Digest) -> String {
    let code = Self.languageTag(item.language, page: digest.language)
    return code == digest.language.rawValue ? "" : " lang=\"\(e(code))\""
  }

  private func e(_ text: String) -> String { Escaping.html(text) }

  // MARK: - Shared with the other renderers

  /// The title, or the start of the summary, or "(untitled)".
  static func title(_ item: DigestItem, _ s: Strings) -> String {
    if let title = item.title.map({ Escaping.clean($0).trimmingSpaces() }), !title.isEmpty { return title }
    let start = Escaping.excerpt(item.summary, limit: 80)
    return start.isEmpty ? s.untitled : start
  }

  /// The excerpt shown under the title; empty when the title already says all of it (a short
  /// social post whose title is its text).
  static func excerpt(_ item: DigestItem, limit: Int) -> String {
    let hasTitle = item.title.map { !Escaping.clean($0).trimmingSpaces().isEmpty } ?? false
    let excerpt = Escaping.excerpt(item.summary, limit: limit)
    if !hasTitle && !Escaping.excerpt(item.summary, limit: 80).hasSuffix("…") { return "" }
    return excerpt
  }

  /// The BCP 47 tag for an item language: `id`, `en`; `mixed` (Indonesian–English code-switching,
  /// Indonesian-based in practice) is tagged `id`; anything malformed falls back to the page's.
  static func languageTag(_ code: String, page: DigestLanguage) -> String {
    if code == "mixed" { return "id" }
    let valid =
      !code.isEmpty && code.count <= 12
      && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" }
    return valid ? code.lowercased() : page.rawValue
  }

  /// A fragment identifier made of `a-z0-9-` only.
  static func anchor(_ id: String) -> String {
    String(
      id.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
  }
}
