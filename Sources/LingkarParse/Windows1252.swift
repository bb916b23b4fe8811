/// windows-1252, the encoding text mislabelled as Latin-1 or UTF-8 is usually really in, and the
/// meaning HTML gives to the C1 code points U+0080...U+009F (`&#146;` is a right quote).
enum Windows1252 {
  /// Code points of bytes 0x80...0x9F; the five undefined ones keep their C1 code point.
  static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Appends the UTF-8 of a windows-1252 byte; control characters XML forbids are dropped.
  static func append(_ byte: UInt8, to out: inout [UInt8]) {
    if byte < 0x80 {
      if byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { out.append(byte) }
      return
    }
    let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
    if scalar < 0xA0 { return }  // undefined in windows-1252: a control character, dropped
    appendUTF8(scalar, to: &out)
  }

  /// Whether the byte is one of the five windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
  static func isUndefined(_ byte: UInt8) -> Bool {
    byte >= 0x80 && byte < 0xA0 && high[Int(byte - 0x80)] < 0xA0
  }

  /// Appends the UTF-8 of a scalar from U+0080 up.
  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    if scalar >= 0x10000 {
      out.append(UInt8(0xF0 | (scalar >> 18)))
      out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    } else if scalar < 0x800 {
      out.append(UInt8(0xC0 | (scalar >> 6)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    } else {
      out.append(UInt8(0xE0 | (scalar >> 12)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }
}
