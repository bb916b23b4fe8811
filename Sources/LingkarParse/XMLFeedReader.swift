internal import CLibXML2
import Foundation

/// Drives libxml2's SAX2 push parser over UTF-8 input and hands normalized events to a
/// `FeedBuilder`.
///
/// Safety: the parser runs with `XML_PARSE_NONET` and without `NOENT`, `DTDLOAD` or `HUGE`, so
/// entities are never substituted by libxml2, no DTD or external entity is ever loaded, and nothing
/// is read from the network or the file system. Internal entities declared in the document are
/// expanded here, one level deep, within a byte budget (a billion-laughs document gets nowhere).
final class XMLFeedReader {
  let builder: FeedBuilder
  private var context: xmlParserCtxtPtr?
  private var entityBudget = 1 << 20
  private(set) var rootName: String?
  /// Holds the entities made up for references the document never declared.
  private var scratch: xmlDocPtr?
  private(set) var sawElement = false
  /// The elements open in the document as written, innermost last (see `endElement`).
  private var open: [OpenElement] = []
  /// How many elements libxml2 counts as open: more than `open.count` once one end tag has ended
  /// several elements here (libxml2 ends one per end tag).
  private var libxmlDepth = 0

  /// An open element and its name as libxml2 read it (prefix and local name, interned in the
  /// parser's dictionary, so the pointers live as long as the parser).
  private struct OpenElement {
    var element: ElementName
    var prefix: UnsafePointer<xmlChar>?
    var localname: UnsafePointer<xmlChar>?
    /// The namespaces it declares, as (prefix or nil for the default, URI) pairs; nil for none.
    var namespaces: [(UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?)]?
  }

  init(baseURL: String?) {
    builder = FeedBuilder(baseURL: baseURL)
  }

  deinit {
    if let scratch { xmlFreeDoc(scratch) }
    if let context {
      if let document = context.pointee.myDoc { xmlFreeDoc(document) }
      xmlFreeParserCtxt(context)
    }
  }

  private static let options: Int32 = Int32(
    XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue)

  private let ampersands = AmpersandRepair()

