import Glibc

/// Escapes the bare ampersands real feeds are full of (`?a=1&b=2`, `Tom & Jerry`), which XML
/// forbids and libxml2 would drop, and accepts `&#X41;` for `&#x41;`. Works on a stream of UTF-8
/// chunks; CDATA sections, comments and processing instructions pass through untouched.
///
/// It also writes the five predefined entities as character references (`&amp;` as `&#38;`, the
/// same length or shorter). libxml2 2.9 drops every entity reference once a document has shown one
/// well-formedness error (`xmlParseReference` returns when `wellFormed` is 0), so one stray newline
/// before the XML declaration, or one unclosed tag, used to turn `Red, Whine, &amp; Blue` into
/// "Red, Whine, Blue" for the rest of the file. Character references are not subject to that rule,
/// and mean the same in text and in attribute values. (The other entities reach `XMLFeedReader`'s
/// entity lookup, which clears the flag itself.)
///
/// A `<` that cannot start markup (`Kelas 5 < 6`, `<3`, `a <= b`) is escaped too: libxml2 stops
/// reading the whole document at the first one ("invalid element name"), so one such title used to
/// cost every item after it.
///
/// It runs over every byte of every feed, so it searches with `memchr`/`memmem` and copies only
/// when something must change.
final class AmpersandRepair {
  private enum State {
    case markup
    case cdata
    case comment
    case instruction

    var terminator: StaticString {
      switch self {
      case .markup: ""
      case .cdata: "]]>"
      case .comment: "-->"
      case .instruction: "?>"
      }
    }
  }

  private var state: State = .markup
  private var carry: [UInt8] = []
  /// The longest reference checked for a closing `;`; longer runs are taken as text.
  private static let longestReference = 40

  func repair(_ input: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    if carry.isEmpty {
      process(input, final: false, emit: emit)
    } else {
      let joined = carry + Array(input)
      carry.removeAll()
      joined.withUnsafeBufferPointer { process($0, final: false, emit: emit) }
    }
  }

  func finish(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard !carry.isEmpty else { return }
    let rest = carry
    carry.removeAll()
    rest.withUnsafeBufferPointer { process($0, final: true, emit: emit) }
  }

