import CLibXML2

/// The elements and attributes of a document read by libxml2 as strict XML (no recovery, no
/// network, no entity substitution): a page that is not well-formed fails the parse instead of
/// passing by luck. Every XML and HTML parse in Lingkar goes through libxml2, the tests' too.
struct StrictMarkup {
  struct Element {
    /// The qualified name (`prefix:name` when the element has a prefix).
    var name: String
    var attributes: [String: String]
    /// Names of the open elements around it, outermost first.
    var path: [String]
  }

  private(set) var elements: [Element] = []
  /// The character data of the whole document, in document order.
  private(set) var text = ""
  /// libxml2's message and line when the document is not well-formed.
  private(set) var error: String?

  init(_ markup: String) {
    // The HTML5 doctype is not XML's; everything after it must be.
    let body = markup.hasPrefix("<!DOCTYPE html>") ? String(markup.dropFirst("<!DOCTYPE html>".count)) : markup
    guard let context = xmlNewParserCtxt() else {
      error = "libxml2 could not make a parser context"
      return
    }
    defer { xmlFreeParserCtxt(context) }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let bytes = Array(body.utf8)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), "strict.xml", "UTF-8", options)
      }
    }
    defer { xmlFreeDoc(document) }
    guard let document, context.pointee.wellFormed != 0, let root = xmlDocGetRootElement(document) else {
      let last = context.pointee.lastError
      let message = last.message.map { String(cString: $0).trimmingCharacters(in: "\n ") } ?? "parse failed"
      error = "\(message) at line \(last.line)"
      return
    }
    walk(root, path: [])
  }

  private mutating func walk(_ node: xmlNodePtr, path: [String]) {
    var child: xmlNodePtr? = node
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        let name = Self.qualifiedName(current.pointee.name, current.pointee.ns)
        var attributes: [String: String] = [:]
        var attribute = current.pointee.properties
        while let property = attribute {
          let value = xmlNodeListGetString(current.pointee.doc, property.pointee.children, 1)
          attributes[Self.qualifiedName(property.pointee.name, property.pointee.ns)] =
            value.map { String(cString: $0) } ?? ""
          if let value { CLibXML2_xmlFree(value) }
          attribute = property.pointee.next
        }
        elements.append(Element(name: name, attributes: attributes, path: path))
        if let children = current.pointee.children { walk(children, path: path + [name]) }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { text += String(cString: content) }
      default:
        break
      }
      child = current.pointee.next
    }
  }

  private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
    let local = name.map { String(cString: $0) } ?? ""
    guard let prefix = namespace?.pointee.prefix else { return local }
    return String(cString: prefix) + ":" + local
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result = result.dropFirst() }
    while let last = result.last, set.contains(last) { result = result.dropLast() }
    return String(result)
  }
}