  /// Feeds UTF-8 bytes; call `finish` after the last chunk.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
    ampersands.repair(bytes) { feed($0) }
  }

  private func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
    if context == nil { start() }
    guard let context, bytes.count > 0, let base = bytes.baseAddress else { return }
    entityBudget += bytes.count
    // libxml2 refuses single chunks over 10 MB ("Huge input lookup"); feed in slices.
    var offset = 0
    while offset < bytes.count {
      let length = min(1 << 20, bytes.count - offset)
      base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
        _ = xmlParseChunk(context, $0, Int32(length), 0)
      }
      offset += length
    }
  }

  func finish() {
    ampersands.finish { feed($0) }
    if context == nil { start() }
    guard let context else { return }
    _ = xmlParseChunk(context, nil, 0, 1)
  }

  private func start() {
    CLibXML2_silenceErrors()
    var sax = xmlSAXHandler()
    xmlSAXVersion(&sax, 2)
    sax.startElementNs = { ctx, localname, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
      XMLFeedReader.from(ctx)?.startElement(
        localname, prefix, uri, Int(namespaceCount), namespaces, Int(attributeCount), attributes)
    }
    sax.endElementNs = { ctx, localname, prefix, uri in
      XMLFeedReader.from(ctx)?.endElement(localname, prefix, uri)
    }
    sax.characters = { ctx, chars, length in
      XMLFeedReader.from(ctx)?.text(chars, length)
    }
    sax.cdataBlock = { ctx, chars, length in
      XMLFeedReader.from(ctx)?.text(chars, length)
    }
    sax.ignorableWhitespace = { ctx, chars, length in
      XMLFeedReader.from(ctx)?.text(chars, length)
    }
    sax.reference = { ctx, name in
      XMLFeedReader.from(ctx)?.reference(name)
    }
    sax.getEntity = { ctx, name in
      XMLFeedReader.from(ctx)?.entity(ctx, name)
    }
    // Never resolve external entities, whatever the document asks for.
    sax.resolveEntity = { _, _, _ in nil }
    sax.externalSubset = { _, _, _, _ in }
    sax.error = nil
    sax.warning = nil
    sax.serror = { _, _ in }
    // The default handlers for the internal subset need the context as user data, so user_data
    // stays nil and the Swift object travels in `_private`.
    context = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil)
    guard let context else { return }
    _ = xmlCtxtUseOptions(context, Self.options)
    context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
  }

  private static func from(_ ctx: UnsafeMutableRawPointer?) -> XMLFeedReader? {
    guard let ctx else { return nil }
    let parser = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return nil }
    return Unmanaged<XMLFeedReader>.fromOpaque(owner).takeUnretainedValue()
  }

  // MARK: - Names

  private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private var elementNames = NameCache<ElementName>()
  private var attributeNames = NameCache<String>()

  /// Normalized element name, built once per distinct name.
  private func elementName(
    _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
  ) -> ElementName {
    let key = (UnsafeRawPointer(localname), UnsafeRawPointer(prefix), UnsafeRawPointer(uri))
    if let cached = elementNames.value(key.0, key.1, key.2) { return cached }
    let local = Self.string(localname) ?? ""
    var canonical: String?
    if let uri = Self.string(uri) {
      canonical = XMLNamespaces.canonicalPrefix[uri.lowercased()]
    }
    let chosen = canonical ?? Self.string(prefix) ?? ""
    let lowerLocal = local.lowercased()
    let name = chosen.isEmpty ? lowerLocal : chosen.lowercased() + "_" + lowerLocal
    let result = ElementName(name: name, markup: local)
    elementNames.insert(result, key.0, key.1, key.2)
    return result
  }

  /// Normalized attribute name: lower-cased, with the canonical prefix of a known namespace
  /// (`xml:base`, `rdf:about`); the prefix of an unknown namespace is dropped.
  private func attributeName(
    _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
  ) -> String {
    let key = (UnsafeRawPointer(localname), UnsafeRawPointer(prefix), UnsafeRawPointer(uri))
    if let cached = attributeNames.value(key.0, key.1, key.2) { return cached }
    let local = (Self.string(localname) ?? "").lowercased()
    var name = local
    if let attributeURI = Self.string(uri) {
      if let canonical = XMLNamespaces.canonicalPrefix[attributeURI.lowercased()], !canonical.isEmpty {
        name = canonical + ":" + local
      }
    } else if let attributePrefix = Self.string(prefix) {
      name = attributePrefix.lowercased() + ":" + local
    }
    attributeNames.insert(name, key.0, key.1, key.2)
    return name
  }

  // MARK: - Callbacks

  private func startElement(
    _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
    _ namespaceCount: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  ) {
    var declared: [(UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?)]?
    if let namespaces, namespaceCount > 0 {
      declared = []
      for index in 0..<namespaceCount {
        declared?.append((namespaces[index * 2], namespaces[index * 2 + 1]))
        let declaredPrefix = Self.string(namespaces[index * 2])
        if let declaredURI = Self.string(namespaces[index * 2 + 1]) {
          builder.declareNamespace(prefix: declaredPrefix, uri: declaredURI)
        }
      }
    }
    // Once elements were ended early, libxml2 still has them open, with the namespaces they
    // declared (`<div xmlns="…xhtml">` around an unclosed `<p>` would put the Atom `<updated>`
    // after the content in the XHTML namespace): the element's namespace is looked up here.
    var uri = uri
    if libxmlDepth != open.count {
      uri = namespaceURI(of: prefix, declaredHere: declared)
    }
    libxmlDepth += 1
    let element = elementName(localname, prefix, uri)
    if !sawElement {
      sawElement = true
      rootName = element.name
    }
    var attrs: [(name: String, value: String)] = []
    if let attributes, attributeCount > 0 {
      attrs.reserveCapacity(attributeCount)
      for index in 0..<attributeCount {
        let base = index * 5
        let attributeName = attributeName(attributes[base], attributes[base + 1], attributes[base + 2])
        var value = ""
        if let start = attributes[base + 3], let end = attributes[base + 4] {
          let length = end - start
          value = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
          if value.containsBytes("&#") {
            value = Self.decodeCharacterReferences(value)
          }
        }
        attrs.append((attributeName, value))
      }
    }
    open.append(OpenElement(element: element, prefix: prefix, localname: localname, namespaces: declared))
    builder.start(element, attributes: attrs)
  }

  /// Ends elements by the end tag as written, as an HTML parser would, not by libxml2's count.
  ///
  /// Raw HTML in an RSS description is common: `<description>Rapat<br>Aula<p>Bawa
  /// rapor.</description>`. libxml2, recovering, takes each end tag for the end of the innermost
  /// open element whatever its name, so here `</description>` ends the `<p>`, `</item>` the
  /// `<br>`, and the description swallows every item after it. Instead, an end tag ends the
  /// innermost open element of its name and every element opened inside it; an end tag that
  /// matches no open element (`</p>` without `<p>`) ends nothing.
  private func endElement(
    _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
  ) {
    libxmlDepth -= 1
    guard let innermost = open.last else {
      builder.end(elementName(localname, prefix, uri))
      return
    }
    if let written = writtenEndTagName(), !Self.names(innermost, written) {
      guard let index = open.lastIndex(where: { Self.names($0, written) }) else { return }
      while open.count > index { builder.end(open.removeLast().element) }
      return
    }
    builder.end(open.removeLast().element)
  }

  /// The namespace `prefix` (nil: the default namespace) names among the elements open here,
  /// the innermost declaration first; nil when none declares it.
  private func namespaceURI(
    of prefix: UnsafePointer<xmlChar>?, declaredHere: [(UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?)]?
  ) -> UnsafePointer<xmlChar>? {
    func same(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
      guard let a, let b else { return a == nil && b == nil }
      return a == b
        || strcmp(
          UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self),
          UnsafeRawPointer(b).assumingMemoryBound(to: CChar.self)) == 0
    }
    if let found = declaredHere?.last(where: { same($0.0, prefix) }) { return found.1 }
    for element in open.reversed() {
      if let found = element.namespaces?.last(where: { same($0.0, prefix) }) { return found.1 }
    }
    return nil
  }

  /// The name in the end tag libxml2 has just read (`</name>` or `</name >`, the bytes right
  /// before its cursor); nil when the element ended otherwise (an empty-element tag `<br/>`) or
  /// the tag is no longer in the input buffer.
  private func writtenEndTagName() -> UnsafeBufferPointer<UInt8>? {
    guard let input = context?.pointee.input, let base = input.pointee.base, let cursor = input.pointee.cur,
      cursor - base >= 4, cursor[-1] == UInt8(ascii: ">")
    else { return nil }
    var index = -2
    while cursor - base + index > 0, Self.isBlank(cursor[index]) { index -= 1 }
    let nameEnd = index + 1
    while cursor - base + index > 0, Self.isNameByte(cursor[index]) { index -= 1 }
    guard nameEnd > index + 1, cursor - base + index >= 1, cursor[index] == UInt8(ascii: "/"),
      cursor[index - 1] == UInt8(ascii: "<")
    else { return nil }
    return UnsafeBufferPointer(start: cursor + index + 1, count: nameEnd - index - 1)
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !isBlank(byte) && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/")
      && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
  }

  /// Whether `written` (`prefix:local` or `local`) is the element's name, ignoring ASCII case
  /// (`<EM>…</em>` in an HTML description).
  private static func names(_ element: OpenElement, _ written: UnsafeBufferPointer<UInt8>) -> Bool {
    var position = 0
    func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    func consume(_ name: UnsafePointer<xmlChar>) -> Bool {
      var byte = name
      while byte.pointee != 0 {
        guard position < written.count, lower(written[position]) == lower(byte.pointee) else { return false }
        position += 1
        byte += 1
      }
      return true
    }
    if let prefix = element.prefix {
      guard consume(prefix), position < written.count, written[position] == UInt8(ascii: ":") else { return false }
      position += 1
    }
    guard let localname = element.localname, consume(localname) else { return false }
    return position == written.count
  }

  private func text(_ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let chars, length > 0 else { return }
    builder.characters(UnsafeBufferPointer(start: chars, count: Int(length)))
  }

  /// libxml2 reports a reference it did not inline; with `entity(_:_:)` answering every lookup,
  /// only references to external entities end up here, and those are never read.
  private func reference(_ name: UnsafePointer<xmlChar>?) {}

  /// Answers libxml2's entity lookups so that no entity is ever expanded by libxml2 itself:
  /// - the five XML entities as they are;
  /// - an internal entity the document declares: its replacement text, taken literally (nested
  ///   references are not expanded), within a byte budget, so a billion-laughs document yields
  ///   a few bytes of text;
  /// - an external entity: nothing (never loaded, not even from `file://`);
  /// - an undeclared name: see `undeclaredEntity`.
  ///
  /// libxml2 2.9 drops a reference, even one answered here, once the document has had any
  /// well-formedness error (`xmlParseReference` checks `wellFormed` right after this lookup), so
  /// `&eacute;` after one unclosed tag would vanish. Lingkar always recovers and never reads the
  /// flag, so the lookup sets it back. (The five predefined entities never get here: they reach
  /// libxml2 as character references, see `AmpersandRepair`.)
  private func entity(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
    guard let context, let name else { return nil }
    if context.pointee.inSubset != 0 { return xmlSAX2GetEntity(ctx, name) }
    context.pointee.wellFormed = 1
    guard let declared = xmlSAX2GetEntity(ctx, name) else { return undeclaredEntity(name) }
    switch declared.pointee.etype {
    case XML_INTERNAL_PREDEFINED_ENTITY:
      return declared
    case XML_INTERNAL_GENERAL_ENTITY:
      let length = Int(declared.pointee.length)
      // Over budget: an empty entity (nil would make libxml2 fall back to the declared entity
      // and expand it itself).
      guard length <= entityBudget else { return madeEntity(name: "lingkar-over-budget", text: "") }
      entityBudget -= length
      let text = declared.pointee.content.map { String(cString: $0) } ?? ""
      return madeEntity(name: "lingkar-declared-" + String(cString: name), text: text)
    default:
      return nil
    }
  }

  /// An entity the document uses but never declares (`&eacute;` in a feed without DTD): an HTML
  /// entity becomes its character, any other name stays as written, as feed readers have always
  /// done. Returned as a predefined entity so libxml2 inlines it as text.
  private func undeclaredEntity(_ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
    guard let name else { return nil }
    let text = String(cString: name)
    let replacement: String
    if let codePoint = HTMLEntities.html4[text], let scalar = Unicode.Scalar(codePoint) {
      replacement = String(Character(scalar))
    } else {
      replacement = "&\(text);"
    }
    return madeEntity(name: text, text: replacement)
  }

  /// An entity of our own whose text libxml2 inlines as it is (it is marked predefined).
  private func madeEntity(name: String, text: String) -> xmlEntityPtr? {
    if scratch == nil {
      scratch = xmlNewDoc(nil)
      _ = xmlCreateIntSubset(scratch, nil, nil, nil)
    }
    if let made = xmlGetDocEntity(scratch, name) { return made }
    guard let entity = xmlAddDocEntity(scratch, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil, text)
    else { return nil }
    entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
    return entity
  }

  /// libxml2 leaves `&#38;`-style references in attribute values only when recovering; decode them.
  static func decodeCharacterReferences(_ value: String) -> String {
    guard value.containsBytes("&#") else { return value }
    var out = ""
    var rest = Substring(value)
    while let amp = rest.range(of: "&#") {
      out += rest[..<amp.lowerBound]
      let after = rest[amp.upperBound...]
      guard let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 8
      else {
        out += "&#"
        rest = after
        continue
      }
      let digits = after[..<semicolon]
      let number: UInt32? =
        digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      if let number, let scalar = Unicode.Scalar(number) {
        out.unicodeScalars.append(scalar)
        rest = after[after.index(after: semicolon)...]
      } else {
        out += "&#"
        rest = after
      }
    }
    out += rest
    return out
  }
}