  private func process(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    // Hold back a tail that might be the start of a section opener cut by the chunk boundary.
    var count = bytes.count
    if !final, let cut = Self.possibleOpenerStart(bytes) { count = cut }

    var out: [UInt8] = []
    var changed = false
    var cleanStart = 0
    var index = 0
    var nextBang = -1  // cached positions of "<!" and "<?" at or after `index` (-1: not searched)
    var nextQuestion = -1
    var nextStrayLess = -1  // and of a "<" that starts no markup

    func copyClean(upTo end: Int) {
      if !changed {
        changed = true
        out.reserveCapacity(bytes.count + 64)
      }
      if end > cleanStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<end])) }
    }

    scan: while index < count {
      if state != .markup {
        let terminator = state.terminator
        guard let end = Self.find(terminator, in: base, from: index, to: count) else {
          // Keep the last bytes in case the terminator is split across chunks.
          let keep = final ? count : max(index, count - (terminator.utf8CodeUnitCount - 1))
          index = keep
          break scan
        }
        index = end + terminator.utf8CodeUnitCount
        state = .markup
        nextBang = -1
        nextQuestion = -1
        // `nextStrayLess` stays: the first stray `<` after an earlier position is still the first
        // after this one if it lies ahead (or there is none). Searching again after every CDATA
        // section would read the rest of the chunk once per section.
        continue
      }
      let ampersand = Self.find(byte: 0x26, in: base, from: index, to: count) ?? count
      if nextBang < index { nextBang = Self.find(opener: 0x21, in: base, from: index, to: count) ?? count }
      if nextQuestion < index { nextQuestion = Self.find(opener: 0x3F, in: base, from: index, to: count) ?? count }
      if nextStrayLess < index { nextStrayLess = Self.findStrayLess(in: base, from: index, to: count) ?? count }
      let section = min(nextBang, nextQuestion)
      if nextStrayLess < min(section, ampersand) {
        guard nextStrayLess + 1 < count || final else {
          count = nextStrayLess  // the byte after it is in the next chunk
          break scan
        }
        copyClean(upTo: nextStrayLess)
        out.append(contentsOf: "&#60;".utf8)
        index = nextStrayLess + 1
        cleanStart = index
        continue
      }
      if section < ampersand {
        if Self.matches(bytes, at: section, "<![CDATA[") {
          state = .cdata
          index = section + 9
        } else if Self.matches(bytes, at: section, "<!--") {
          state = .comment
          index = section + 4
        } else if section == nextQuestion {
          state = .instruction
          index = section + 2
        } else {
          index = section + 2  // <!DOCTYPE and the like: markup
        }
        continue
      }
      if ampersand == count { break }
      switch Self.reference(in: bytes, at: ampersand, final: final) {
      case .valid(let length):
        index = ampersand + length
      case .predefined(let length, let replacement):
        copyClean(upTo: ampersand)
        out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        index = ampersand + length
        cleanStart = index
      case .upperHex:
        copyClean(upTo: ampersand + 2)
        out.append(0x78)  // x
        index = ampersand + 3
        cleanStart = index
      case .bare:
        copyClean(upTo: ampersand)
        out.append(contentsOf: "&#38;".utf8)  // as a character reference: see the type's documentation
        index = ampersand + 1
        cleanStart = index
      case .undecided:
        count = ampersand
        break scan
      }
    }
    // Everything before `end` is settled; the rest waits for the next chunk.
    let end = state == .markup ? count : min(index, count)
    if end < bytes.count { carry = Array(UnsafeBufferPointer(rebasing: bytes[end..<bytes.count])) }
    if !changed {
      if end == bytes.count {
        emit(bytes)
      } else if end > 0 {
        emit(UnsafeBufferPointer(rebasing: bytes[0..<end]))
      }
      return
    }
    if end > cleanStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<end])) }
    out.withUnsafeBufferPointer(emit)
  }

  private enum Reference {
    case valid(Int)
    /// One of the five predefined entities, its length and its character reference.
    case predefined(Int, StaticString)
    case upperHex
    case bare
    case undecided
  }

  private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, final: Bool) -> Reference {
    var index = start + 1
    func isNameStart(_ b: UInt8) -> Bool {
      (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
    }
    func isName(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
    let bytesEnd = bytes.count
    guard index < bytesEnd else { return final ? .bare : .undecided }
    if bytes[index] == 0x23 {  // #
      index += 1
      guard index < bytesEnd else { return final ? .bare : .undecided }
      var upper = false
      var digit: (UInt8) -> Bool = isDigit
      if bytes[index] == 0x78 || bytes[index] == 0x58 {
        upper = bytes[index] == 0x58
        digit = isHex
        index += 1
      }
      let digitsStart = index
      while index < bytesEnd, digit(bytes[index]), index - start < longestReference { index += 1 }
      guard index < bytesEnd else { return final ? .bare : .undecided }
      guard index > digitsStart, bytes[index] == 0x3B else { return .bare }
      return upper ? .upperHex : .valid(index + 1 - start)
    }
    guard isNameStart(bytes[index]) else { return .bare }
    while index < bytesEnd, isName(bytes[index]), index - start < longestReference { index += 1 }
    guard index < bytesEnd else { return final ? .bare : .undecided }
    guard bytes[index] == 0x3B else { return .bare }
    let length = index + 1 - start
    if let replacement = predefinedReference(bytes, start: start + 1, count: length - 2) {
      return .predefined(length, replacement)
    }
    return .valid(length)
  }

  /// The character reference for `amp`, `lt`, `gt`, `quot` or `apos` (the name's bytes at `start`).
  private static func predefinedReference(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, count: Int)
    -> StaticString?
  {
    switch count {
    case 2:
      guard bytes[start + 1] == 0x74 else { return nil }  // t
      if bytes[start] == 0x6C { return "&#60;" }  // lt
      if bytes[start] == 0x67 { return "&#62;" }  // gt
      return nil
    case 3:
      return matches(bytes, at: start, "amp") ? "&#38;" : nil
    case 4:
      if matches(bytes, at: start, "quot") { return "&#34;" }
      if matches(bytes, at: start, "apos") { return "&#39;" }
      return nil
    default:
      return nil
    }
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard index + length <= bytes.count, let base = bytes.baseAddress else { return false }
    return memcmp(base + index, literal.utf8Start, length) == 0
  }

  /// Where a possible `<![CDATA[`, `<!--` or `<?` starts in the last 8 bytes, cut by the end.
  private static func possibleOpenerStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let from = max(0, bytes.count - 8)
    for index in from..<bytes.count where bytes[index] == 0x3C {
      let tail = bytes[index...]
      for literal in ["<![CDATA[", "<!--", "<?"]
      where tail.count < literal.utf8.count
        && literal.utf8.starts(with: tail)
      {
        return index
      }
    }
    return nil
  }

  /// The first `<` at or after `start` that cannot start a tag, an end tag, a comment, a CDATA
  /// section, a declaration or a processing instruction: one followed by anything but a name start
  /// character, `/`, `!` or `?`. A `<` at the very end counts (its next byte is unknown yet).
  private static func findStrayLess(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var position = start
    while let found = find(byte: 0x3C, in: base, from: position, to: end) {
      guard found + 1 < end else { return found }
      let next = base[found + 1]
      let startsMarkup =
        (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) || next == 0x2F || next == 0x21
        || next == 0x3F || next == 0x5F || next == 0x3A || next >= 0x80
      if !startsMarkup { return found }
      position = found + 2
    }
    return nil
  }

  private static func find(byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
    guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The first `<!` or `<?` at or after `start`, found by its second byte, which is much rarer
  /// in feeds than `<`.
  private static func find(opener second: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var position = start + 1
    while let found = find(byte: second, in: base, from: position, to: end) {
      if base[found - 1] == 0x3C { return found - 1 }
      position = found + 1
    }
    return nil
  }

  /// The first occurrence of `needle` at or after `start`: `memchr` for its first byte, then a
  /// comparison of the rest.
  private static func find(_ needle: StaticString, in base: UnsafePointer<UInt8>, from start: Int, to end: Int)
    -> Int?
  {
    let length = needle.utf8CodeUnitCount
    let first = needle.utf8Start.pointee
    var position = start
    while position + length <= end {
      guard let found = find(byte: first, in: base, from: position, to: end - length + 1) else { return nil }
      if memcmp(base + found, needle.utf8Start, length) == 0 { return found }
      position = found + 1
    }
    return nil
  }
}
