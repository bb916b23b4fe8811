import Foundation

/// The bytes of a feeds file as lines, for edits that change exactly the lines they mean to and
/// keep every other byte as it was: comments, blank lines, order, spacing, each line's own line
/// break, and whether the file ends with one.
///
/// This is the one place where the file is cut into lines, for reading (`FeedList`) and editing
/// alike, so that both number lines the same way. A line ends at `\n`, `\r\n` or a lone `\r`
/// (Notepad, old Mac editors and files pasted together from both), judged on the bytes: a
/// `Character`-based split would take `"\r\n"` for one character that is not `"\n"`.
/// Lines are numbered from 1.
public struct FeedListText: Sendable, Hashable {
  /// Each line without its line break.
  public private(set) var lines: [[UInt8]]
  /// The line break after each line, as it was: `\n`, `\r\n`, `\r`, or nothing after the last line.
  public private(set) var breaks: [[UInt8]]

  /// True when the last line ends with a line break.
  public var endsWithNewline: Bool { !(breaks.last?.isEmpty ?? true) }

  public init(_ bytes: [UInt8]) {
    var lines: [[UInt8]] = []
    var breaks: [[UInt8]] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(Array(bytes[start..<index]))
        if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
          breaks.append([0x0D, 0x0A])
          index += 2
        } else {
          breaks.append([byte])
          index += 1
        }
        start = index
      } else {
        index += 1
      }
    }
    if start < bytes.count {
      lines.append(Array(bytes[start...]))
      breaks.append([])
    }
    self.lines = lines
    self.breaks = breaks
  }

  public init(_ text: String) { self.init(Array(text.utf8)) }

  /// The file's bytes.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 2 })
    for index in lines.indices {
      out += lines[index]
      out += breaks[index]
    }
    return out
  }

  /// The text, for `FeedList(parsing:)` (bytes that are not UTF-8 read as U+FFFD).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The text of line `number`, without its line break; bytes that are not UTF-8 read as U+FFFD.
  public func line(_ number: Int) -> String? {
    guard lines.indices.contains(number - 1) else { return nil }
    return String(decoding: lines[number - 1], as: UTF8.self)
  }

  /// The line break new lines get: the file's first one, else `\n`.
  private var usualBreak: [UInt8] {
    breaks.first { !$0.isEmpty } ?? [0x0A]
  }

  /// Adds a line at the end. A file that did not end with a line break still does not; the line
  /// before the new one gets the break it needs.
  public mutating func append(_ text: String) {
    let line = FeedList.oneLine(text)
    let separator = usualBreak
    if lines.isEmpty {
      lines.append(Array(line.utf8))
      breaks.append(separator)
      return
    }
    let endedWithBreak = endsWithNewline
    if !endedWithBreak { breaks[breaks.count - 1] = separator }
    lines.append(Array(line.utf8))
    breaks.append(endedWithBreak ? separator : [])
  }

  /// Removes line `number` with its line break. When it was the last line and had none, the line
  /// before it loses its own, so the file still ends the way it did.
  public mutating func remove(line number: Int) {
    guard lines.indices.contains(number - 1) else { return }
    let index = number - 1
    let removedBreak = breaks[index]
    lines.remove(at: index)
    breaks.remove(at: index)
    if index == lines.count, removedBreak.isEmpty, index > 0 { breaks[index - 1] = [] }
  }

  /// Replaces the address of line `number`, keeping the indentation, tags, spacing and note around
  /// it. The address is found as `FeedList` reads it (also after a label, or inside quotes); a line
  /// that is not valid UTF-8 is rewritten as read (its stray bytes become U+FFFD).
  public mutating func replaceAddress(line number: Int, with address: String) {
    guard lines.indices.contains(number - 1) else { return }
    let bytes = lines[number - 1]
    let decoded = String(decoding: bytes, as: UTF8.self)
    guard let range = FeedListLine.addressRange(in: decoded) else { return }
    let utf8 = decoded.utf8
    let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
    let end = utf8.distance(from: utf8.startIndex, to: range.upperBound)
    let base = Array(utf8)
    lines[number - 1] = Array(base[..<start]) + Array(FeedList.writable(address).utf8) + Array(base[end...])
  }

  /// Turns line `number` into a comment: `# ` + `prefix` + the line as it was.
  public mutating func commentOut(line number: Int, prefix: String) {
    guard lines.indices.contains(number - 1) else { return }
    lines[number - 1] = Array("# \(FeedList.oneLine(prefix))".utf8) + lines[number - 1]
  }
}
