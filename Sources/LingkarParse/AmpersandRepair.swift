/// Escapes the bare ampersands real feeds are full of (`?a=1&b=2`, `Tom & Jerry`), which XML
/// forbids and libxml2 would drop, and accepts `&#X41;` for `&#x41;`. Works on a stream of UTF-8
/// chunks; CDATA sections, comments and processing instructions pass through untouched.
final class AmpersandRepair {
  private enum State {
    case markup
    case cdata
    case comment
    case instruction
  }

  private var state: State = .markup
  private var carry: [UInt8] = []
  /// The longest reference checked for a closing `;`; longer runs are taken as text.
  private static let longestReference = 40

  func repair(_ input: UnsafeBufferPointer<UInt8>, final: Bool = false, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    if carry.isEmpty {
      process(input, final: final, emit: emit)
    } else {
      let joined = carry + Array(input)
      carry.removeAll()
      joined.withUnsafeBufferPointer { process($0, final: final, emit: emit) }
    }
  }

  func finish(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard !carry.isEmpty else { return }
    let rest = carry
    carry.removeAll()
    rest.withUnsafeBufferPointer { process($0, final: true, emit: emit) }
  }

  private func process(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    let count = bytes.count
    var out: [UInt8]? = nil
    var cleanStart = 0
    var index = 0

    func copyClean(upTo end: Int) {
      if out == nil { out = [] ; out!.reserveCapacity(count + 64) }
      if end > cleanStart { out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<end])) }
    }

    scan: while index < count {
      switch state {
      case .cdata, .comment, .instruction:
        let terminator: [UInt8] = state == .cdata ? [0x5D, 0x5D, 0x3E] : state == .comment ? [0x2D, 0x2D, 0x3E] : [0x3F, 0x3E]
        guard let end = Self.find(terminator, in: bytes, from: index) else {
          // Keep the last bytes in case the terminator is split across chunks.
          let keep = final ? count : max(index, count - (terminator.count - 1))
          if keep < count {
            copyClean(upTo: keep)
            carry = Array(UnsafeBufferPointer(rebasing: bytes[keep..<count]))
            cleanStart = count
          }
          index = count
          break scan
        }
        index = end + terminator.count
        state = .markup
      case .markup:
        while index < count, bytes[index] != 0x26, bytes[index] != 0x3C { index += 1 }
        if index == count { break scan }
        let byte = bytes[index]
        if byte == 0x3C {  // <
          if index + 9 > count && !final && Self.couldStartSection(bytes, at: index) {
            copyClean(upTo: index)
            carry = Array(UnsafeBufferPointer(rebasing: bytes[index..<count]))
            cleanStart = count
            index = count
            break scan
          }
          if Self.matches(bytes, at: index, "<![CDATA[") {
            state = .cdata
            index += 9
          } else if Self.matches(bytes, at: index, "<!--") {
            state = .comment
            index += 4
          } else if Self.matches(bytes, at: index, "<?") {
            state = .instruction
            index += 2
          } else {
            index += 1
          }
          continue
        }
        if byte != 0x26 {  // &
          index += 1
          continue
        }
        switch Self.reference(in: bytes, at: index, final: final) {
        case .valid(let length):
          index += length
        case .upperHex:
          copyClean(upTo: index + 2)
          out!.append(0x78)  // x
          index += 3
          cleanStart = index
        case .bare:
          copyClean(upTo: index)
          out!.append(contentsOf: "&amp;".utf8)
          index += 1
          cleanStart = index
        case .undecided:
          copyClean(upTo: index)
          carry = Array(UnsafeBufferPointer(rebasing: bytes[index..<count]))
          cleanStart = count
          index = count
          break scan
        }
      }
    }
    if out == nil && carry.isEmpty {
      emit(bytes)
      return
    }
    if cleanStart < count { copyClean(upTo: count) }
    if let out { out.withUnsafeBufferPointer(emit) }
  }

  private enum Reference {
    case valid(Int)
    case upperHex
    case bare
    case undecided
  }

  private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, final: Bool) -> Reference {
    let count = bytes.count
    var index = start + 1
    func isNameStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80 }
    func isName(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
    guard index < count else { return final ? .bare : .undecided }
    if bytes[index] == 0x23 {  // #
      index += 1
      guard index < count else { return final ? .bare : .undecided }
      var upper = false
      var digit: (UInt8) -> Bool = isDigit
      if bytes[index] == 0x78 || bytes[index] == 0x58 {
        upper = bytes[index] == 0x58
        digit = isHex
        index += 1
      }
      let digitsStart = index
      while index < count, digit(bytes[index]), index - start < longestReference { index += 1 }
      guard index < count else { return final ? .bare : .undecided }
      guard index > digitsStart, bytes[index] == 0x3B else { return .bare }
      return upper ? .upperHex : .valid(index + 1 - start)
    }
    guard isNameStart(bytes[index]) else { return .bare }
    while index < count, isName(bytes[index]), index - start < longestReference { index += 1 }
    guard index < count else { return final ? .bare : .undecided }
    return bytes[index] == 0x3B ? .valid(index + 1 - start) : .bare
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard index + length <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<length where bytes[index + offset] != pointer[offset] { return false }
    return true
  }

  /// Whether the bytes from `index` to the end are a prefix of `<![CDATA[`, `<!--` or `<?`.
  private static func couldStartSection(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let tail = bytes[index...]
    for literal in ["<![CDATA[", "<!--", "<?"] where literal.utf8.starts(with: tail) || tail.starts(with: literal.utf8) {
      return true
    }
    return false
  }

  private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = start
    let last = bytes.count - needle.count
    let first = needle[0]
    while index <= last {
      if bytes[index] == first {
        var offset = 1
        while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return index }
      }
      index += 1
    }
    return nil
  }
}
