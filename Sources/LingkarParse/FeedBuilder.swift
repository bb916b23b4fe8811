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
  // The role handlers (startRole, endRole, ...) are in FeedBuilder+Roles.swift.
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

  var version = ""
  let feed = FieldSet()
  var entries: [FieldSet] = []
  /// Entries met so far, including those dropped past the limit.
  var entryCount = 0
  let discarded = FieldSet()  // image, textinput and source fields nobody reads
  var stack: [Frame] = []
  var baseStack: [String] = []
  var langStack: [String?] = []
  var base: String
  var lang: String?
  var depth = 0
  var titleDepth = -1

  var inFeed = false
  var inEntry = false
  var inImage = false
  var inTextInput = false
  var inSource = false
  var inAuthor = false
  var inContributor = false
  var inPublisher = false
  var inContent = 0
  var contentType: String?
  var contentIsBase64 = false
  var summaryKey: String?
  var hasContent = false
  var guidIsLink = false
  /// Depth of elements opened inside content markup (their start is serialized, not dispatched).
  var markupElementNames: [String] = []
  /// Depths of the titles ended early because they were left unclosed (see `closeUnclosedTitle`).
  var titlesClosedEarly: [Int] = []

  init(baseURL: String?) {
    base = baseURL ?? ""
  }

  var context: FieldSet {
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
  func keepNewestEntries() {
    let kept = FieldLimits.newest(entries.count, limit: FieldLimits.entries) { entries[$0].rankingDate }
    entries = kept.map { entries[$0] }
  }

  /// Stores the title on top of the stack as if it had ended where the element now starting
  /// begins, and remembers its depth so that its real end is ignored.
  func closeUnclosedTitle() {
    depth -= 1  // the title's own depth, for the precedence rules
    endRole(.title, name: "title")
    titlesClosedEarly.append(depth)
    depth += 1
  }

  // MARK: - The element stack

  func push(_ name: String, expectingText: Bool) {
    stack.append(Frame(name: name, expectingText: expectingText))
  }

  func pushContent(_ name: String, attrs: XMLAttributes, defaultType: String, expectingText: Bool) {
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

  func popContent(_ name: String) -> String? {
    let value = popContentValue(name)
    return value?.value
  }

  /// Pops a text element and returns its value with its type (nil when the stack top is another).
  func popContentValue(_ name: String) -> TypedText? {
    let type = contentType
    let value = pop(name)
    inContent = max(0, inContent - 1)
    let finalType = lastPoppedType ?? type ?? "text/plain"
    contentType = nil
    contentIsBase64 = false
    guard let value else { return nil }
    return TypedText(value: value, type: finalType)
  }

  var lastPoppedType: String?

  /// Pops the element `name` if it is on top, stores its value where it belongs, and returns it.
  func pop(_ name: String) -> String? {
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
  func storeLinkText(_ text: String, into target: FieldSet) {
    let fixed = Self.fixLinkEntities(text)
    guard let last = target.links.indices.last else {
      target.link = fixed
      return
    }
    if !fixed.isEmpty { target.links[last].href = fixed }
    let link = target.links[last]
    if link.rel == "alternate" { target.link = fixed }
  }

  func storeAuthorText(_ value: String) {
    context.authorText = value
  }

  func store(_ key: String, _ value: String, typed: TypedText, into target: FieldSet) {
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

  func syncAuthor() {
    let target = context
    guard let last = target.authors.indices.last else { return }
    if !target.authors[last].isEmpty { return }
    guard let text = target.authorText, !text.isEmpty else { return }
    target.authors[last] = AuthorText.split(text)
  }

  // MARK: - Markup inside text elements

  /// A text element turned out to hold markup: from now on its children are kept as XHTML.
  func becomeXHTML() {
    contentType = "application/xhtml+xml"
    guard !stack.isEmpty else { return }
    let top = stack.count - 1
    if stack[top].pieces.isEmpty && !stack[top].buffer.isEmpty {
      stack[top].pieces.append(Piece(kind: .text, range: 0..<stack[top].buffer.count))
    }
  }

  func appendMarkup(_ markup: String, kind: Piece.Kind) {
    guard !stack.isEmpty, stack[stack.count - 1].buffer.count < FieldLimits.rawTextBytes else { return }
    let start = stack[stack.count - 1].buffer.count
    stack[stack.count - 1].buffer.append(contentsOf: markup.utf8)
    stack[stack.count - 1].pieces.append(Piece(kind: kind, range: start..<stack[stack.count - 1].buffer.count))
  }

  func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>) {
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
