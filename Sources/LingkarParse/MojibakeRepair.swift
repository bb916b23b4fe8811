import Glibc

/// Repairs text that was UTF-8, was read as windows-1252 (or Latin-1) somewhere on its way, and was
/// written out as UTF-8 again: `KÃ¶lner` for `Kölner`, `â€™` for `’`, `ðŸ˜` for `😍`.
///
/// feedparser re-reads each element of a UTF-8 document as Latin-1 and keeps the result when it is
/// valid UTF-8. This works per sequence instead of per field: a character that is a UTF-8 lead byte
/// in windows-1252 (`Â` ... `ô`), followed by the characters whose windows-1252 bytes are exactly
/// the continuation bytes that lead asks for, and together valid UTF-8 for a character of a
/// plausible script, becomes that one character. Every repair turns two to four odd characters into
/// one. Nothing else changes: correct text never holds such a run (`café`, `naïve`, `JOÃO`, curly
/// quotes, Indonesian), and a field that mixes both (WordPress writes its own `&#8217;` beside a
/// double-encoded name) is repaired where it needs it and left alone elsewhere.
enum MojibakeRepair {
  /// The windows-1252 byte of each character outside Latin-1 that windows-1252 has (`€` is 0x80).
  private static let windows1252Bytes: [UInt32: UInt8] = {
    var table: [UInt32: UInt8] = [:]
    for (offset, scalar) in Windows1252.high.enumerated() where scalar >= 0x100 {
      table[scalar] = UInt8(0x80 + offset)
    }
    return table
  }()

  static func repair(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { bytes -> String? in
      guard let base = bytes.baseAddress, bytes.count >= 4 else { return nil }
      // Every double-encoded sequence starts with `Â`...`ô`, which is 0xC3 0x82...0xB4 in UTF-8;
      // a stray undefined windows-1252 byte (U+0081, U+008D...) starts with 0xC2.
      guard memchr(base, 0xC3, bytes.count) != nil || memchr(base, 0xC2, bytes.count) != nil else { return nil }
      return repaired(bytes)
    } ?? text
  }

  /// The repaired text, or nil when nothing changes.
  private static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var out: [UInt8] = []
    var changed = false
    var index = 0
    var copied = 0  // bytes before this index are in `out` (once something changed)
    let count = bytes.count
    // Only empty bytes have no base address, and they have nothing to repair.
    guard let base = bytes.baseAddress else { return nil }
    // Only 0xC2 and 0xC3 can start what changes: jump from one to the next with memchr.
    var nextC2 = -1
    var nextC3 = -1
    func next(_ byte: UInt8, from start: Int) -> Int {
      guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
    while index < count {
      if nextC2 < index { nextC2 = next(0xC2, from: index) }
      if nextC3 < index { nextC3 = next(0xC3, from: index) }
      index = min(nextC2, nextC3)
      guard index < count else { break }
      let byte = bytes[index]
      if byte == 0xC2, index + 1 < count, Windows1252.isUndefined(bytes[index + 1]) {
        // An undefined windows-1252 byte left over from a sequence that did not repair: drop it.
        if !changed { out.reserveCapacity(count) }
        changed = true
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        index += 2
        copied = index
        continue
      }
      guard byte == 0xC3, index + 1 < count, (0x82...0xB4).contains(bytes[index + 1]) else {
        index += 1
        continue
      }
      guard let (scalar, end) = sequence(in: bytes, at: index) else {
        index += 2
        continue
      }
      if !changed { out.reserveCapacity(count) }
      changed = true
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
      // A byte-order mark read as windows-1252 (`ï»¿`) is dropped, not restored.
      if scalar != 0xFEFF { Windows1252.appendUTF8(scalar, to: &out) }
      index = end
      copied = end
    }
    guard changed else { return nil }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
    return String(decoding: out, as: UTF8.self)
  }

  /// The character a double-encoded sequence starting at `start` (with the 0xC3 of its lead)
  /// stands for, and where the sequence ends; nil when there is none.
  private static func sequence(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32, Int)? {
    let lead = bytes[start + 1] &+ 0x40  // Â (0xC3 0x82) is 0xC2 in windows-1252, ... ô is 0xF4
    let needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
    var scalar = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
    var index = start + 2
    var second: UInt8 = 0
    for position in 0..<needed {
      guard let (character, end) = scalarAt(bytes, index) else { return nil }
      let original: UInt8
      if (0x80...0xBF).contains(character) {
        original = UInt8(character)
      } else if let mapped = windows1252Bytes[character], mapped <= 0xBF {
        original = mapped
      } else {
        return nil
      }
      if position == 0 {
        // A no-break space after `×` or a capital (`10 ×&nbsp;10`, `CAFÉ&nbsp;:`) is correct text;
        // after `Â` or `Ã` it is the classic double encoding of a no-break space or `à`.
        if original == 0xA0, lead > 0xC3, lead < 0xE0 { return nil }
        second = original
      }
      scalar = scalar << 6 | UInt32(original & 0x3F)
      index = end
    }
    // The rules of UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
    switch lead {
    case 0xE0 where second < 0xA0, 0xED where second >= 0xA0, 0xF0 where second < 0x90, 0xF4 where second >= 0x90:
      return nil
    default:
      break
    }
    return isPlausible(scalar) ? (scalar, index) : nil
  }

  /// Whether a repaired character belongs to text people write. Two-byte sequences are the ones
  /// correct text could hold by chance (`ß“` in German would be an N'Ko letter), so beyond Latin-1
  /// they must land in Latin, Greek, Cyrillic, Hebrew or Arabic.
  private static func isPlausible(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x80...0xFF:
      return true
    case 0x100...0x24F, 0x300...0x36F, 0x370...0x4FF, 0x590...0x6FF:
      return true
    case 0x250...0x7FF:
      return false
    case 0xE000...0xF8FF, 0xFFFE, 0xFFFF:
      return false  // private use and non-characters
    default:
      return true
    }
  }

  /// The scalar of the UTF-8 sequence at `index` (the text is valid UTF-8) and its end.
  private static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (UInt32, Int)? {
    guard index < bytes.count else { return nil }
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard index + length <= bytes.count else { return nil }
    if length == 1 { return (UInt32(lead), index + 1) }
    var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (scalar, index + length)
  }
}
