/// The tokenizer as first written (over Unicode scalars), kept as the reference the byte-level
/// tokenizer must agree with.
enum ScalarTokenizer {
  static func tokens(_ text: String) -> [String] {
    var output: [String] = []
    output.reserveCapacity(text.utf8.count / 6)
    let scalars = Array(text.unicodeScalars)
    var index = 0
    let count = scalars.count
    while index < count {
      let scalar = scalars[index]
      if scalar == "#", index + 1 < count, isWordScalar(scalars[index + 1]) {
        var end = index + 1
        while end < count, isWordScalar(scalars[end]) || scalars[end] == "_" { end += 1 }
        appendHashtag(scalars[(index + 1)..<end], to: &output)
        index = end
      } else if scalar == "@", index + 1 < count, isWordScalar(scalars[index + 1]),
        index == 0 || !isWordScalar(scalars[index - 1])
      {
        index = skipWhile(scalars, from: index + 1) { isWordScalar($0) || "_.@-".unicodeScalars.contains($0) }
      } else if isWordScalar(scalar) {
        if startsAddress(scalars, at: index) {
          index = skipWhile(scalars, from: index) { !$0.properties.isWhitespace }
          continue
        }
        var end = index
        while end < count {
          let current = scalars[end]
          if isWordScalar(current) {
            end += 1
          } else if end + 1 < count, isJoiner(current), isWordScalar(scalars[end + 1]),
            current != "." && current != "," || isDigit(scalars[end - 1]) && isDigit(scalars[end + 1])
          {
            end += 1
          } else {
            break
          }
        }
        appendWord(scalars[index..<end], to: &output)
        index = end
      } else {
        index += 1
      }
    }
    return output
  }

  /// Lower-cases and folds one word; splits compounds and collapses reduplications.
  static func appendWord(_ raw: ArraySlice<Unicode.Scalar>, to output: inout [String]) {
    // Fast path: a plain ASCII word.
    if raw.allSatisfy({ $0.isASCII && isWordScalar($0) }) {
      output.append(String(decoding: raw.map { UInt8(truncatingIfNeeded: lowered($0).value) }, as: UTF8.self))
      return
    }
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var pendingApostrophe = false
    for scalar in raw {
      if scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" {
        parts.append(String(current))
        current = String.UnicodeScalarView()
        pendingApostrophe = false
      } else if scalar == "'" || scalar == "\u{2019}" {
        pendingApostrophe = true
      } else {
        if pendingApostrophe {
          current.append(contentsOf: "'".unicodeScalars)
          pendingApostrophe = false
        }
        appendFolded(scalar, to: &current)
      }
    }
    parts.append(String(current))
    parts = parts.map(dropApostrophes).filter { !$0.isEmpty }
    if parts.count == 2 {
      let (first, second) = (parts[0], parts[1])
      if first == second || first.hasSuffix(second) {
        output.append(first)
        return
      }
      if second.hasPrefix(first) && second.count - first.count <= 3 {
        output.append(second)
        return
      }
    }
    output.append(contentsOf: parts)
  }

  /// `teacher's` → `teacher`; `don't` → `dont`.
  static func dropApostrophes(_ word: String) -> String {
    guard word.contains("'") else { return word }
    if word.hasSuffix("'s") { return String(word.dropLast(2)).replacingApostrophesForReference() }
    return word.replacingApostrophesForReference()
  }

  static func appendHashtag(_ raw: ArraySlice<Unicode.Scalar>, to output: inout [String]) {
    var pieces: [ArraySlice<Unicode.Scalar>] = []
    var start = raw.startIndex
    var index = raw.startIndex
    while index < raw.endIndex {
      let scalar = raw[index]
      if scalar == "_" {
        if start < index { pieces.append(raw[start..<index]) }
        start = index + 1
      } else if index > start {
        let previous = raw[index - 1]
        let lowerToUpper = isLower(previous) && isUpper(scalar)
        let acronymEnd =
          isUpper(previous) && isUpper(scalar) && index + 1 < raw.endIndex && isLower(raw[index + 1])
        let lettersToDigits = isLetter(previous) && isDigit(scalar) && index - start >= 3
        if lowerToUpper || acronymEnd || lettersToDigits {
          pieces.append(raw[start..<index])
          start = index
        }
      }
      index += 1
    }
    if start < raw.endIndex { pieces.append(raw[start..<raw.endIndex]) }
    for piece in pieces { appendWord(piece, to: &output) }
  }

  static let addressPrefixes: [[Unicode.Scalar]] = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

  static func startsAddress(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    let first = lowered(scalars[index])
    guard first == "h" || first == "w" else { return false }
    for wanted in addressPrefixes {
      guard index + wanted.count <= scalars.count else { continue }
      var matches = true
      for (offset, scalar) in wanted.enumerated() where lowered(scalars[index + offset]) != scalar {
        matches = false
        break
      }
      if matches { return true }
    }
    return false
  }

  static func skipWhile(
    _ scalars: [Unicode.Scalar], from start: Int, _ predicate: (Unicode.Scalar) -> Bool
  ) -> Int {
    var index = start
    while index < scalars.count, predicate(scalars[index]) { index += 1 }
    return index
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
  }

  static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "-", "\u{2010}", "\u{2011}", "'", "\u{2019}", ".", ",": return true
    default: return false
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool { isWordScalar(scalar) && !isDigit(scalar) }
  static func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }
  static func isLower(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase || isDigit(scalar) }

  static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value >= 0x41 && scalar.value <= 0x5A { return Unicode.Scalar(scalar.value + 0x20) ?? scalar }
    return scalar
  }

  /// Appends the lower-case, accent-folded form of one scalar.
  static func appendFolded(_ scalar: Unicode.Scalar, to view: inout String.UnicodeScalarView) {
    if scalar.isASCII {
      view.append(lowered(scalar))
      return
    }
    let lower = scalar.properties.lowercaseMapping
    for piece in lower.unicodeScalars {
      if let folded = foldedLatin[piece] {
        view.append(folded)
      } else if piece.properties.generalCategory != .nonspacingMark {
        view.append(piece)
      }
    }
  }

  /// Latin letters with diacritics → their base letter.
  static let foldedLatin: [Unicode.Scalar: Unicode.Scalar] = {
    let table: [(String, Unicode.Scalar)] = [
      ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēė", "e"), ("ìíîïī", "i"), ("ñń", "n"),
      ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("šś", "s"), ("žź", "z"),
    ]
    var map: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (letters, base) in table {
      for letter in letters.unicodeScalars { map[letter] = base }
    }
    return map
  }()
}

extension String {
  fileprivate func replacingApostrophesForReference() -> String {
    String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "'" }))
  }
}
