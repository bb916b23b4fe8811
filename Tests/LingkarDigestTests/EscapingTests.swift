import Foundation
import LingkarDigest
import LingkarModel
import Testing

/// A digest whose every feed-supplied value is hostile.
enum HostileFixture {
  static let longWord = String(repeating: "Pembelajaranberdiferensiasi", count: 200)

  static let links = [
    "javascript:alert(1)", " JaVaScRiPt:alert(document.cookie)", "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd", "//evil.example/x",
    "https://ok.example/\"onmouseover=\"alert(1)", "https://ok.example/a b", "https://ok.example/\u{0}x",
    "vbscript:msgbox(1)", "https:alert(1)", "http://", "/relative/path", "mailto:guru@example.org",
  ]

  static var digest: Digest {
    var base = DigestFixture.digest(.id)
    var items: [DigestItem] = []
    for (index, link) in links.enumerated() {
      items.append(
        DigestItem(
          key: "h\(index)", entryID: "<id>\(index)", feedURL: "https://feed.example/\(index)\"><script>x</script>",
          feedTitle: "Feed \(index) <img src=x onerror=alert(1)>",
          title:
            "<script>alert('t\(index)')</script> \"><img src=x onerror=alert(1)> \u{1}\u{8}\u{1b}[31m\u{7f}\u{85}&amp;",
          link: link, author: "<b onmouseover=alert(1)>Bu Guru</b>", published: DigestFixture.date("2026-11-20"),
          language: index == 0 ? "en\"><script>" : "id",
          summary:
            "</p><iframe src=\"javascript:alert(1)\"></iframe> <!-- comment --> ]]> \(longWord) <style>*{}</style>",
          comments: 3, topics: [ItemTopicMatch(topicID: "assessment", score: 0.9, matched: ["<svg onload=alert(1)>"])],
          duplicates: index == 1 ? ["h2"] : index == 2 ? ["h1"] : []))
    }
    base.items = items
    base.topics = [
      DigestTopic(
        id: "assessment\"><script>",
        label: BilingualText(id: "Asesmen <script>alert(1)</script>", en: "A </title><script>"),
        score: 2, breakdown: DigestFixture.topics[0].breakdown, items: items.map(\.key))
    ]
    base.suggestions = [
      TopicSuggestion(
        topicID: "assessment\"><script>", readings: ["h0", "h1"],
        prompts: [
          BilingualText(id: "<a href=\"javascript:alert(1)\">klik</a>", en: "<a href=\"javascript:alert(1)\">click</a>")
        ])
    ]
    base.other = ["h3", "h4"]
    base.bookClub = DigestBookClub(
      bookTitle: "<script>book()</script>", bookAuthor: "</strong><img src=x onerror=alert(1)>", chapterNumber: 2,
      chapterTitle: "Bab <a href=\"javascript:alert(1)\">x</a>", themes: ["<svg onload=alert(1)>"],
      date: CalendarDay(DigestFixture.date("2026-12-03")), leader: "<b onmouseover=alert(1)>Bu Guru</b>",
      related: [DigestChapterItem(key: "h2", score: 1, matched: ["</span><script>m</script>"])])
    base.volume = VolumeHistory(
      periodEnds: [DigestFixture.date("2026-11-15"), DigestFixture.date("2026-11-29")],
      series: [.init(topicID: "assessment\"><script>", counts: [1, 14])])
    base.feeds = [
      DigestFeed(
        url: "javascript:alert(1)", title: "<script>feed</script>", status: .moved, movedTo: "javascript:alert(2)"),
      DigestFeed(
        url: "https://x.example/\"><svg onload=alert(1)>", title: nil, status: .failed,
        error: "<img src=x onerror=alert(1)>"),
    ]
    return base
  }
}

