import Foundation

/// The bytes of a feeds file as lines, for edits that change exactly the lines they mean to and
/// keep every other byte as it was: comments, blank lines, order, spacing, `\r\n` line ends, and
/// whether the file ends with a line break.
///
/// Lines are numbered from 1, as `FeedList` numbers them.
public struct FeedListText: Sendable, Hashable {
  /// Each line without its line break.
  public private(set) var lines: [[UInt8]]
  /// True when the last line ends with a line break (the file then ends with `\n`).
  public private(set) var endsWithNewline: Bool

  public init(_ bytes: [UInt8]) {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    endsWithNewline = bytes.last == 0x0A
    if endsWithNewline || bytes.isEmpty { lines.removeLast() }
    self.lines = lines
  }

  public init(_ text: String) { self.init(Array(text.utf8)) }

  /// The file's bytes.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for (index, line) in lines.enumerated() {
      out += line
      if index < lines.count - 1 || endsWithNewline { out.append(0x0A) }
    }
    return out
  }

  /// The text, for `FeedList(parsing:)` (bytes that are not UTF-8 read as U+FFFD).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The text of line `number`, without its line break (nor a `\r` before it).
  public func line(_ number: Int) -> String? {
    guard lines.indices.contains(number - 1) else { return nil }
    var line = lines[number - 1]
    if line.last == 0x0D { line.removeLast() }
    return String(decoding: line, as: UTF8.self)
  }

  /// True when the file's lines end with `\r\n` (judged by the first line break).
  private var usesCRLF: Bool {
    guard let first = lines.first, lines.count > 1 || endsWithNewline else { return false }
    return first.last == 0x0D
  }

  /// Adds a line at the end. A file that did not end with a line break still does not; the line
  /// before the new one gets the break it needs.
  public mutating func append(_ line: String) {
    var bytes = Array(line.utf8)
    if usesCRLF { bytes.append(0x0D) }
    if lines.isEmpty { endsWithNewline = true }
    lines.append(bytes)
  }

  /// Removes line `number` with its line break.
  public mutating func remove(line number: Int) {
    guard lines.indices.contains(number - 1) else { return }
    lines.remove(at: number - 1)
    if lines.isEmpty { endsWithNewline = false }
  }

  /// Replaces the address at the start of line `number` (the first run of non-blank characters),
  /// keeping the indentation, tags, spacing and note around it.
  public mutating func replaceAddress(line number: Int, with address: String) {
    guard lines.indices.contains(number - 1) else { return }
    let line = lines[number - 1]
    let start = line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.endIndex
    let end = line[start...].firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ?? line.endIndex
    lines[number - 1] = Array(line[..<start]) + Array(address.utf8) + Array(line[end...])
  }

  /// Turns line `number` into a comment: `# ` + `prefix` + the line as it was.
  public mutating func commentOut(line number: Int, prefix: String) {
    guard lines.indices.contains(number - 1) else { return }
    lines[number - 1] = Array("# \(prefix)".utf8) + lines[number - 1]
  }
}
