internal import CLibXML2
import Foundation

/// Finds the feeds a web page announces: `<link rel="alternate">` with an RSS, Atom or JSON Feed
/// type, read with libxml2's lenient HTML parser. A pure function of the page's bytes: fetching the
/// page, and trying the well-known paths when it announces nothing, is the pipeline's job.
///
/// ```swift
/// let page = FeedDiscovery.discover(page: bytes, pageURL: "https://guru.example/", charset: nil)
/// page.feeds.first?.url   // "https://guru.example/feed/"
/// ```
public enum FeedDiscovery {
  /// Paths where blogs and site generators commonly put their feed, tried when a page announces none:
  /// WordPress, static sites, Hugo, JSON Feed, Blogger.
  public static let wellKnownPaths = [
    "/feed/", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/feeds/posts/default",
  ]

  /// The feeds `page` links to, the main one first, with relative addresses resolved against the
  /// page's `<base href>` or else `pageURL` (the address the page came from, after redirects).
  /// - Parameter charset: the charset of the HTTP `Content-Type`, if any; otherwise the page's own
  ///   `<meta charset>` or libxml2's detection decides.
  public static func discover(page: [UInt8], pageURL: String, charset: String? = nil) -> DiscoveredPage {
    guard let document = read(page, charset: charset) else { return DiscoveredPage() }
    defer { xmlFreeDoc(document) }
    var base = pageURL
    var title: String?
    var canonical: String?
    var found: [(link: FeedLink, order: Int)] = []
    var pending: [(href: String, kind: FeedLink.Kind, title: String?)] = []
    XMLTree(document: document).forEachElement { element, _ in
      switch element.name {
      case "base":
        if let href = element.attribute("href")?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty {
          base = URLResolver.join(pageURL, href)
        }
      case "title":
        if title == nil { title = Self.clean(element.text) }
      case "link":
        let rel = Set(
          (element.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
        guard let href = element.attribute("href")?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty
        else {
          return
        }
        if rel.contains("canonical") {
          canonical = href
        } else if rel.contains("alternate"), !rel.contains("stylesheet"),
          let kind = FeedLink.Kind(mediaType: element.attribute("type") ?? "")
        {
          pending.append((href, kind, element.attribute("title").flatMap(Self.clean)))
        }
      default:
        break
      }
    }
    var seen: Set<String> = []
    for (index, candidate) in pending.enumerated() {
      let url = URLResolver.join(base, candidate.href)
      guard let scheme = URLResolver.scheme(of: url), scheme == "http" || scheme == "https", seen.insert(url).inserted
      else { continue }
      found.append((FeedLink(url: url, kind: candidate.kind, title: candidate.title), index))
    }
    // The main feed: the first one announced, except that comment feeds (WordPress lists the posts'
    // feed first and the comments' second, but not every theme does) come after all others.
    found.sort { ($0.link.isCommentFeed ? 1 : 0, $0.order) < ($1.link.isCommentFeed ? 1 : 0, $1.order) }
    return DiscoveredPage(
      feeds: found.map(\.link), title: title, canonicalURL: canonical.map { URLResolver.join(base, $0) })
  }

  /// The well-known feed addresses for a page: first under the page's own directory (a blog that
  /// lives at `/blog/`), then at the root of its site. Empty for an address that is not http(s).
  public static func wellKnownCandidates(pageURL: String) -> [String] {
    guard let components = URLComponents(string: pageURL), let scheme = components.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
    else { return [] }
    var origin = "\(scheme)://\(host)"
    if let port = components.port { origin += ":\(port)" }
    var directories = [""]
    var path = components.path
    if !path.hasSuffix("/") { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) + "/" }
    if path != "/" { directories.insert(String(path.dropLast()), at: 0) }
    var seen: Set<String> = []
    return directories.flatMap { directory in wellKnownPaths.map { origin + directory + $0 } }.filter {
      seen.insert($0).inserted
    }
  }

  private static func read(_ page: [UInt8], charset: String?) -> xmlDocPtr? {
    guard !page.isEmpty else { return nil }
    CLibXML2_silenceErrors()
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
    return page.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        if let charset, let document = htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, charset, options) {
          return document
        }
        // No charset, or one libxml2 does not know: let the page's <meta> or libxml2's detection decide.
        return htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, nil, options)
      }
    }
  }

  private static func clean(_ text: String) -> String? {
    let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return folded.isEmpty ? nil : folded
  }
}

/// What a web page says about its feeds.
public struct DiscoveredPage: Sendable, Hashable {
  /// The feeds the page announces, the main one first.
  public var feeds: [FeedLink]
  /// The page's `<title>`.
  public var title: String?
  /// The page's `<link rel="canonical">`, resolved.
  public var canonicalURL: String?

  public init(feeds: [FeedLink] = [], title: String? = nil, canonicalURL: String? = nil) {
    self.feeds = feeds
    self.title = title
    self.canonicalURL = canonicalURL
  }
}

/// A feed announced by a web page.
public struct FeedLink: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case rss, atom, json

    /// The kind a `type` attribute names; nil for anything that is not a feed (`application/json`
    /// alternates are WordPress's REST API, not JSON Feed).
    init?(mediaType: String) {
      let type =
        mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
      switch type {
      case "application/rss+xml", "application/rdf+xml": self = .rss
      case "application/atom+xml", "application/x.atom+xml": self = .atom
      case "application/feed+json": self = .json
      default: return nil
      }
    }
  }

  /// The feed's absolute address.
  public var url: String
  public var kind: Kind
  /// The link's `title` attribute ("Guru Kreatif » Feed").
  public var title: String?

  public init(url: String, kind: Kind, title: String? = nil) {
    self.url = url
    self.kind = kind
    self.title = title
  }

  /// A feed of comments rather than posts, by its title or address.
  var isCommentFeed: Bool {
    let words = ((title ?? "") + " " + url).lowercased()
    return words.contains("comment") || words.contains("komentar")
  }
}
