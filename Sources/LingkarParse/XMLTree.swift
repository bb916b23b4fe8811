internal import CLibXML2

/// Read-only walks over a libxml2 document tree, for the small documents read whole (web pages
/// searched for feeds, OPML files). Names are compared case-insensitively: HTML pages and hand-made
/// OPML files spell them every way.
struct XMLTree {
  let document: xmlDocPtr

  /// Every element in document order, depth first, with the elements above it (outermost first).
  func forEachElement(_ body: (XMLTree.Element, [XMLTree.Element]) -> Void) {
    var ancestors: [Element] = []
    func visit(_ first: xmlNodePtr?) {
      var node = first
      while let current = node {
        if current.pointee.type == XML_ELEMENT_NODE {
          let element = Element(node: current)
          body(element, ancestors)
          ancestors.append(element)
          visit(current.pointee.children)
          ancestors.removeLast()
        } else if current.pointee.type == XML_DOCUMENT_NODE || current.pointee.type == XML_HTML_DOCUMENT_NODE {
          visit(current.pointee.children)
        }
        node = current.pointee.next
      }
    }
    visit(document.pointee.children)
  }

  /// The root element's name, lower-cased.
  var rootName: String? {
    guard let root = xmlDocGetRootElement(document) else { return nil }
    return Element(node: root).name
  }

  struct Element {
    let node: xmlNodePtr

    /// The local name, lower-cased.
    var name: String {
      guard let name = node.pointee.name else { return "" }
      return String(cString: name).lowercased()
    }

    /// The value of the attribute named `name` (any case); nil when absent.
    func attribute(_ name: String) -> String? {
      var attribute = node.pointee.properties
      while let current = attribute {
        if let raw = current.pointee.name, String(cString: raw).caseInsensitiveEquals(name) {
          return Self.text(of: current.pointee.children)
        }
        attribute = current.pointee.next
      }
      return nil
    }

    /// The text inside the element, every level down.
    var text: String {
      guard let content = xmlNodeGetContent(node) else { return "" }
      defer { CLibXML2_xmlFree(content) }
      return String(cString: content)
    }

    private static func text(of first: xmlNodePtr?) -> String {
      var out = ""
      var node = first
      while let current = node {
        if let content = current.pointee.content { out += String(cString: content) }
        node = current.pointee.next
      }
      return out
    }
  }
}

extension String {
  /// ASCII case-insensitive equality (names and attribute values of markup).
  func caseInsensitiveEquals(_ other: String) -> Bool {
    utf8.count == other.utf8.count && lowercased() == other.lowercased()
  }
}
