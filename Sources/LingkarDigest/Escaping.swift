import Foundation

/// The one place where text from feeds is made safe for the outputs.
///
/// - Text: control characters (C0 except tab and line feed, DEL, C1) and noncharacters are
///   dropped, so every output is valid XML 1.0 as well as HTML; `& < > " '` become references.
/// - Links: only absolute `http` and `https` URLs with a host pass `safeLink`; anything else
///   (`javascript:`, `data:`, `file:`, relative or protocol-relative addresses, addresses with
///   spaces, quotes or control characters) is rendered as plain text, never as a link.
public enum Escaping {
  /// Text with control characters and noncharacters removed; tabs and line breaks become spaces
  /// when `singleLine`.
  public static func clean(_ text: String, singleLine: Bool = true) -> String {
    var scalars = String.UnicodeScalarView()
    var changed = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D:
        if singleLine {
          scalars.append(" ")
          changed = true
        } else {
          scalars.append(scalar.value == 0x0D ? "\n" : scalar)
          changed = changed || scalar.value == 0x0D
        }
      case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF:
        changed = true
      case _ where scalar.value & 0xFFFE == 0xFFFE:
        changed = true
      default:
        scalars.append(scalar)
      }
    }
    return changed ? String(scalars) : text
  }

  /// Text for HTML or XML element content and quoted attribute values.
  public static func html(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in clean(text).unicodeScalars {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(character)
      }
    }
    return output
  }

  /// A value for a double-quoted attribute (the same rules as `html`).
  public static func attribute(_ text: String) -> String { html(text) }

  /// The link when it is an absolute http or https URL with a host and nothing that could break
  /// out of an attribute or be read differently by a browser; nil otherwise.
  public static func safeLink(_ link: String?) -> String? {
    guard let link else { return nil }
    let trimmed = link.trimmingSpaces()
    let lowered = trimmed.lowercased()
    let rest: Substring
    if lowered.hasPrefix("https://") {
      rest = trimmed.dropFirst(8)
    } else if lowered.hasPrefix("http://") {
      rest = trimmed.dropFirst(7)
    } else {
      return nil
    }
    for scalar in trimmed.unicodeScalars {
      switch scalar.value {
      case 0x00...0x20, 0x7F...0x9F, 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x60: return nil
      default: continue
      }
    }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
    guard !host.isEmpty, !host.hasPrefix(":") else { return nil }
    return trimmed
  }

  /// A short form of a safe link for print (`gurukreatif.example/2026/11/exit-ticket…`): no
  /// scheme, no `www.`, no query, at most `limit` characters.
  public static func shortLink(_ link: String, limit: Int = 48) -> String {
    var text = Substring(link)
    if let range = text.range(of: "://") { text = text[range.upperBound...] }
    if text.lowercased().hasPrefix("www.") { text = text.dropFirst(4) }
    if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
    // The query says which page it is when the path alone does not (`youtube.com/watch?v=…`).
    if let query = text.firstIndex(of: "?"), text[..<query].filter({ $0 == "/" }).count > 1 { text = text[..<query] }
    if text.hasSuffix("/") { text = text.dropLast() }
    return text.count > limit ? String(text.prefix(limit - 1)) + "…" : String(text)
  }

  /// Plain text shortened to about `limit` characters at a word boundary, whitespace collapsed.
  public static func excerpt(_ text: String, limit: Int = 240) -> String {
    // Only the start can show: work on a bounded prefix, so a long text costs no more than a short.
    let window = limit * 2 + 16
    let cut = text.unicodeScalars.count > window
    let start = cut ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(window))) : text
    let words = clean(start).split(whereSeparator: { $0.isWhitespace })
    var output = ""
    var length = 0
    for (index, word) in words.enumerated() {
      let wordLength = word.count
      let needed = output.isEmpty ? wordLength : wordLength + 1
      // The last word of a cut text may itself be cut: end there, as if the limit were reached.
      if length + needed > limit || (cut && index == words.count - 1) {
        if output.isEmpty { output = String(word.prefix(limit - 1)) }
        while let last = output.last, last.isPunctuation || last.isWhitespace { output.removeLast() }
        return output + "…"
      }
      if !output.isEmpty { output += " " }
      output += word
      length += needed
    }
    return output
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Escaping {
  /// Text for Markdown: ASCII punctuation that could start markup (emphasis, links, raw HTML,
  /// entities, code, tables) is backslash-escaped, so a title shows as written and never as HTML.
  public static func markdown(_ text: String) -> String {
    var output = ""
    var onlyDigits = true
    for (index, character) in clean(text).enumerated() {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~":
        output += "\\" + String(character)
      case "#", "+", "-", "=":
        output += index == 0 ? "\\" + String(character) : String(character)
      case ".":
        // `2026. ` at the start would open an ordered list.
        output += onlyDigits && index > 0 ? "\\." : "."
      default:
        output.append(character)
      }
      onlyDigits = onlyDigits && character.isASCII && character.isNumber
    }
    return output
  }

  /// A safe link for a Markdown destination: parentheses percent-encoded.
  public static func markdownLink(_ link: String) -> String {
    link.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
  }
}