@Suite("Escaping: no feed text becomes markup, no link but http and https")
struct EscapingTests {
  static let allowedElements: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "a", "div", "header", "p", "h1", "h2", "h3", "h4", "nav", "main",
    "section", "article", "span", "dl", "dt", "dd", "ul", "ol", "li", "figure", "figcaption", "svg", "line", "rect",
    "time", "footer", "strong", "br", "code", "link", "details", "summary",
  ]

  /// Checks a page with a strict parser: well-formed, only known elements, no event handlers or
  /// inline styles, one stylesheet in the head, every `href` http(s), a fragment or one of ours.
  func checkPage(_ html: String, ownLinks: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
    let page = StrictMarkup(html)
    #expect(page.error == nil, "not well-formed: \(page.error ?? "")", sourceLocation: sourceLocation)
    #expect(!page.elements.isEmpty, sourceLocation: sourceLocation)
    for element in page.elements {
      #expect(
        Self.allowedElements.contains(element.name), "unexpected <\(element.name)>", sourceLocation: sourceLocation)
      for (name, value) in element.attributes {
        #expect(!name.lowercased().hasPrefix("on"), "event handler \(name)", sourceLocation: sourceLocation)
        #expect(
          name != "style" && name != "src" && name != "srcdoc" && name != "formaction", "\(name)=",
          sourceLocation: sourceLocation)
        if name == "href" {
          let ok =
            value.hasPrefix("#") || ownLinks.contains(value)
            || ((value.hasPrefix("https://") || value.hasPrefix("http://")) && Escaping.safeLink(value) == value)
          #expect(ok, "href \(value)", sourceLocation: sourceLocation)
        }
      }
      if element.name == "style" { #expect(element.path == ["html", "head"], sourceLocation: sourceLocation) }
      if element.name == "link" { #expect(element.attributes["rel"] == "alternate", sourceLocation: sourceLocation) }
    }
    #expect(page.elements.filter { $0.name == "style" }.count == 1, sourceLocation: sourceLocation)
    let controls = html.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    #expect(controls.isEmpty, "control characters \(controls.map(\.value))", sourceLocation: sourceLocation)
  }

  @Test("the HTML page of a hostile digest parses strictly and has no executable markup or unsafe link")
  func hostileHTML() {
    for language in DigestLanguage.allCases {
      var digest = HostileFixture.digest
      digest.language = language
      let html = HTMLRenderer().render(digest)
      checkPage(html, ownLinks: ["../index.html"])
      let page = StrictMarkup(html)
      // The hostile text is there, as text.
      #expect(page.text.contains("<script>alert('t0')</script>"))
      #expect(page.text.contains("<b onmouseover=alert(1)>Bu Guru</b>"))
      // Exactly the safe link became a link: none of the hostile ones.
      let hrefs = page.elements.compactMap { $0.attributes["href"] }.filter {
        !$0.hasPrefix("#") && $0 != "../index.html"
      }
      #expect(hrefs.isEmpty, "\(hrefs)")
      // Every item element carries a well-formed language tag.
      for item in page.elements where item.attributes["class"] == "item" {
        let lang = item.attributes["lang"] ?? language.rawValue
        #expect(lang.allSatisfy { $0.isLetter || $0 == "-" })
      }
    }
  }

  @Test("the well-formed fixture pages pass the same strict check")
  func fixturePages() {
    for language in DigestLanguage.allCases {
      checkPage(HTMLRenderer().render(DigestFixture.digest(language)), ownLinks: ["../index.html"])
    }
    checkPage(
      ArchiveRenderer().render(ArchiveFixture.entries + [hostileEntry], language: .id),
      ownLinks: [
        "feed.xml", "2026-11-29/digest.html", "2026-11-15/digest.html", "2026-11-01/digest.html",
        "2026-11-30/digest.html",
      ])
  }

  var hostileEntry: ArchiveEntry {
    ArchiveEntry(
      date: "2026-11-30", period: DigestFixture.digest(.id).period, language: .en, itemCount: 1, sourceCount: 1,
      suggestedTopics: ["</a><script>alert(1)</script>", "\u{1}\u{2}"])
  }

  @Test("the Atom feed stays well-formed with hostile labels and an unsafe site address")
  func hostileAtom() {
    let xml = AtomRenderer(feedID: ArchiveFixture.feedID, siteURL: "javascript:alert(1)")
      .render(ArchiveFixture.entries + [hostileEntry], language: .en)
    let feed = StrictMarkup(xml)
    #expect(feed.error == nil, "\(feed.error ?? "")")
    #expect(feed.elements.allSatisfy { $0.name != "script" })
    let hrefs = feed.elements.compactMap { $0.attributes["href"] }
    #expect(hrefs.allSatisfy { !$0.contains(":") }, "\(hrefs)")  // relative, since the site address was refused
    // `content type="html"`: the label is escaped once more inside the HTML, so a reader shows it as text.
    #expect(feed.text.contains("&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test("Markdown escapes markup and links only http and https")
  func hostileMarkdown() {
    let md = MarkdownRenderer().render(HostileFixture.digest)
    var index = md.startIndex
    while let found = md[index...].firstIndex(where: { $0 == "<" }) {
      #expect(
        found > md.startIndex && md[md.index(before: found)] == "\\", "unescaped < near \(md[found...].prefix(30))")
      index = md.index(after: found)
    }
    for destination in md.components(separatedBy: "](").dropFirst() {
      #expect(destination.hasPrefix("https://") || destination.hasPrefix("http://"), "\(destination.prefix(40))")
    }
    #expect(!md.contains("&amp;") || md.contains("\\&amp;"))
    #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test("the messaging text puts only http and https links on their own lines")
  func hostileText() {
    let text = TextRenderer().render(HostileFixture.digest)
    for line in text.split(separator: "\n") {
      let lowered = line.lowercased()
      #expect(!lowered.hasPrefix("javascript:") && !lowered.hasPrefix("data:") && !lowered.hasPrefix("file:"))
      if lowered.hasPrefix("http") { #expect(Escaping.safeLink(String(line)) == String(line)) }
    }
    #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
  }

  @Test("digest.json is valid JSON that keeps hostile values as data")
  func hostileJSON() throws {
    let json = JSONRenderer().render(HostileFixture.digest)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(items.count == HostileFixture.links.count)
    #expect(items.map { $0["link"] as? String } == HostileFixture.links.map { $0 })
  }

  @Test(
    "safeLink accepts http and https with a host and refuses everything else",
    arguments: [
      ("https://gurukreatif.example/2026/11/24/x/", true), ("HTTP://Example.org", true),
      ("  https://a.example  ", true),
      ("https://a.example:8443/p?q=1&r=2#f", true), ("https://user@a.example/", true),
      ("https://guru.social.example/@busari/1", true), ("https://contoh.example/ruang-guru/é", true),
      ("javascript:alert(1)", false), ("JAVASCRIPT:alert(1)", false), ("data:text/html,x", false),
      ("file:///etc/passwd", false), ("//evil.example/", false), ("https://", false), ("https:///path", false),
      ("https://a.example/\"x", false), ("https://a.example/<x>", false), ("https://a.example/a b", false),
      ("https://a.example/\u{7}", false), ("ftp://a.example/", false), ("https://:80/", false),
    ])
  func safeLinks(link: String, accepted: Bool) {
    #expect((Escaping.safeLink(link) != nil) == accepted)
  }

  @Test("text escaping turns markup characters into references and drops control characters")
  func htmlEscaping() {
    #expect(
      Escaping.html("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect(Escaping.html("a\u{0}b\u{1b}c\u{85}d\u{FFFE}e\tf") == "abcde f")
    #expect(Escaping.html("Bahasa Indonesia — 😅") == "Bahasa Indonesia — 😅")
  }

  @Test("excerpts cut at a word boundary and break very long words")
  func excerpts() {
    #expect(Escaping.excerpt("satu dua tiga empat", limit: 12) == "satu dua…")
    #expect(Escaping.excerpt(HostileFixture.longWord, limit: 50).count == 50)
    #expect(Escaping.excerpt("  a \n\n b  ") == "a b")
  }
}

@Suite("the strict markup checker")
struct StrictMarkupTests {
  @Test("libxml2 refuses what is not well-formed, and reads elements, attributes and text of what is")
  func strictness() {
    #expect(StrictMarkup("<p><b>unclosed</p>").error != nil)
    #expect(StrictMarkup("<p>a & b</p>").error != nil)
    #expect(StrictMarkup("<p>&nbsp;</p>").error != nil)
    let page = StrictMarkup(
      "<!DOCTYPE html><html lang=\"id\"><body><a href=\"#x\">A &amp; B &#233;</a><![CDATA[<c>]]></body></html>")
    #expect(page.error == nil)
    #expect(page.elements.map(\.name) == ["html", "body", "a"])
    #expect(page.elements.last?.attributes == ["href": "#x"])
    #expect(page.elements.last?.path == ["html", "body"])
    #expect(page.text == "A & B é<c>")
  }
}
