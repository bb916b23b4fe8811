import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The elements and attributes of a document read by a strict XML parser: a page that is not
/// well-formed fails the parse instead of passing by luck.
final class StrictMarkup: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    /// Names of the open elements around it, outermost first.
    var path: [String]
  }

  private(set) var elements: [Element] = []
  private(set) var text = ""
  private(set) var error: String?
  private var stack: [String] = []

  init(_ markup: String) {
    super.init()
    // The HTML5 doctype is not XML's; everything after it must be.
    let body = markup.hasPrefix("<!DOCTYPE html>") ? String(markup.dropFirst("<!DOCTYPE html>".count)) : markup
    let parser = XMLParser(data: Data(body.utf8))
    parser.delegate = self
    parser.shouldResolveExternalEntities = false
    if !parser.parse() {
      error = parser.parserError.map { "\($0) at line \(parser.lineNumber)" } ?? "parse failed at line \(parser.lineNumber)"
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(Element(name: elementName, attributes: attributes, path: stack))
    stack.append(elementName)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    text += String(decoding: CDATABlock, as: UTF8.self)
  }
}
