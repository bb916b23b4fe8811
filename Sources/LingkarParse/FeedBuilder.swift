import Foundation

/// Builds the raw fields of a feed from a stream of XML events.
///
/// The rules follow what feed readers have converged on (and what the conformance reference,
/// feedparser, does), because real feeds depend on them:
/// - Every element of interest is pushed on a stack and collects the text inside it; its value is
///   stored when it ends. Inside a text element (title, description, content...), child elements
///   are kept as markup, and the value then counts as XHTML.
/// - The first title of an entry wins; other properties keep the shallowest occurrence, the later
///   one at equal depth.
/// - The last date element wins, parsed or not. A `<link>` element beats a permalink `<guid>`.
/// - RSS text that looks like HTML is read as HTML; Atom text follows its `type`.
/// - `xml:base` and `xml:lang` are inherited, and links are resolved against the base.
final class FeedBuilder {
  struct Frame {
    var name: String
    var expectingText: Bool
    var buffer: [UInt8] = []
    /// Where tags and text pieces start and end in `buffer`, for the outer-`div` rule of XHTML.
    var pieces: [Piece] = []
  }

  struct Piece {
    enum Kind { case text, startTag, endTag, emptyTag }
    var kind: Kind
    var range: Range<Int>
  }

  private(set) var version = ""
  let feed = FieldSet()
  private(set) var entries: [FieldSet] = []
  /// Entries met so far, including those dropped past the limit.
  private var entryCount = 0
  private let discarded = FieldSet()  // image, textinput and source fields nobody reads
  private var stack: [Frame] = []
  private var baseStack: [String] = []
  private var langStack: [String?] = []
  private var base: String
  private var lang: String?
  private var depth = 0
  private var titleDepth = -1

  private var inFeed = false
  private var inEntry = false
  private var inImage = false
  private var inTextInput = false
  private var inSource = false
  private var inAuthor = false
  private var inContributor = false
  private var inPublisher = false
  private var inContent = 0
  private var contentType: String?
  private var contentIsBase64 = false
  private var summaryKey: String?
  private var hasContent = false
  private var guidIsLink = false
  /// Depth of elements opened inside content markup (their start is serialized, not dispatched).
  private var markupElementNames: [String] = []
  /// Depths of the titles ended early because they were left unclosed (see `closeUnclosedTitle`).
  private var titlesClosedEarly: [Int] = []

  init(baseURL: String?) {
    base = baseURL ?? ""
  }

  private var context: FieldSet {
    if inSource || inImage || inTextInput { return discarded }
    if inEntry, let entry = entries.last { return entry }
    return feed
  }

  // MARK: - Events

  func declareNamespace(prefix: String?, uri: String) {
    guard version.isEmpty else { return }
    let lower = uri.lowercased()
    if prefix == nil, lower == XMLNamespaces.rss090Namespace {
      version = "rss090"
    } else if let found = XMLNamespaces.versionByNamespace[lower] {
      version = found
    }
  }

  func start(_ element: ElementName, attributes: [(name: String, value: String)]) {
    let name = element.name
    let markupName = element.markup
    let attrs = XMLAttributes(attributes)
    depth += 1

    // xml:base and xml:lang, inherited.
    if let given = attrs["xml:base"] ?? attrs["base"] {
      base =
        base.isEmpty
        ? URLResolver.join(base, given) : (URLResolver.safeJoin(base, given).flatMap { $0.isEmpty ? nil : $0 } ?? base)
    }
    var newLang: String? = attrs["xml:lang"] ?? attrs["lang"]
    if newLang == "" { newLang = nil } else if newLang == nil { newLang = lang }
    if let newLang, name == "feed" || name == "rss" || name == "rdf_rdf" {
      feed.language = newLang.replacingOccurrences(of: "_", with: "-")
    }
    lang = newLang
    baseStack.append(base)
    langStack.append(lang)

    // A title left unclosed (`<title>Foo<link>…</link><pubDate>…`): the item's own elements end
    // it, instead of becoming its markup (a title holding the link, author and date, and no link).
    if element.closesTitle, inContent > 0, markupElementNames.isEmpty, stack.last?.name == "title",
      contentType != "application/xhtml+xml" || !version.hasPrefix("atom")
    {
      closeUnclosedTitle()
    }

    // Inside text elements, children are markup.
    if inContent > 0, !(contentType ?? "xml").hasSuffix("xml") {
      if markupName == "div" && name.hasSuffix("div") {
        markupElementNames.append(name)
        return
      }
      becomeXHTML()
    }
    if inContent > 0, contentType == "application/xhtml+xml" {
      var tag = "<" + markupName
      for attribute in attributes {
        tag += " " + attribute.name + "=\"" + Self.escapeAttribute(attribute.value) + "\""
      }
      tag += ">"
      appendMarkup(tag, kind: .startTag)
      markupElementNames.append(name)
      return
    }

    if element.closesTextInput { inTextInput = false }
    if element.closesImage { inImage = false }

    guard let role = element.role else {
      // Unknown elements still collect their text, so it never leaks into the parent.
      if attrs.isEmpty { push(name, expectingText: true) }
      return
    }
    startRole(role, name: name, attrs: attrs)
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !stack.isEmpty else { return }
    if contentType == "application/xhtml+xml" && inContent > 0 {
      appendEscapedText(bytes)
    } else {
      // Pieces matter only for XHTML; `becomeXHTML` records what came before as one piece.
      let room = FieldLimits.rawTextBytes - stack[stack.count - 1].buffer.count
      if bytes.count <= room {
        stack[stack.count - 1].buffer.append(contentsOf: bytes)
      } else if room > 0 {
        stack[stack.count - 1].buffer.append(contentsOf: Self.utf8Prefix(bytes, room))
      }
    }
  }

