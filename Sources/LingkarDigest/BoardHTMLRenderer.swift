public import LingkarModel

/// `board.html`: the board for the teachers' room ("mading"), printed on A4: `perPage` articles a
/// sheet (two columns of four), each with its title, source, a few lines, who shared it and a QR
/// code to open it on a phone. One self-contained page: inline CSS, no scripts, no external
/// requests; every value from a page or a person is escaped (`Escaping`), and only http and https
/// addresses are shown or encoded. Lingkar's own words come from the catalogue (`digest.board.*`).
public struct BoardHTMLRenderer: Sendable {
  /// Articles on one printed sheet.
  public var perPage = 8

  public init() {}

  public func render(_ board: Board) -> String {
    let words = Catalogue.for(board.language)
    let s = Strings.for(board.language)
    let range = s.range(from: board.from, to: board.to, utcOffset: board.utcOffset)
    let title = ([words.text("digest.board.title"), board.schoolName].compactMap { $0 }).joined(separator: " · ")
    let sheets = stride(from: 0, to: max(board.articles.count, 1), by: perPage).map {
      Array(board.articles[$0..<min($0 + perPage, board.articles.count)])
    }
    var html = """
      <!DOCTYPE html>
      <html lang="\(board.language.rawValue)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content="Lingkar" />
      <title>\(e(title))</title>
      <style>
      \(Self.css)
      </style>
      </head>
      <body>

      """
    for (index, sheet) in sheets.enumerated() {
      html += "<section class=\"sheet\">\n<header>\n<h1>\(e(title))</h1>\n"
      html += "<p class=\"range\">\(e(words.text("digest.board.heading", ["range": .text(range)])))</p>\n</header>\n"
      if sheet.isEmpty { html += "<p class=\"none\">\(e(words.text("digest.board.empty")))</p>\n" }
      html += "<div class=\"grid\">\n"
      for article in sheet { html += self.article(article, words) }
      html += "</div>\n<footer><span>"
      html += e(words.text("digest.board.footer", ["day": .text(s.date(board.generated, utcOffset: board.utcOffset))]))
      html += "</span><span>"
      html += e(words.text("digest.board.page", ["number": .number(index + 1), "pages": .number(sheets.count)]))
      html += "</span></footer>\n</section>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }

  private func article(_ article: BoardArticle, _ words: Catalogue) -> String {
    guard let link = Escaping.safeLink(article.link) else { return "" }
    let shownTitle = article.title.map { Escaping.clean($0) } ?? Escaping.shortLink(link)
    var html = "<article class=\"card\">\n<div class=\"text\">\n"
    if let topic = article.topic {
      html += "<p class=\"topic\">\(e(Escaping.clean(topic.text(in: words.language))))</p>\n"
    }
    html += "<h2><a href=\"\(Escaping.attribute(link))\">\(e(shownTitle))</a></h2>\n"
    if let source = article.source.map({ Escaping.clean($0) }), !source.isEmpty {
      html += "<p class=\"source\">\(e(source))</p>\n"
    }
    if !article.summary.isEmpty {
      html += "<p class=\"summary\">\(e(Escaping.excerpt(article.summary, limit: 220)))</p>\n"
    }
    if !article.sharedBy.isEmpty {
      let names = article.sharedBy.map { Escaping.clean($0) }.joined(separator: ", ")
      html += "<p class=\"shared\">\(e(words.text("digest.board.shared", ["names": .text(names)])))</p>\n"
      if let note = article.note { html += "<p class=\"note\">“\(e(Escaping.excerpt(note, limit: 160)))”</p>\n" }
    }
    html += "<p class=\"url\">\(e(Escaping.shortLink(link, limit: 60)))</p>\n</div>\n"
    html +=
      "<figure class=\"qr\">\(article.qrSVG)<figcaption>\(e(words.text("digest.board.scan")))</figcaption></figure>\n"
    html += "</article>\n"
    return html
  }

  private func e(_ text: String) -> String { Escaping.html(text) }

  /// A4 portrait, 12 mm margins: a header, then a 2 × 4 grid of cards that each fit a quarter of
  /// a column (QR 30 mm: a phone reads it from an arm's length), a footer; one sheet a printed page.
  static let css = """
    @page { size: A4 portrait; margin: 12mm; }
    * { box-sizing: border-box; }
    body { margin: 0; color: #111; background: #fff;
      font: 11pt/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
    .sheet { width: 186mm; height: 265mm; margin: 0 auto; display: flex; flex-direction: column; overflow: hidden;
      break-after: page; page-break-after: always; }
    .sheet:last-child { break-after: auto; page-break-after: auto; }
    header { border-bottom: 2px solid #111; margin-bottom: 3mm; }
    h1 { font-size: 18pt; margin: 0; }
    .range { margin: 1mm 0 2mm; color: #444; }
    .grid { flex: 1; min-height: 0; display: grid; grid-template-columns: 1fr 1fr;
      grid-template-rows: repeat(4, minmax(0, 1fr)); gap: 3mm; }
    .card { display: flex; gap: 3mm; border: 1px solid #999; border-radius: 2mm; padding: 3mm; overflow: hidden;
      break-inside: avoid; page-break-inside: avoid; }
    .text { flex: 1; min-width: 0; }
    h2 { font-size: 12pt; margin: 0 0 1mm; line-height: 1.2; overflow-wrap: anywhere; display: -webkit-box;
      -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    h2 a { color: #111; text-decoration: none; }
    .topic { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em; color: #0b5394; margin: 0 0 1mm; }
    .source, .url, .shared, .note { font-size: 8.5pt; color: #444; margin: 0.5mm 0; overflow-wrap: anywhere; }
    .shared { color: #111; font-weight: 600; }
    .note { font-style: italic; }
    .summary { font-size: 9pt; margin: 1mm 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical;
      overflow: hidden; }
    .qr { margin: 0; width: 30mm; flex: none; text-align: center; }
    .qr svg { width: 30mm; height: 30mm; display: block; }
    .qr figcaption { font-size: 7.5pt; color: #444; }
    footer { display: flex; justify-content: space-between; font-size: 8pt; color: #444; margin-top: 3mm; }
    .none { color: #444; }
    @media screen { body { background: #eee; } .sheet { background: #fff; padding: 8mm; margin: 6mm auto;
      width: 202mm; height: 281mm; } }
    @media screen and (max-width: 210mm) { body { background: #fff; } .sheet { width: auto; height: auto;
      margin: 0; padding: 4mm; } .grid { grid-template-columns: 1fr; grid-template-rows: none; } }
    """
}
