internal import CLibXML2

/// Plain text of an HTML fragment, through libxml2's HTML parser: tags removed, `script` and
/// `style` content dropped, block elements turned into a space, character references decoded,
/// then folded (`TextFolding`).
///
/// One instance keeps one libxml2 HTML parser context and reuses it for every fragment; it is not
/// thread-safe, so each parse session (and each batch of items made into ranking text) owns its own.
public final class HTMLText {
  private var context: htmlParserCtxtPtr?
  private var output: [UInt8] = []
  private var dropDepth = 0

  /// Elements whose start or end tag becomes a space.
  private static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
  ]
  /// Elements whose content is dropped.
  private static let droppedElements: Set<String> = ["script", "style"]

  public init() {}

  deinit {
    if let context { htmlFreeParserCtxt(context) }
  }

  /// The plain text of `html` (UTF-8 bytes), or nil when nothing but white space is left.
  func text(of html: UnsafeBufferPointer<UInt8>) -> String? {
    guard html.contains(where: { $0 == 0x3C || $0 == 0x26 }) else {
      return TextFolding.fold(html)  // no markup and no references: nothing to parse
    }
    output.removeAll(keepingCapacity: true)
    dropDepth = 0
    // Inside a `div`, so that libxml2 never opens an implied `p` (a block, hence a space) for text
    // at the top level: `<b>a</b>b` must give `ab`. The wrapper's own spaces are trimmed.
    var wrapped: [UInt8] = []
    wrapped.reserveCapacity(html.count + 11)
    wrapped.append(contentsOf: "<div>".utf8)
    wrapped.append(contentsOf: html)
    wrapped.append(contentsOf: "</div>".utf8)
    wrapped.withUnsafeBufferPointer { parse($0) }
    return output.withUnsafeBufferPointer { TextFolding.fold($0) }
  }

  func text(of html: [UInt8]) -> String? {
    html.withUnsafeBufferPointer { text(of: $0) }
  }

  public func text(of html: String) -> String? {
    var copy = html
    return copy.withUTF8 { text(of: $0) }
  }

  /// The plain text of the first `byteLimit` bytes of `html` (cut back to a whole character; an
  /// element cut in two is recovered from like any unclosed one).
  public func text(of html: String, byteLimit: Int) -> String? {
    var copy = html
    return copy.withUTF8 { bytes in
      var end = min(byteLimit, bytes.count)
      while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      return text(of: UnsafeBufferPointer(rebasing: bytes[..<end]))
    }
  }

  private func parse(_ html: UnsafeBufferPointer<UInt8>) {
    if context == nil {
      context = htmlNewParserCtxt()
      guard let context else { return }
      var sax = htmlSAXHandler()
      sax.startElement = { ctx, name, _ in HTMLText.from(ctx)?.start(name) }
      sax.endElement = { ctx, name in HTMLText.from(ctx)?.end(name) }
      sax.characters = { ctx, chars, length in HTMLText.from(ctx)?.characters(chars, length) }
      sax.ignorableWhitespace = { ctx, chars, length in HTMLText.from(ctx)?.characters(chars, length) }
      sax.cdataBlock = { ctx, chars, length in HTMLText.from(ctx)?.characters(chars, length) }
      sax.error = nil
      sax.warning = nil
      sax.serror = nil
      context.pointee.sax.pointee = sax
    }
    guard let context else { return }
    context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    let options =
      Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
          | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
    html.withMemoryRebound(to: CChar.self) { chars in
      let document = htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
      if let document { xmlFreeDoc(document) }
    }
    context.pointee._private = nil
  }

  private static func from(_ ctx: UnsafeMutableRawPointer?) -> HTMLText? {
    guard let ctx else { return nil }
    let parser = ctx.assumingMemoryBound(to: htmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return nil }
    return Unmanaged<HTMLText>.fromOpaque(owner).takeUnretainedValue()
  }

  private static func localName(_ name: UnsafePointer<xmlChar>?) -> String {
    guard let name else { return "" }
    let full = String(cString: name)
    if let colon = full.lastIndex(of: ":") { return String(full[full.index(after: colon)...]) }
    return full
  }

  private func start(_ name: UnsafePointer<xmlChar>?) {
    let local = Self.localName(name)
    if Self.droppedElements.contains(local) {
      dropDepth += 1
    } else if Self.blockElements.contains(local) {
      output.append(0x20)
    }
  }

  private func end(_ name: UnsafePointer<xmlChar>?) {
    let local = Self.localName(name)
    if Self.droppedElements.contains(local) {
      dropDepth = max(0, dropDepth - 1)
    } else if Self.blockElements.contains(local) {
      output.append(0x20)
    }
  }

  private func characters(_ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard dropDepth == 0, let chars, length > 0 else { return }
    output.append(contentsOf: UnsafeBufferPointer(start: chars, count: Int(length)))
  }
}
