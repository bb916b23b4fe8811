public import LingkarModel

/// `output/index.html`: every digest, newest first, with its period, counts and suggested
/// topics; announces `feed.xml` for feed readers. Self-contained like the digest page.
public struct ArchiveRenderer: Sendable {
  public init() {}

  /// The page in `language`, listing `entries` (any order; shown newest first, one per date).
  public func render(_ entries: [ArchiveEntry], language: DigestLanguage) -> String {
    let s = Strings.for(language)
    var html = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content="Lingkar" />
      <title>\(e(s.archiveTitle))</title>
      <link rel="alternate" type="application/atom+xml" title="\(e(s.feedTitle))" href="feed.xml" />
      <style>
      \(HTMLStyle.css)
      </style>
      </head>
      <body>
      <div class="page">
      <header class="masthead">
      <p class="brand">Lingkar</p>
      <h1>\(e(s.archiveTitle))</h1>
      <p class="counts">\(e(s.archiveIntro))</p>
      </header>
      <main>

      """
    let sorted = Self.newestFirst(entries)
    if sorted.isEmpty { html += "<p>\(e(s.archiveEmpty))</p>\n" }
    if !sorted.isEmpty { html += "<ul class=\"archive\">\n" }
    for entry in sorted {
      let range = s.range(from: entry.period.from, to: entry.period.to, utcOffset: entry.utcOffset)
      html += "<li><a href=\"\(e(entry.path))\">\(e(range))</a><br />\n"
      html += "<span class=\"meta\">\(e(s.itemsAndSources(entry.itemCount, entry.sourceCount)))</span>"
      if !entry.suggestedTopics.isEmpty {
        html +=
          "<br />\n<span class=\"meta\">\(e(s.archiveTopTopics)): \(e(entry.suggestedTopics.joined(separator: "; ")))</span>"
      }
      html += "</li>\n"
    }
    if !sorted.isEmpty { html += "</ul>\n" }
    html += "</main>\n<footer>\n<p><a href=\"feed.xml\">Atom: feed.xml</a></p>\n</footer>\n</div>\n</body>\n</html>\n"
    return html
  }

  /// One entry per date (the latest written wins), newest first.
  static func newestFirst(_ entries: [ArchiveEntry]) -> [ArchiveEntry] {
    var byDate: [String: ArchiveEntry] = [:]
    for entry in entries {
      if let kept = byDate[entry.date], kept.period.generated > entry.period.generated { continue }
      byDate[entry.date] = entry
    }
    return byDate.values.sorted { $0.date > $1.date }
  }

  private func e(_ text: String) -> String { Escaping.html(text) }
}
