import Foundation
import Glibc

/// Turns the bytes of a document, in whatever encoding it is in, into valid UTF-8 for libxml2.
///
/// The encoding is taken from, in order: a byte-order mark, the XML declaration, the HTTP charset,
/// else UTF-8. Real feeds lie about their encoding, so UTF-8 input is repaired rather than trusted:
/// a byte that does not form valid UTF-8 is read as windows-1252 (the usual mislabel), C1 control
/// characters are mapped to the windows-1252 characters they were meant to be, and characters XML
/// forbids are dropped. The parser is then told to ignore the declaration, since it gets UTF-8.
final class InputDecoder {
  private enum Mode {
    case sniffing
    case utf8
    case windows1252
    case iconv(iconv_t)
  }

  private var mode: Mode = .sniffing
  private var pending: [UInt8] = []  // sniffed bytes, or an incomplete iconv sequence
  private var utf8Carry: [UInt8] = []  // an incomplete UTF-8 sequence carried to the next chunk
  private let charsetHint: String?
  /// The encoding that was chosen, as a lower-cased label (for diagnostics and tests).
  private(set) var encoding: String = "utf-8"

  init(charsetHint: String?) {
    self.charsetHint = charsetHint.map { $0.lowercased() }
  }

  deinit {
    if case .iconv(let cd) = mode { iconv_close(cd) }
  }

  /// Decodes one chunk; `emit` receives valid UTF-8 (possibly in several pieces).
  func decode(_ chunk: UnsafeRawBufferPointer, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let bytes = chunk.bindMemory(to: UInt8.self)
    if case .sniffing = mode {
      pending.append(contentsOf: bytes)
      // Leading white space and byte-order marks do not count: wait for what follows them.
      let blank = Self.leadingBlankCount(pending)
      guard pending.count - blank >= 1024 || declarationComplete(pending) else { return }
      startDecoding(emit: emit)
      return
    }
    convert(bytes, emit: emit)
  }

  /// Flushes what is left at the end of the document.
  func finish(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    if case .sniffing = mode { startDecoding(emit: emit) }
    if !utf8Carry.isEmpty || !pending.isEmpty {
      // An incomplete multi-byte sequence at the very end: read its bytes as windows-1252.
      let rest = utf8Carry + pending
      utf8Carry.removeAll()
      pending.removeAll()
      var out: [UInt8] = []
      for byte in rest { appendWindows1252(byte, to: &out) }
      out.withUnsafeBufferPointer(emit)
    }
  }

  // MARK: - Choosing the encoding

  private func startDecoding(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    // White space and UTF-8 byte-order marks before the first markup never reach libxml2: after a
    // stray newline (a WordPress theme's blank line) the XML declaration is no longer at the start,
    // libxml2 calls the document malformed, and a malformed document loses its entity references
    // (see `AmpersandRepair`). Not when a NUL follows: that is UTF-16 or UTF-32 without a mark.
    var start = Self.leadingBlankCount(pending)
    if start < pending.count, pending[start] == 0 { start = 0 }
    let sawBOM = Self.containsBOM(pending[..<start])
    var label: String
    var labelFromBytes = true
    if sawBOM {
      label = "utf-8"
    } else if pending.starts(with: [0xFF, 0xFE, 0, 0]) {
      label = "utf-32le"
      start = 4
    } else if pending.starts(with: [0, 0, 0xFE, 0xFF]) {
      label = "utf-32be"
      start = 4
    } else if pending.starts(with: [0xFE, 0xFF]) {
      label = "utf-16be"
      start = 2
    } else if pending.starts(with: [0xFF, 0xFE]) {
      label = "utf-16le"
      start = 2
    } else if pending.starts(with: [0x3C, 0, 0x3F, 0]) {
      label = "utf-16le"
    } else if pending.starts(with: [0, 0x3C, 0, 0x3F]) {
      label = "utf-16be"
    } else if let declared = Self.declaredEncoding(Array(pending[start...])) {
      label = declared
      labelFromBytes = false
    } else if let hint = charsetHint, !hint.isEmpty {
      label = hint
      labelFromBytes = false
    } else {
      label = "utf-8"
    }
    label = Self.canonicalLabel(label)
    if !labelFromBytes, label != "utf-8", label != "windows-1252",
      !Self.bytesCanBe(label, pending[start...])
    {
      label = "utf-8"
    }
    encoding = label
    switch label {
    case "utf-8": mode = .utf8
    // Latin-1 and windows-1252 labels are often put on UTF-8 documents: read valid UTF-8 as UTF-8
    // and only the other bytes as windows-1252 (what `.utf8` repair does; feedparser re-decodes
    // such fields the same way).
    case "windows-1252": mode = .utf8
    default:
      if let cd = iconv_open("UTF-8", label), cd != iconv_t(bitPattern: -1) {
        mode = .iconv(cd)
      } else {
        encoding = "utf-8"
        mode = .utf8
      }
    }
    let sniffed = Array(pending[start...])
    pending.removeAll()
    sniffed.withUnsafeBufferPointer { convert($0, emit: emit) }
  }

