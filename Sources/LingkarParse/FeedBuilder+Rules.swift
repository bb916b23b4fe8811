import Foundation

/// The stateless rules of `FeedBuilder`: content types, the outer `div` of Atom XHTML, and the
/// escaping of links and attributes.
extension FeedBuilder {
  /// Atom 1.0 XHTML content is wrapped in one `div` that is not part of the content.
  static func stripOuterDiv(_ frame: inout Frame) {
    var pieces = frame.pieces
    func isBlank(_ piece: Piece) -> Bool {
      piece.kind == .text
        && frame.buffer[piece.range].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
    while pieces.count > 1, let last = pieces.last, isBlank(last) { pieces.removeLast() }
    while pieces.count > 1, let first = pieces.first, isBlank(first) { pieces.removeFirst() }
    guard let first = pieces.first, let last = pieces.last, pieces.count > 1, first.kind == .startTag,
      last.kind == .endTag
    else { return }
    let firstText = frame.buffer[first.range]
    guard firstText.elementsEqual("<div>".utf8) || firstText.starts(with: "<div ".utf8),
      frame.buffer[last.range].elementsEqual("</div>".utf8)
    else { return }
    var level = 0
    for piece in pieces.dropLast() {
      if piece.kind == .endTag {
        level -= 1
        if level == 0 { return }
      } else if piece.kind == .startTag {
        level += 1
      }
    }
    var buffer: [UInt8] = []
    for piece in pieces.dropFirst().dropLast() { buffer.append(contentsOf: frame.buffer[piece.range]) }
    frame.buffer = buffer
  }

  static func mapContentType(_ type: String) -> String {
    let lower = type.lowercased()
    switch lower {
    case "text", "plain": return "text/plain"
    case "html": return "text/html"
    case "xhtml": return "application/xhtml+xml"
    default: return lower
    }
  }

  static func isHTMLType(_ type: String) -> Bool {
    type == "text/html" || type == "application/xhtml+xml"
  }

  static func escapeAttribute(_ value: String) -> String {
    var out = ""
    for character in value {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  /// `?a=1&amp;b=2` and `?a=1&b;=2` as some feeds double-escape query strings.
  static func fixLinkEntities(_ link: String) -> String {
    guard link.utf8.contains(0x26) else { return link }
    var text = link.replacingOccurrences(of: "&amp;", with: "&")
    guard text.utf8.contains(0x3B) else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      let nameEnd = after.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) } ?? after.endIndex
      if nameEnd != after.startIndex, nameEnd < after.endIndex, after[nameEnd] == ";" {
        out += "&" + after[..<nameEnd]
        rest = after[after.index(after: nameEnd)...]
      } else {
        out += "&"
        rest = after
      }
    }
    out += rest
    text = out
    return text
  }
}
