internal import CLibXML2
import Foundation
public import LingkarModel

/// Reads OPML subscription lists as feed readers export them (Feedly, Inoreader, NetNewsWire,
/// Miniflux, Thunderbird…): every `outline` with an `xmlUrl` is a feed, at any depth; the folders
/// around it and its `category` attribute become its tags.
///
/// libxml2 reads the file with `XML_PARSE_NONET` and without entity substitution, like feeds; bare
/// ampersands in addresses, which some exporters leave unescaped, are repaired first.
public enum OPMLReader {
  public static func read(_ bytes: [UInt8]) throws(OPMLReadError) -> OPMLDocument {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw .empty }
    var repaired: [UInt8] = []
    repaired.reserveCapacity(bytes.count)
    let repair = AmpersandRepair()
    bytes.withUnsafeBufferPointer { repair.repair($0) { repaired.append(contentsOf: $0) } }
    repair.finish { repaired.append(contentsOf: $0) }

    CLibXML2_silenceErrors()
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
    let parsed = repaired.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), nil, nil, options) }
    }
    guard let document = parsed else { throw .unreadable }
    defer { xmlFreeDoc(document) }
    let tree = XMLTree(document: document)
    guard let root = tree.rootName else { throw .unreadable }
    guard root == "opml" else { throw .notOPML(root: root) }

    var result = OPMLDocument()
    tree.forEachElement { element, ancestors in
      switch element.name {
      case "title" where ancestors.last?.name == "head" && result.title == nil:
        let title = Self.clean(element.text)
        result.title = title.isEmpty ? nil : title
      case "outline":
        guard let address = element.attribute("xmlUrl").map(Self.clean), !address.isEmpty else { return }
        var tags: [String] = []
        for folder in ancestors where folder.name == "outline" {
          // A feed inside a feed (rare) gives no tag; a folder is an outline without an address.
          if folder.attribute("xmlUrl") == nil, let name = Self.name(of: folder) { tags.append(name) }
        }
        for category in (element.attribute("category") ?? "").split(separator: ",") {
          tags += category.split(separator: "/").map { Self.clean(String($0)) }.filter { !$0.isEmpty }
        }
        var seen: Set<String> = []
        tags = tags.filter { seen.insert($0.lowercased()).inserted }
        let html = element.attribute("htmlUrl").map(Self.clean)
        result.feeds.append(
          OPMLFeed(
            xmlURL: address, htmlURL: html?.isEmpty == false ? html : nil, title: Self.name(of: element), tags: tags))
      default:
        break
      }
    }
    return result
  }

  /// An outline's `title`, else its `text`.
  private static func name(of element: XMLTree.Element) -> String? {
    for attribute in ["title", "text"] {
      if let value = element.attribute(attribute).map(clean), !value.isEmpty { return value }
    }
    return nil
  }

  private static func clean(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// Why a file could not be read as OPML.
public enum OPMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file is empty.
  case empty
  /// The bytes are not XML.
  case unreadable
  /// XML, but not OPML (the root element is given).
  case notOPML(root: String)

  /// What is wrong, for people.
  public var message: Message {
    switch self {
    case .empty: Message("errors.opml.empty")
    case .unreadable: Message("errors.opml.not-xml")
    case .notOPML(let root): Message("errors.opml.not-opml", ["root": .text(root)])
    }
  }

  public var description: String { message.description }
}