  /// At most `limit` bytes of UTF-8, not splitting a character's bytes.
  static func utf8Prefix(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> UnsafeBufferPointer<UInt8> {
    var end = min(limit, bytes.count)
    if end < bytes.count {
      while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    }
    return UnsafeBufferPointer(rebasing: bytes[0..<end])
  }

  func end(_ element: ElementName) {
    let name = element.name
    let markupName = element.markup
    defer {
      depth -= 1
      baseStack.removeLast()
      langStack.removeLast()
      base = baseStack.last ?? base
      lang = langStack.last ?? nil
    }
    if titlesClosedEarly.last == depth {
      // libxml2 ends the unclosed title at last (at the item's end tag); it was stored already.
      titlesClosedEarly.removeLast()
      return
    }
    if !markupElementNames.isEmpty, markupElementNames.last == name, inContent > 0 {
      markupElementNames.removeLast()
      if contentType == "application/xhtml+xml" {
        appendMarkup("</" + markupName + ">", kind: .endTag)
      }
      return
    }
    if let role = element.role {
      endRole(role, name: name)
    } else {
      _ = pop(name)
    }
  }

  /// Drops all but the newest `FieldLimits.entries` entries (the rule of `FieldLimits.newest`), so a
  /// document of 310,000 items never holds more than twice that many at once.
  private func keepNewestEntries() {
    let kept = FieldLimits.newest(entries.count, limit: FieldLimits.entries) { entries[$0].rankingDate }
    entries = kept.map { entries[$0] }
  }

  /// Stores the title on top of the stack as if it had ended where the element now starting
  /// begins, and remembers its depth so that its real end is ignored.
  private func closeUnclosedTitle() {
    depth -= 1  // the title's own depth, for the precedence rules
    endRole(.title, name: "title")
    titlesClosedEarly.append(depth)
    depth += 1
  }

  // MARK: - Roles

  private func startRole(_ role: ElementRole, name: String, attrs: XMLAttributes) {
    switch role {
    case .rssRoot:
      if version.isEmpty || !version.hasPrefix("rss") {
        let given = attrs["version"] ?? ""
        let known = ["0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"]
        if let mapped = known[given] {
          version = mapped
        } else if given.hasPrefix("2.") {
          version = "rss20"
        } else {
          version = "rss"
        }
      }
    case .atomRoot:
      inFeed = true
      if version.isEmpty {
        let known = ["0.1": "atom01", "0.2": "atom02", "0.3": "atom03"]
        version = known[attrs["version"] ?? ""] ?? "atom"
      }
    case .channel:
      inFeed = true
      channelDefinitionAttributes(attrs)
    case .entry:
      let fields = FieldSet()
      fields.order = entryCount
      entryCount += 1
      entries.append(fields)
      push(name, expectingText: false)
      inEntry = true
      guidIsLink = false
      // `hasContent` is not reset here but when an entry ends, as feedparser does: a channel whose
      // `itunes:summary` comes before its `description` (Apple's sample feed) made that description
      // its content, and the first item then keeps `itunes:summary` as its summary.
      titleDepth = -1
      if let about = attrs["rdf:about"] { entries[entries.count - 1].id = about }
      if attrs["xml:lang"] != nil || attrs["lang"] != nil { entries[entries.count - 1].language = lang }
      channelDefinitionAttributes(attrs)
    case .image:
      inImage = true
      titleDepth = -1
      push(name, expectingText: false)
    case .textInput:
      inTextInput = true
      titleDepth = -1
      push(name, expectingText: false)
    case .source:
      inSource = true
      titleDepth = -1
      push(name, expectingText: true)
    case .author:
      inAuthor = true
      push("author", expectingText: true)
      context.authors.append(FieldSet.Author())
    case .contributor:
      inContributor = true
      push("contributor", expectingText: false)
    case .authorName:
      push("name", expectingText: false)
    case .authorEmail:
      push("email", expectingText: false)
    case .authorURI:
      push("href", expectingText: false)
    case .title, .mediaTitle:
      pushContent("title", attrs: attrs, defaultType: "text/plain", expectingText: inFeed || inEntry || inSource)
    case .link:
      startLink(attrs)
    case .guid:
      guidIsLink = (attrs["ispermalink"] ?? "true") == "true"
      push("id", expectingText: true)
    case .description:
      if context.summary != nil && !hasContent {
        summaryKey = "content"
        startContent(attrs)
      } else {
        pushContent("description", attrs: attrs, defaultType: "text/html", expectingText: inFeed || inEntry || inSource)
      }
    case .summary:
      if context.summary != nil && !hasContent {
        summaryKey = "content"
        startContent(attrs)
      } else {
        summaryKey = "summary"
        pushContent("summary", attrs: attrs, defaultType: "text/plain", expectingText: true)
      }
    case .content:
      startContent(attrs)
    case .htmlContent:
      hasContent = true
      pushContent("content", attrs: attrs, defaultType: "text/html", expectingText: true)
    case .xhtmlContent:
      // An XHTML page may carry an Atom feed in its body: outside a feed, the body is the page's.
      guard inFeed || inEntry else {
        push(name, expectingText: false)
        return
      }
      hasContent = true
      pushContent("content", attrs: attrs, defaultType: "application/xhtml+xml", expectingText: true)
    case .subtitle:
      pushContent("subtitle", attrs: attrs, defaultType: "text/plain", expectingText: true)
    case .published:
      push("published", expectingText: true)
    case .updated:
      push("updated", expectingText: true)
    case .category:
      context.addCategory(term: attrs["term"], scheme: attrs["scheme"] ?? attrs["domain"], label: attrs["label"])
      push("category", expectingText: true)
    case .itunesCategory:
      context.addCategory(term: attrs["text"], scheme: "http://www.itunes.com/", label: nil)
      push("category", expectingText: true)
    case .itunesKeywords:
      push("itunes_keywords", expectingText: false)
    case .enclosure:
      let url = attrs["url"] ?? attrs["href"]
      context.links.append(FieldSet.Link(rel: "enclosure", type: attrs["type"], length: attrs["length"], href: url))
    case .language:
      push("language", expectingText: true)
    }
  }

  private func endRole(_ role: ElementRole, name: String) {
    switch role {
    case .rssRoot: break
    case .atomRoot, .channel:
      inFeed = false
    case .entry:
      _ = pop(name)
      inEntry = false
      hasContent = false
      if entries.count >= 2 * FieldLimits.entries { keepNewestEntries() }
    case .image:
      _ = pop(name)
      inImage = false
    case .textInput:
      _ = pop(name)
      inTextInput = false
    case .source:
      _ = pop(name)
      inSource = false
    case .author:
      let text = pop("author")
      inAuthor = false
      if let text { storeAuthorText(text) }
      syncAuthor()
    case .contributor:
      _ = pop("contributor")
      inContributor = false
    case .authorName:
      guard let value = pop("name") else { return }
      if inAuthor && !inPublisher && !inContributor, let last = context.authors.indices.last {
        context.authors[last].name = value
      }
    case .authorEmail:
      guard let value = pop("email") else { return }
      if inAuthor && !inPublisher && !inContributor, let last = context.authors.indices.last {
        context.authors[last].email = value
      }
    case .authorURI:
      _ = pop("href")
    case .title:
      let value = popContent("title")
      if let value, !value.isEmpty { titleDepth = depth }
    case .mediaTitle:
      _ = popContent("title")
    case .link:
      _ = pop("link")
    case .guid:
      let value = pop("id")
      if guidIsLink, let value, !inSource, !inImage, !inTextInput, context.link == nil {
        context.link = value
      }
    case .description:
      if summaryKey == "content" {
        endContent()
      } else {
        _ = popContent("description")
      }
      summaryKey = nil
    case .summary:
      if summaryKey == "content" {
        endContent()
      } else {
        _ = popContent(summaryKey ?? "summary")
      }
      summaryKey = nil
    case .content, .htmlContent:
      endContent()
    case .xhtmlContent:
      if stack.last?.name == name {
        _ = pop(name)  // the body of a page around a feed
      } else {
        endContent()
      }
    case .subtitle:
      _ = popContent("subtitle")
    case .published:
      _ = pop("published")
    case .updated:
      _ = pop("updated")
    case .category:
      guard let value = pop("category"), !value.isEmpty else { return }
      let target = context
      if let last = target.categories.indices.last, (target.categories[last].term ?? "").isEmpty {
        target.categories[last].term = value
      } else {
        target.addCategory(term: value, scheme: nil, label: nil)
      }
    case .itunesCategory:
      guard let value = pop("category"), !value.isEmpty else { return }
      context.addCategory(term: value, scheme: nil, label: nil)
    case .itunesKeywords:
      guard let value = pop("itunes_keywords") else { return }
      for term in value.split(separator: ",") {
        let trimmed = TextFolding.trimmed(String(term))
        if !trimmed.isEmpty { context.addCategory(term: trimmed, scheme: "http://www.itunes.com/", label: nil) }
      }
    case .enclosure:
      break
    case .language:
      if let value = pop("language") { lang = value }
    }
  }

  private func startLink(_ attrs: XMLAttributes) {
    let rel = attrs["rel"] ?? "alternate"
    let type = attrs["type"] ?? (rel == "self" ? "application/atom+xml" : "text/html")
    let href = attrs["href"] ?? attrs["url"] ?? attrs["uri"]
    let resolved = href.map { URLResolver.join(base, $0) }
    if !(inEntry && inImage) {
      context.links.append(FieldSet.Link(rel: rel, type: type, length: attrs["length"], href: resolved))
    }
    if let resolved {
      if rel == "alternate", Self.isHTMLType(Self.mapContentType(type)) { context.link = resolved }
    } else {
      push("link", expectingText: inFeed || inEntry || inSource)
    }
  }

  /// CDF puts the link and the modification date in attributes of `channel` and `item`.
  private func channelDefinitionAttributes(_ attrs: XMLAttributes) {
    if let modified = attrs["lastmod"] {
      push("updated", expectingText: true)
      appendText(modified)
      _ = pop("updated")
    }
    if let href = attrs["href"] {
      push("link", expectingText: true)
      appendText(href)
      _ = pop("link")
    }
  }

  private func appendText(_ text: String) {
    var copy = text
    copy.withUTF8 { characters($0) }
  }

  private func startContent(_ attrs: XMLAttributes) {
    hasContent = true
    pushContent("content", attrs: attrs, defaultType: "text/plain", expectingText: true)
  }

  private func endContent() {
    let type = Self.mapContentType(contentType ?? "")
    let copyToSummary = type == "text/plain" || Self.isHTMLType(type)
    let stored = popContentValue("content")
    if copyToSummary, let stored, inEntry || inFeed {
      let target = context
      if target.summary == nil {
        target.summary = stored
        target.summaryFromContent = true
      }
    }
  }

  // MARK: - The element stack

  private func push(_ name: String, expectingText: Bool) {
    stack.append(Frame(name: name, expectingText: expectingText))
  }

  private func pushContent(_ name: String, attrs: XMLAttributes, defaultType: String, expectingText: Bool) {
    inContent += 1
    let type = Self.mapContentType(attrs["type"] ?? defaultType)
    contentType = type
    if attrs["mode"] == "base64" {
      contentIsBase64 = true
    } else {
      contentIsBase64 = !(type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml"))
    }
    push(name, expectingText: expectingText)
  }

  private func popContent(_ name: String) -> String? {
    let value = popContentValue(name)
    return value?.value
  }

  /// Pops a text element and returns its value with its type (nil when the stack top is another).
  private func popContentValue(_ name: String) -> TypedText? {
    let type = contentType
    let value = pop(name)
    inContent = max(0, inContent - 1)
    let finalType = lastPoppedType ?? type ?? "text/plain"
    contentType = nil
    contentIsBase64 = false
    guard let value else { return nil }
    return TypedText(value: value, type: finalType)
  }

  private var lastPoppedType: String?

  /// Pops the element `name` if it is on top, stores its value where it belongs, and returns it.
  private func pop(_ name: String) -> String? {
    lastPoppedType = nil
    guard let top = stack.last, top.name == name else { return nil }
    var frame = stack.removeLast()
    if version == "atom10" && contentType == "application/xhtml+xml" && inContent > 0 {
      Self.stripOuterDiv(&frame)
    }
    var output = TextFolding.trimmedString(frame.buffer)
    guard frame.expectingText else { return output }

    if contentIsBase64 && inContent > 0, let data = Data(base64Encoded: output, options: .ignoreUnknownCharacters),
      let decoded = String(data: data, encoding: .utf8)
    {
      output = decoded
    }
    if (name == "link" || (name == "id" && guidIsLink)) && !output.isEmpty {
      output = URLResolver.join(base, output)
    }
    if inContent > 0, !version.hasPrefix("atom"), contentType == "text/plain", HTMLHeuristics.looksLikeHTML(output) {
      contentType = "text/html"
    }
    lastPoppedType = contentType
    if name == "category" || name == "itunes_keywords" { return output }
    if name == "title", titleDepth > -1, titleDepth <= depth { return output }

    let typed = TypedText(value: output, type: contentType ?? "text/plain")
    if inEntry && !inSource {
      guard let entry = entries.last, !inImage || name != "link" else { return output }
      switch name {
      case "content":
        entry.contents.append(typed)
      case "link":
        storeLinkText(output, into: entry)
      default:
        let key = name == "description" ? "summary" : name
        if let old = entry.depth(of: key), depth > old { return output }
        entry.setDepth(depth, of: key)
        store(key, output, typed: typed, into: entry)
      }
    } else if inFeed || inSource {
      let target = context
      let key = name == "description" ? "subtitle" : name
      if key == "link" {
        storeLinkText(output, into: target)
      } else if key == "content" {
        target.contents.append(typed)
      } else {
        store(key, output, typed: typed, into: target)
      }
    }
    return output
  }

  /// A `<link>` with text instead of `href`: the text is the href of the link just opened.
  private func storeLinkText(_ text: String, into target: FieldSet) {
    let fixed = Self.fixLinkEntities(text)
    guard let last = target.links.indices.last else {
      target.link = fixed
      return
    }
    if !fixed.isEmpty { target.links[last].href = fixed }
    let link = target.links[last]
    if link.rel == "alternate" { target.link = fixed }
  }

  private func storeAuthorText(_ value: String) {
    context.authorText = value
  }

  private func store(_ key: String, _ value: String, typed: TypedText, into target: FieldSet) {
    switch key {
    case "title": target.title = typed
    case "summary": target.summary = typed; target.summaryFromContent = false
    case "subtitle": target.subtitle = typed
    case "id": target.id = value
    case "published":
      target.published = value
      target.hasPublished = true
    case "updated":
      target.updated = value
      target.hasUpdated = true
    case "language": target.language = value
    case "author": target.authorText = value
    case "slash_comments": target.slashComments = value
    case "thr_total": target.threadTotal = value
    default: break
    }
  }

  private func syncAuthor() {
    let target = context
    guard let last = target.authors.indices.last else { return }
    if !target.authors[last].isEmpty { return }
    guard let text = target.authorText, !text.isEmpty else { return }
    target.authors[last] = AuthorText.split(text)
  }

  // MARK: - Markup inside text elements

  /// A text element turned out to hold markup: from now on its children are kept as XHTML.
  private func becomeXHTML() {
    contentType = "application/xhtml+xml"
    guard !stack.isEmpty else { return }
    let top = stack.count - 1
    if stack[top].pieces.isEmpty && !stack[top].buffer.isEmpty {
      stack[top].pieces.append(Piece(kind: .text, range: 0..<stack[top].buffer.count))
    }
  }

  private func appendMarkup(_ markup: String, kind: Piece.Kind) {
    guard !stack.isEmpty, stack[stack.count - 1].buffer.count < FieldLimits.rawTextBytes else { return }
    let start = stack[stack.count - 1].buffer.count
    stack[stack.count - 1].buffer.append(contentsOf: markup.utf8)
    stack[stack.count - 1].pieces.append(Piece(kind: kind, range: start..<stack[stack.count - 1].buffer.count))
  }

  private func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>) {
    let start = stack[stack.count - 1].buffer.count
    guard start < FieldLimits.rawTextBytes else { return }
    for byte in bytes {
      switch byte {
      case 0x26: stack[stack.count - 1].buffer.append(contentsOf: "&amp;".utf8)
      case 0x3C: stack[stack.count - 1].buffer.append(contentsOf: "&lt;".utf8)
      case 0x3E: stack[stack.count - 1].buffer.append(contentsOf: "&gt;".utf8)
      default: stack[stack.count - 1].buffer.append(byte)
      }
    }
    stack[stack.count - 1].pieces.append(Piece(kind: .text, range: start..<stack[stack.count - 1].buffer.count))
  }
}
