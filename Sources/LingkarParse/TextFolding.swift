import Foundation

/// The last step of the plain-text rule: Unicode NFC, every run of White_Space folded to one space,
/// trimmed; an empty result is nil.
enum TextFolding {
  /// Folds UTF-8 bytes. Works on bytes so the common (ASCII) case never builds an intermediate
  /// String, and copies runs of ordinary bytes in one go.
  static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let range = trimmedRange(bytes)
    if range.isEmpty { return nil }
    let count = range.upperBound
    var out = [UInt8]()
    var runStart = range.lowerBound
    var index = range.lowerBound
    var ascii = true
    var changed = false
    // A non-empty range means non-empty bytes, which have a base address.
    guard let start = bytes.baseAddress else { return nil }
    let base = UnsafeRawPointer(start)
    while index < count {
      // Skip eight ordinary bytes at a time (none at or below a space, none non-ASCII); the lowest
      // flagged byte of a word is exact, so land right on the first special one.
      while index + 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let special = (word & 0x8080_8080_8080_8080) | ((word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080)
        if special == 0 {
          index += 8
          continue
        }
        index += special.trailingZeroBitCount >> 3
        break
      }
      guard index < count else { break }
      let byte = bytes[index]
      var width = 0
      if byte < 0x80 {
        if byte == 0x20 {
          // A single space between words stays; only runs and other white space change.
          if index + 1 < count, bytes[index + 1] != 0x20, bytes[index + 1] > 0x0D || bytes[index + 1] < 0x09,
            bytes[index + 1] < 0x80
          {
            index += 1
            continue
          }
          width = 1
        } else if byte >= 0x09 && byte <= 0x0D {
          width = 1
        } else {
          index += 1
          continue
        }
      } else {
        ascii = false
        if byte == 0xC2, index + 1 < count, bytes[index + 1] < 0xA0 {
          // A C1 control character: the windows-1252 character it stands for (as HTML reads
          // `&#146;`), or nothing for the five that have none.
          if !changed {
            changed = true
            out.reserveCapacity(count - range.lowerBound)
          }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          let scalar = Windows1252.high[Int(bytes[index + 1] - 0x80)]
          if scalar >= 0xA0 { Windows1252.appendUTF8(scalar, to: &out) }
          index += 2
          runStart = index
          continue
        }
        width = whiteSpaceWidth(bytes, at: index)
        if width == 0 {
          index += 1
          continue
        }
      }
      // A white-space run starts here: copy what came before, then one space.
      var end = index + width
      while end < count {
        let next = bytes[end]
        if next == 0x20 || (next >= 0x09 && next <= 0x0D) {
          end += 1
        } else if next >= 0x80, case let more = whiteSpaceWidth(bytes, at: end), more > 0 {
          end += more
        } else {
          break
        }
      }
      if !changed && width == 1 && byte == 0x20 && end == index + 1 {
        index = end
        continue  // a lone space before a non-ASCII byte: nothing to change
      }
      if !changed {
        changed = true
        out.reserveCapacity(count - range.lowerBound)
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      out.append(0x20)
      index = end
      runStart = end
    }
    let text: String
    if changed {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
      text = String(decoding: out, as: UTF8.self)
    } else {
      text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    if ascii || !mayChangeUnderNFC(UnsafeBufferPointer(rebasing: bytes[range])) { return text }
    return normalizedNFC(text)
  }

  /// A quick look at lead bytes: only scripts with combining marks or compatibility characters
  /// (U+0300-U+1FFF, a few blocks of U+2000-U+2FFF, U+3000-U+3FFF, U+A000 and up) can change
  /// under NFC. Latin-1, curly quotes, dashes and CJK ideographs cannot.
  static func mayChangeUnderNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0xCC {
        index += 1
        continue
      }
      switch byte {
      case 0xCC...0xE1, 0xE3, 0xEA...0xF4:
        return true
      case 0xE2:
        if index + 1 < count {
          let second = bytes[index + 1]
          if second == 0x83 || second == 0x84 || second == 0x8C || second == 0xAB { return true }
        }
        index += 3
      default:
        index += 1
      }
    }
    return false
  }

  static func fold(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { fold($0) }
  }

  static func fold(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { fold($0) }
  }

  /// Length of the non-ASCII White_Space character at `index`, or 0.
  @inline(__always)
  private static func whiteSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let count = bytes.count
    switch lead {
    case 0xC2:
      guard index + 1 < count else { return 0 }
      let next = bytes[index + 1]
      return next == 0x85 || next == 0xA0 ? 2 : 0
    case 0xE1:
      guard index + 2 < count else { return 0 }
      return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xE2:
      guard index + 2 < count else { return 0 }
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 {
        return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
      }
      return second == 0x81 && third == 0x9F ? 3 : 0
    case 0xE3:
      guard index + 2 < count else { return 0 }
      return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    default:
      return 0
    }
  }

  /// NFC, skipped when no scalar could change under it: only combining marks, conjoining Hangul
  /// jamo and the few characters whose NFC is another character can make a difference.
  static func normalizedNFC(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: mayChangeUnderNFC) else { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  private static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x300 { return false }
    if scalar.properties.canonicalCombiningClass != .notReordered { return true }
    switch value {
    case 0x0340...0x0387, 0x0958...0x0F78, 0x1100...0x11FF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126...0x212B,
      0x2329...0x232A, 0x2ADC, 0xF900...0xFB4F, 0x1D15E...0x1D1C0, 0x2F800...0x2FA1F:
      return true
    default:
      return false
    }
  }

  /// The range of `bytes` without leading and trailing white space (ASCII and Unicode White_Space).
  static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    var end = bytes.count
    while start < end {
      let byte = bytes[start]
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        start += 1
      } else if byte >= 0x80, case let width = whiteSpaceWidth(bytes, at: start), width > 0 {
        start += width
      } else {
        break
      }
    }
    while end > start {
      let byte = bytes[end - 1]
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        end -= 1
        continue
      }
      // A multi-byte white-space character ends here when its lead byte is 2 or 3 back.
      if byte >= 0x80 {
        if end - 2 >= start, whiteSpaceWidth(bytes, at: end - 2) == 2 { end -= 2; continue }
        if end - 3 >= start, whiteSpaceWidth(bytes, at: end - 3) == 3 { end -= 3; continue }
      }
      break
    }
    return start..<end
  }

  /// Whether the text is empty or only white space.
  static func isBlank(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { trimmedRange($0).isEmpty }
  }

  /// The bytes as a String without leading and trailing white space.
  static func trimmedString(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { buffer in
      let range = trimmedRange(buffer)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
  }

  static func trimmed(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { buffer in
      let range = trimmedRange(buffer)
      if range.count == buffer.count { return text }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
  }
}

extension String {
  /// Whether the UTF-8 of `needle` occurs in this string; a plain byte search, without
  /// Foundation's locale-aware machinery.
  func containsBytes(_ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    let pointer = needle.utf8Start
    return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard count <= bytes.count else { return false }
      var index = 0
      while index <= bytes.count - count {
        if bytes[index] == pointer[0] {
          var offset = 1
          while offset < count, bytes[index + offset] == pointer[offset] { offset += 1 }
          if offset == count { return true }
        }
        index += 1
      }
      return false
    } ?? self.contains(String(describing: needle))
  }
}
