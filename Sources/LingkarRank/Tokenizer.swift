/// Splits text into lower-cased word tokens, the same way for item texts and topic keywords.
///
/// - Letters and digits of any script make words; accents on Latin letters are folded (`é` → `e`).
/// - Hyphenated words: a reduplication (`anak-anak`, `berlari-lari`, `anak-anaknya`) becomes one word;
///   any other compound (`well-being`, `project-based`) becomes its parts.
/// - Hashtags are split where the case changes: `#KurikulumMerdeka` → `kurikulum`, `merdeka`.
/// - Mentions (`@user@instance`) and web addresses are dropped; an English possessive `'s` is dropped.
/// - Numbers stay words (`2025`, `4`, `p5`); `3.5` and `1.000` stay whole.
public enum Tokenizer {
  public static func tokens(_ text: String) -> [String] {
    var output: [String] = []
    forEachToken(text) { output.append(String(decoding: $0, as: UTF8.self)) }
    return output
  }

  /// Calls `body` with the UTF-8 bytes of each token, in order. The common case (a plain ASCII word)
  /// is lower-cased into a scratch buffer without making a `String`; words with non-ASCII letters,
  /// hyphens or apostrophes, and hashtags, go through the Unicode-aware path.
  /// Only the first `limit` bytes are read, cut back to the last space before it, so a word is never
  /// split. Web addresses are not tokens; `address` is called with the bytes of each (as written, up
  /// to the next space).
  static func forEachToken(
    _ text: String, limit: Int = .max, address: (UnsafeBufferPointer<UInt8>) -> Void = { _ in },
    _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var text = text
    text.withUTF8 { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scratchCapacity) { scratch in
        scan(
          UnsafeBufferPointer(rebasing: bytes[..<prefixLength(bytes, limit: limit)]), scratch: scratch, address, body)
      }
    }
  }

  /// The length of the longest prefix of at most `limit` bytes that ends before a space (or, in a
  /// text without spaces there, before a whole character).
  static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard limit < bytes.count else { return bytes.count }
    var end = limit
    while end > 0, !isASCIIWhitespace(UInt32(bytes[end])) { end -= 1 }
    if end > 0 { return end }
    end = limit
    while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return end
  }

  static let scratchCapacity = 64

  private static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>,
    _ address: (UnsafeBufferPointer<UInt8>) -> Void, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "#") {
        if index + 1 < count, isWord(bytes, at: index + 1) {
          var end = index + 1
          while end < count {
            if bytes[end] == UInt8(ascii: "_") {
              end += 1
            } else if isWord(bytes, at: end) {
              end += length(bytes[end])
            } else {
              break
            }
          }
          var pieces: [String] = []
          let scalars = Array(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self).unicodeScalars)
          appendHashtag(scalars[...], to: &pieces)
          emit(pieces, body)
          index = end
        } else {
          index += 1
        }
        continue
      }
      if byte == UInt8(ascii: "@") {
        if index + 1 < count, isWord(bytes, at: index + 1),
          index == 0 || !isWordScalar(scalar(before: index, in: bytes))
        {
          index += 1
          while index < count {
            let current = bytes[index]
            if current == UInt8(ascii: "_") || current == UInt8(ascii: ".") || current == UInt8(ascii: "@")
              || current == UInt8(ascii: "-")
            {
              index += 1
            } else if isWord(bytes, at: index) {
              index += length(current)
            } else {
              break
            }
          }
        } else {
          index += 1
        }
        continue
      }
      guard isWord(bytes, at: index) else {
        index += length(byte)
        continue
      }
      if startsAddress(bytes, at: index) {
        let start = index
        while index < count {
          let (current, size) = decode(bytes, at: index)
          if current.isASCII ? isASCIIWhitespace(current.value) : current.properties.isWhitespace { break }
          index += size
        }
        address(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        continue
      }
      var end = index
      var plain = true
      var ascii = true
      while end < count {
        let current = bytes[end]
        if current < 0x80 {
          if isASCIIWordByte(current) {
            end += 1
            continue
          }
          if current == UInt8(ascii: "-") || current == UInt8(ascii: "'") || current == UInt8(ascii: ".")
            || current == UInt8(ascii: ",")
          {
            if end + 1 < count {
              let next = decode(bytes, at: end + 1).scalar
              let numberJoin =
                current != UInt8(ascii: ".") && current != UInt8(ascii: ",")
                || isDigitByte(bytes[end - 1]) && isDigit(next)
              if isWordScalar(next), numberJoin {
                end += 1
                plain = false
                continue
              }
            }
          }
          break
        }
        let (current32, size) = decode(bytes, at: end)
        ascii = false
        if isWordScalar(current32) {
          end += size
          plain = false
          continue
        }
        if current32 == "\u{2010}" || current32 == "\u{2011}" || current32 == "\u{2019}", end + size < count,
          isWordScalar(decode(bytes, at: end + size).scalar)
        {
          end += size
          plain = false
          continue
        }
        break
      }
      if plain && end - index <= scratch.count {
        for offset in 0..<(end - index) {
          let letter = bytes[index + offset]
          scratch[offset] = letter >= 0x41 && letter <= 0x5A ? letter + 0x20 : letter
        }
        body(UnsafeBufferPointer(rebasing: scratch[0..<(end - index)]))
      } else if ascii && end - index <= scratch.count {
        appendASCIIWord(UnsafeBufferPointer(rebasing: bytes[index..<end]), scratch: scratch, body)
      } else {
        var words: [String] = []
        let scalars = Array(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars)
        appendWord(scalars[...], to: &words)
        emit(words, body)
      }
      index = end
    }
  }

  /// `appendWord` for an ASCII word with hyphens, apostrophes or number separators, on bytes.
  private static func appendASCIIWord(
    _ raw: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    // Parts (split at hyphens) are written one after another into `scratch`, apostrophes left out;
    // a part ending in `'s` loses the `s`.
    var bounds: [(start: Int, end: Int)] = []
    var length = 0
    var partStart = 0
    var pendingApostrophe = false
    var possessive = false
    func closePart() {
      if possessive { length -= 1 }
      if length > partStart { bounds.append((partStart, length)) }
      partStart = length
      pendingApostrophe = false
      possessive = false
    }
    for byte in raw {
      if byte == UInt8(ascii: "-") {
        closePart()
      } else if byte == UInt8(ascii: "'") {
        pendingApostrophe = true
      } else {
        possessive = pendingApostrophe && (byte == UInt8(ascii: "s") || byte == UInt8(ascii: "S"))
        pendingApostrophe = false
        scratch[length] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        length += 1
      }
    }
    closePart()
    func part(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: scratch[bounds[index].start..<bounds[index].end])
    }
    if bounds.count == 2 {
      let (first, second) = (part(0), part(1))
      if first.count >= second.count, first.suffix(second.count).elementsEqual(second) {
        body(first)
        return
      }
      if second.count - first.count <= 3, second.starts(with: first) {
        body(second)
        return
      }
    }
    for index in bounds.indices { body(part(index)) }
  }

  private static func emit(_ words: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    for var word in words { word.withUTF8 { body($0) } }
  }

  @inline(__always) static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
  }

  @inline(__always) static func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func isASCIIWhitespace(_ value: UInt32) -> Bool { value == 0x20 || (value >= 0x09 && value <= 0x0D) }

  /// Bytes in the UTF-8 sequence that starts with `lead`.
  @inline(__always) static func length(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The scalar starting at `index` (valid UTF-8, as a `String`'s bytes always are) and its length.
  @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: Unicode.Scalar, size: Int
  ) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let size = min(length(lead), bytes.count - index)
    var value = UInt32(lead) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
    for offset in 1..<max(size, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", size)
  }

  @inline(__always) static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 { return isASCIIWordByte(byte) }
    return isWordScalar(decode(bytes, at: index).scalar)
  }

  static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
    var start = index - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return decode(bytes, at: start).scalar
  }

  /// `http://`, `https://` or `www.` (any case) at `index`.
  static func startsAddress(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let first = bytes[index] | 0x20
    guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return false }
    for wanted in addressPrefixes where index + wanted.count <= bytes.count {
      var matches = true
      for (offset, letter) in wanted.enumerated() {
        let byte = bytes[index + offset]
        let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        if lowered != letter {
          matches = false
          break
        }
      }
      if matches { return true }
    }
    return false
  }

  static let addressPrefixes: [[UInt8]] = ["http://", "https://", "www."].map { Array($0.utf8) }

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
    if word.hasSuffix("'s") { return String(word.dropLast(2)).replacingApostrophes() }
    return word.replacingApostrophes()
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
  fileprivate func replacingApostrophes() -> String {
    String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "'" }))
  }
}