  /// Labels that mean the same decoder; ASCII and Latin-1 are read as windows-1252, their superset
  /// in practice (as browsers and feedparser do).
  private static let aliases: [String: String] = [
    "utf8": "utf-8", "utf-8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "us-ascii": "utf-8", "ascii": "utf-8", "ansi_x3.4-1968": "utf-8",
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
    "latin-1": "windows-1252", "l1": "windows-1252", "iso_8859-1": "windows-1252",
    "windows-1252": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
    "cp819": "windows-1252", "ibm819": "windows-1252",
    "utf-16": "utf-16", "utf16": "utf-16", "ucs-2": "utf-16",
  ]

  static func canonicalLabel(_ label: String) -> String {
    let trimmed = label.trimmingASCIISpace().lowercased()
    return aliases[trimmed] ?? trimmed
  }

  /// The white space (space, tab, CR, LF) and UTF-8 byte-order marks, in any order, at the start.
  static func leadingBlankCount(_ bytes: [UInt8]) -> Int {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
        index += 3
      } else {
        break
      }
    }
    return index
  }

  private static func containsBOM(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    while index + 2 < bytes.endIndex {
      if bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return true }
      index += 1
    }
    return false
  }

  /// Whether the document's first bytes can be in the encoding a declaration or the HTTP charset
  /// names. They cannot when they plainly are ASCII (markup, no NUL byte) and the encoding does not
  /// write ASCII as ASCII (UTF-16 and UTF-32 without a byte-order mark, EBCDIC): the label is then
  /// wrong, and the bytes decide (feedparser falls back the same way when the declared decoding
  /// fails).
  static func bytesCanBe(_ label: String, _ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.first == 0x3C, !bytes.prefix(1024).contains(0) else { return true }
    return writesASCIIAsASCII(label)
  }

  /// Whether iconv writes `<?xml version=` in this encoding as the same bytes (true for an unknown
  /// label: it is dropped later anyway).
  private static func writesASCIIAsASCII(_ label: String) -> Bool {
    guard let cd = iconv_open(label, "UTF-8"), cd != iconv_t(bitPattern: -1) else { return true }
    defer { iconv_close(cd) }
    var sample = Array("<?xml version=".utf8)
    var output = [UInt8](repeating: 0, count: sample.count * 4 + 8)
    let produced = sample.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer -> Int in
        // Both buffers are non-empty, so they have base addresses; without one, count it as a failed conversion.
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return -1 }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outBuffer.count
        guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
        return outBuffer.count - outLeft
      }
    }
    return produced == sample.count && output.prefix(produced).elementsEqual(sample)
  }

  private func declarationComplete(_ bytes: [UInt8]) -> Bool {
    // Enough to decide once the first '>' has arrived (end of the declaration, or of the root tag).
    bytes.contains(0x3E)
  }

  /// The `encoding` pseudo-attribute of an XML declaration at the start of the bytes.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    var index = 0
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
        || bytes[index] == 0x0D
    {
      index += 1
    }
    guard bytes.count >= index + 5, bytes[index..<index + 5].elementsEqual("<?xml".utf8) else {
      return nil
    }
    guard let end = bytes[index...].firstIndex(of: 0x3E) else { return nil }
    let declaration = String(decoding: bytes[index..<end], as: UTF8.self)
    guard let range = declaration.range(of: "encoding") else { return nil }
    var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    rest = rest.dropFirst()
    guard let close = rest.firstIndex(of: quote) else { return nil }
    let value = String(rest[..<close])
    return value.isEmpty ? nil : value
  }

  // MARK: - Converting

  private func convert(_ bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    switch mode {
    case .sniffing, .utf8:
      repairUTF8(bytes, emit: emit)
    case .windows1252:
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 8)
      for byte in bytes { appendWindows1252(byte, to: &out) }
      out.withUnsafeBufferPointer(emit)
    case .iconv(let cd):
      transcode(bytes, with: cd, emit: emit)
    }
  }

  private func transcode(
    _ bytes: UnsafeBufferPointer<UInt8>, with cd: iconv_t, emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var input = pending + Array(bytes)
    pending.removeAll()
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    var consumed = 0
    var produced = 0
    input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        // Only empty input has no base address (the output always has room): nothing to convert then.
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
        while consumed < inBuffer.count {
          var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + consumed)
            .assumingMemoryBound(to: CChar.self)
          var inLeft = inBuffer.count - consumed
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + produced)
            .assumingMemoryBound(to: CChar.self)
          var outLeft = outBuffer.count - produced
          let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
          consumed = inBuffer.count - inLeft
          produced = outBuffer.count - outLeft
          if result != -1 { break }
          if errno == EINVAL {
            break  // incomplete sequence at the end: keep it for the next chunk
          }
          // An invalid sequence: skip one byte and carry on.
          consumed += 1
        }
      }
    }
    if consumed < input.count { pending = Array(input[consumed...]) }
    output.withUnsafeBufferPointer { buffer in
      repairUTF8(UnsafeBufferPointer(rebasing: buffer[0..<produced]), emit: emit)
    }
  }

  /// Passes valid UTF-8 through untouched and repairs the rest (see the type's documentation).
  private func repairUTF8(_ input: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    if utf8Carry.isEmpty {
      repairJoined(input, emit: emit)
    } else {
      let joined = utf8Carry + Array(input)
      utf8Carry.removeAll()
      joined.withUnsafeBufferPointer { repairJoined($0, emit: emit) }
    }
  }

  private func repairJoined(_ bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let count = bytes.count
    var index = 0
    var cleanStart = 0
    // The repaired copy, used once something needs repair (an empty array allocates nothing until then).
    var out: [UInt8] = []
    var repairing = false

    func flushClean(upTo end: Int) {
      guard end > cleanStart else { return }
      if repairing {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<end]))
      }
    }

    // Only empty input has no base address, and empty input is clean.
    guard let start = bytes.baseAddress else {
      emit(bytes)
      return
    }
    let base = UnsafeRawPointer(start)
    while index < count {
      // Eight bytes at a time while they are all printable ASCII (no high bit, none below 0x20).
      while index + 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let high = word & 0x8080_8080_8080_8080
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
        if high | belowSpace != 0 { break }
        index += 8
      }
      guard index < count else { break }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x80 {
        index += 1
        continue
      }
      if byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      if byte < 0x20 {
        // A control character XML forbids: drop it.
        repairing = true
        flushClean(upTo: index)
        index += 1
        cleanStart = index
        continue
      }
      let length = Self.sequenceLength(byte)
      if length == 0 {
        repairing = true
        flushClean(upTo: index)
        appendWindows1252(byte, to: &out)
        index += 1
        cleanStart = index
        continue
      }
      if index + length > count {
        // Possibly valid but cut by the chunk boundary: keep it for the next chunk.
        let tail = Array(UnsafeBufferPointer(rebasing: bytes[index..<count]))
        if Self.isPrefixOfValidSequence(tail) {
          repairing = true
          flushClean(upTo: index)
          utf8Carry = tail
          cleanStart = count
          index = count
          break
        }
      }
      if index + length <= count, Self.isValidSequence(bytes, at: index, length: length) {
        if length == 2 && byte == 0xC2 && bytes[index + 1] < 0xA0 && !Windows1252.isUndefined(bytes[index + 1]) {
          // U+0080...U+009F: C1 controls, in practice windows-1252 characters decoded as Latin-1.
          // The five windows-1252 leaves undefined stay: they are the last byte of a double-encoded
          // character as often as not (`ðŸ˜` and U+008D for 😍, see `MojibakeRepair`), and the text
          // rules drop them later.
          repairing = true
          flushClean(upTo: index)
          appendWindows1252(bytes[index + 1], to: &out)
          index += 2
          cleanStart = index
          continue
        }
        if length == 3 && byte == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
          // U+FFFE and U+FFFF are not XML characters.
          repairing = true
          flushClean(upTo: index)
          index += 3
          cleanStart = index
          continue
        }
        index += length
        continue
      }
      // Invalid: read this one byte as windows-1252.
      repairing = true
      flushClean(upTo: index)
      appendWindows1252(byte, to: &out)
      index += 1
      cleanStart = index
    }
    if !repairing {
      emit(bytes)
    } else {
      flushClean(upTo: count)
      out.withUnsafeBufferPointer(emit)
    }
  }

  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 0
    }
  }

  private static func isValidSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
    let lead = bytes[index]
    for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
    let second = bytes[index + 1]
    switch lead {
    case 0xE0: return second >= 0xA0
    case 0xED: return second < 0xA0  // no surrogates
    case 0xF0: return second >= 0x90
    case 0xF4: return second < 0x90
    default: return true
    }
  }

  private static func isPrefixOfValidSequence(_ tail: [UInt8]) -> Bool {
    guard let lead = tail.first, sequenceLength(lead) > tail.count else { return false }
    return tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
  }

  private func appendWindows1252(_ byte: UInt8, to out: inout [UInt8]) {
    Windows1252.append(byte, to: &out)
  }
}

extension StringProtocol {
  func trimmingASCIISpace() -> String {
    let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    var view = Substring.UnicodeScalarView(scalars)
    while let last = view.last, last == " " || last == "\t" || last == "\n" || last == "\r" { view.removeLast() }
    return String(view)
  }
}
