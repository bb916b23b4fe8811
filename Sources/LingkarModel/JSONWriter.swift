/// A small streaming JSON writer that keeps keys in the order they are written.
public struct JSONWriter {
  public private(set) var output = ""
  private var needsComma: [Bool] = []
  /// Spaces per level when pretty-printing; 0 writes everything on one line.
  private let indent: Int

  public init() {
    indent = 0
  }

  /// A writer that puts every member and element on its own line, indented by `indent` spaces
  /// per level, for files people read and diff.
  public init(indent: Int) {
    self.indent = indent
  }

  public mutating func open() {
    output += "{"
    needsComma.append(false)
  }

  public mutating func close() {
    closing()
    output += "}"
  }

  public mutating func openArray() {
    output += "["
    needsComma.append(false)
  }

  public mutating func closeArray() {
    closing()
    output += "]"
  }

  private mutating func closing() {
    let hadMembers = needsComma.removeLast()
    if indent > 0 && hadMembers { newline() }
  }

  private mutating func newline() {
    output += "\n" + String(repeating: " ", count: indent * needsComma.count)
  }

  /// Starts an array element (writes the separating comma).
  public mutating func element() {
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
    if indent > 0 { newline() }
  }

  public mutating func key(_ name: String) {
    element()
    appendQuoted(name)
    output += indent > 0 ? ": " : ":"
  }

  public mutating func string(_ value: String?) {
    guard let value else {
      output += "null"
      return
    }
    appendQuoted(value)
  }

  public mutating func integer(_ value: Int?) {
    output += value.map(String.init) ?? "null"
  }

  public mutating func number(_ value: Double) {
    output += value.isFinite ? String(value) : "null"
  }

  public mutating func bool(_ value: Bool) {
    output += value ? "true" : "false"
  }

  public mutating func strings(_ values: [String]) {
    openArray()
    for value in values {
      element()
      appendQuoted(value)
    }
    closeArray()
  }

  private mutating func appendQuoted(_ text: String) {
    output += "\""
    var plainStart = text.utf8.startIndex
    let utf8 = text.utf8
    var index = plainStart
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x22 || byte == 0x5C || byte < 0x20 {
        output += String(text[plainStart..<index])
        switch byte {
        case 0x22: output += "\\\""
        case 0x5C: output += "\\\\"
        case 0x0A: output += "\\n"
        case 0x0D: output += "\\r"
        case 0x09: output += "\\t"
        default:
          let hex = String(byte, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        plainStart = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    output += String(text[plainStart..<utf8.endIndex])
    output += "\""
  }
}
