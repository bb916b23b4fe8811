/// Decides whether RSS text that claims to be plain is really HTML: it must have a closing tag or
/// a character reference, every tag must be a known HTML element, every named reference a known
/// HTML entity.
enum HTMLHeuristics {
  static func looksLikeHTML(_ text: String) -> Bool {
    guard text.utf8.contains(0x3C) || text.utf8.contains(0x26) else { return false }
    let scalars = Array(text.unicodeScalars)
    var hasCloseTag = false
    var hasReference = false
    var index = 0
    func isWord(_ s: Unicode.Scalar) -> Bool {
      s.properties.isAlphabetic || s.properties.numericType != nil || s == "_"
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<" {
        var cursor = index + 1
        let closing = cursor < scalars.count && scalars[cursor] == "/"
        if closing { cursor += 1 }
        let nameStart = cursor
        while cursor < scalars.count, isWord(scalars[cursor]) { cursor += 1 }
        if cursor > nameStart {
          let name = String(String.UnicodeScalarView(scalars[nameStart..<cursor])).lowercased()
          if !knownElements.contains(name) { return false }
          if closing, cursor < scalars.count, scalars[cursor] == ">" { hasCloseTag = true }
        }
        index = max(cursor, index + 1)
        continue
      }
      if scalar == "&" {
        var cursor = index + 1
        let numeric = cursor < scalars.count && scalars[cursor] == "#"
        if numeric { cursor += 1 }
        let nameStart = cursor
        while cursor < scalars.count, isWord(scalars[cursor]) { cursor += 1 }
        if cursor > nameStart, cursor < scalars.count, scalars[cursor] == ";" {
          hasReference = true
          if !numeric {
            let name = String(String.UnicodeScalarView(scalars[nameStart..<cursor]))
            if HTMLEntities.html4[name] == nil { return false }
          }
        }
        index = max(cursor, index + 1)
        continue
      }
      index += 1
    }
    return hasCloseTag || hasReference
  }

  /// HTML elements that may appear in feed text.
  static let knownElements: Set<String> = [
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br",
    "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid",
    "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
    "fieldset", "figcaption", "figure", "footer", "font", "form", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "input", "ins", "keygen", "kbd", "label", "legend", "li", "m", "map", "menu", "meter",
    "multicol", "nav", "nextid", "ol", "output", "optgroup", "option", "p", "pre", "progress", "q", "s", "samp",
    "section", "select", "small", "sound", "source", "spacer", "span", "strike", "strong", "sub", "sup",
    "table", "tbody", "td", "textarea", "time", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "video",
    "noscript",
  ]
}
