internal import CLibXML2
import Foundation

/// What one article's web page says about itself, for an article a teacher shares: its title and
/// description as the page offers them to link previews (Open Graph, Twitter cards), else its
/// `<title>` and `<meta name="description">`, and its canonical address.
///
/// A pure function of the page's bytes, read with libxml2's lenient HTML parser (never the network:
/// `HTML_PARSE_NONET`); fetching the page is the pipeline's job.
///
/// ```swift
/// let page = ArticlePage.read(page: bytes, pageURL: "https://guru.example/asesmen", charset: "utf-8")
/// page.title         // "Asesmen yang memerdekakan"
/// page.canonicalURL  // "https://guru.example/asesmen/"
/// ```
public struct ArticlePage: Sendable, Hashable {
  /// The article's title, plain text on one line; nil when the page gives none.
  public var title: String?
  /// A sentence or two about the article, plain text; nil when the page gives none.
  public var description: String?
  /// The site's own name (`og:site_name`), when it gives one.
  public var siteName: String?
  /// The page's canonical address (`<link rel="canonical">`, else `og:url`), absolute and http(s);
  /// nil when it names none.
  public var canonicalURL: String?

  public init(title: String? = nil, description: String? = nil, siteName: String? = nil, canonicalURL: String? = nil) {
    self.title = title
    self.description = description
    self.siteName = siteName
    self.canonicalURL = canonicalURL
  }

  /// Characters kept of a title and of a description: a page whose `<title>` was never closed
  /// swallows the whole page into it.
  public static let titleLimit = 300
  public static let descriptionLimit = 1000

  /// Reads `page`, fetched from `pageURL` (after redirects: relative addresses resolve against it).
  /// - Parameter charset: the charset of the HTTP `Content-Type`, if any; otherwise the page's own
  ///   `<meta charset>` (or `http-equiv`) or libxml2's detection decides.
  public static func read(page: [UInt8], pageURL: String, charset: String? = nil) -> ArticlePage {
    guard let document = parse(page, charset: charset) else { return ArticlePage() }
    defer { xmlFreeDoc(document) }
    var base = pageURL
    var titleElement: String?
    var canonical: String?
    // Meta values by their lower-cased `property` or `name`, the first of each kept.
    var meta: [String: String] = [:]
    XMLTree(document: document).forEachElement { element, ancestors in
      switch element.name {
      case "base":
        if let href = element.attribute("href").flatMap(nonEmpty) { base = URLResolver.join(pageURL, href) }
      case "title":
        // An <svg> may hold a <title> of its own; only the document's counts.
        if titleElement == nil, !ancestors.contains(where: { $0.name == "svg" }) {
          titleElement = oneLine(element.text, limit: titleLimit)
        }
      case "link":
        let rel = (element.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace)
        if canonical == nil, rel.contains("canonical"), let href = element.attribute("href").flatMap(nonEmpty) {
          canonical = href
        }
      case "meta":
        guard let key = (element.attribute("property") ?? element.attribute("name")).flatMap(nonEmpty)?.lowercased(),
          let content = element.attribute("content"), meta[key] == nil
        else { return }
        meta[key] = content
      default:
        break
      }
    }
    func first(_ keys: [String], limit: Int) -> String? {
      keys.lazy.compactMap { meta[$0].flatMap { oneLine($0, limit: limit) } }.first
    }
    let address = (canonical ?? meta["og:url"].flatMap(nonEmpty)).map { URLResolver.join(base, $0) }
    return ArticlePage(
      title: first(["og:title", "twitter:title"], limit: titleLimit) ?? titleElement,
      description: first(["og:description", "twitter:description", "description"], limit: descriptionLimit),
      siteName: first(["og:site_name"], limit: titleLimit),
      canonicalURL: address.flatMap {
        URLResolver.scheme(of: $0).map { ["http", "https"].contains($0) } == true ? $0 : nil
      })
  }

  private static func parse(_ page: [UInt8], charset: String?) -> xmlDocPtr? {
    guard !page.isEmpty else { return nil }
    CLibXML2_silenceErrors()
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue)
    return page.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        if let charset, !charset.isEmpty,
          let document = htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, charset, options)
        {
          return document
        }
        // No charset, or one libxml2 does not know: the page's <meta> or libxml2's detection decides.
        return htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, nil, options)
      }
    }
  }

  /// A title given by hand, cleaned as a page's is.
  public static func cleanTitle(_ text: String) -> String? { oneLine(text, limit: titleLimit) }

  private static func nonEmpty(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Plain text on one line: every run of white space or control characters becomes one space, and
  /// at most `limit` characters are kept (cut at a space, with an ellipsis).
  static func oneLine(_ text: String, limit: Int) -> String? {
    var words: [Substring] = []
    var count = 0
    for word in text.split(whereSeparator: { character in
      character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }) {
      words.append(word)
      count += word.count + 1
      if count > limit * 2 { break }
    }
    let joined = words.joined(separator: " ")
    guard !joined.isEmpty else { return nil }
    guard joined.count > limit else { return joined }
    let cut = joined.prefix(limit)
    return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
  }
}
