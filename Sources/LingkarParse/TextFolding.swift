import Foundation

/// The last step of the plain-text rule: Unicode NFC, every run of White_Space folded to one space,
/// trimmed; an empty result is nil.
enum TextFolding {
  /// Folds UTF-8 bytes. Works on bytes so the common (ASCII) case never builds an intermediate String.
  static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var index = 0
    var ascii = true
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
          pendingSpace = true
        } else {
          if pendingSpace && !out.isEmpty { out.append(0x20) }
          pendingSpace = false
          out.append(byte)
        }
        index += 1
        continue
      }
      ascii = false
      let width = whiteSpaceWidth(bytes, at: index)
      if width > 0 {
        pendingSpace = true
        index += width
        continue
      }
      if pendingSpace && !out.isEmpty { out.append(0x20) }
      pendingSpace = false
      out.append(byte)
      index += 1
    }
    if out.isEmpty { return nil }
    let text = String(decoding: out, as: UTF8.self)
    return ascii ? text : normalizedNFC(text)
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

  /// NFC, skipped when no scalar could change under it (everything below U+0300 is stable).
  static func normalizedNFC(_ text: String) -> String {
    if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return text }
    return text.precomposedStringWithCanonicalMapping
  }
}
