import Foundation

/// Splits an RSS author string such as `budi@example.com (Budi Santoso)` into name and e-mail.
/// A value with no valid address (`a@b (Budi)`) is kept whole as the name.
enum AuthorText {
  static func split(_ text: String) -> FieldSet.Author {
    guard let range = emailRange(in: text) else { return FieldSet.Author(name: text, email: nil) }
    let email = String(text[range])
    var name = text.replacingCharacters(in: range, with: "")
    for empty in ["()", "<>", "&lt;&gt;"] { name = name.replacingOccurrences(of: empty, with: "") }
    name = name.trimmingASCIISpace()
    if name.hasPrefix("(") { name.removeFirst() }
    if name.hasSuffix(")") { name.removeLast() }
    name = name.trimmingASCIISpace()
    return FieldSet.Author(name: name.isEmpty ? nil : name, email: email)
  }

  /// The first e-mail address: local part `[A-Za-z0-9_.+-]+`, `@`, then either an IPv4-like
  /// host or dotted labels ending in a 2-4 letter (or 1-3 digit) top-level label.
  static func emailRange(in text: String) -> Range<String.Index>? {
    let scalars = Array(text.unicodeScalars)
    func isLocal(_ s: Unicode.Scalar) -> Bool {
      s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.+-".unicodeScalars.contains(s))
    }
    func isLabel(_ s: Unicode.Scalar) -> Bool {
      s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-")
    }
    func isLetter(_ s: Unicode.Scalar) -> Bool { s.isASCII && s.properties.isAlphabetic }
    for at in scalars.indices where scalars[at] == "@" {
      var start = at
      while start > 0, isLocal(scalars[start - 1]) { start -= 1 }
      guard start < at else { continue }
      // Domain: one or more "label." then a top-level label.
      var index = at + 1
      var lastDot = -1
      var cursor = index
      while cursor < scalars.count, isLabel(scalars[cursor]) || scalars[cursor] == "." {
        if scalars[cursor] == "." { lastDot = cursor }
        cursor += 1
      }
      guard lastDot > at + 1 else { continue }
      // Top level: 2-4 letters or 1-3 digits right after some dot (greedy, as a regex would).
      var end = -1
      var dot = lastDot
      while dot > at {
        if scalars[dot] == "." && dot > at + 1 {
          var letters = dot + 1
          while letters < scalars.count, letters - dot <= 4, isLetter(scalars[letters]) { letters += 1 }
          if letters - dot - 1 >= 2 { end = letters; break }
          var digits = dot + 1
          while digits < scalars.count, digits - dot <= 3, ("0"..."9").contains(scalars[digits]) { digits += 1 }
          if digits - dot - 1 >= 1 { end = digits; break }
        }
        dot -= 1
      }
      guard end > 0 else { continue }
      index = end
      if index < scalars.count, scalars[index] == "]" { index += 1 }
      let lower = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: start)
      let upper = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: index)
      return lower..<upper
    }
    return nil
  }
}
