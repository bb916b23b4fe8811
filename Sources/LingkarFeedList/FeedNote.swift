import Foundation

/// The parts of a line's `# note` that Lingkar writes and reads back: who added the feed and when
/// (`added by Bu Sari 2026-11-29`), and what is left, which describes the feed.
public struct FeedNote: Sendable, Hashable {
  /// The name after `added by`.
  public var addedBy: String?
  /// The `YYYY-MM-DD` date after the name.
  public var addedOn: String?
  /// The rest of the note (often the feed's name); nil when nothing is left.
  public var description: String?

  public init(addedBy: String? = nil, addedOn: String? = nil, description: String? = nil) {
    self.addedBy = addedBy
    self.addedOn = addedOn
    self.description = description
  }

  /// Reads a note as written in `feeds.txt` (without the `#`).
  public init(parsing note: String?) {
    guard let note, !note.isEmpty else { return }
    guard let range = note.range(of: "added by ", options: .caseInsensitive) else {
      description = note
      return
    }
    let before = note[..<range.lowerBound].trimmingCharacters(in: Self.separators)
    var words = note[range.upperBound...].split(separator: " ").map(String.init)
    if let last = words.last, Self.isDate(last) {
      addedOn = last
      words.removeLast()
    }
    let name = words.joined(separator: " ").trimmingCharacters(in: Self.separators)
    addedBy = name.isEmpty ? nil : name
    description = before.isEmpty ? nil : before
  }

  /// The note as Lingkar writes it: `DESCRIPTION; added by NAME DATE`, leaving out what is missing.
  public var text: String {
    var added = ""
    if let addedBy { added = "added by \(addedBy)" }
    if let addedOn { added += added.isEmpty ? "added \(addedOn)" : " \(addedOn)" }
    switch (description, added.isEmpty) {
    case (let description?, false): return "\(description); \(added)"
    case (let description?, true): return description
    case (nil, _): return added
    }
  }

  private static let separators = CharacterSet(charactersIn: " ;,-—")

  private static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
      && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }
}
