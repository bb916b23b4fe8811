public import Foundation

/// One teacher sharing one article (`lingkar share`, the web's `/share`): who, when, and what they
/// said about it. An article shared by several teachers is one item with all their shares.
public struct ArticleShare: Sendable, Hashable {
  /// The name as the teacher gave it.
  public var name: String
  /// What they wrote with it, if anything (plain text).
  public var note: String?
  public var time: Date

  public init(name: String, note: String? = nil, time: Date) {
    self.name = name
    self.note = note
    self.time = time
  }

  /// The key that makes "Bu Ani", "bu ani" and " Bu  Ani " one person: case and accents ignored,
  /// single spaces. One person shares an article once and votes on a topic once.
  public static func personKey(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A name as it is kept and shown: control characters and line breaks taken out, single spaces,
  /// at most 80 characters; nil when nothing is left.
  public static func cleanName(_ name: String) -> String? {
    let words = name.split(whereSeparator: isBlank)
    let joined = String(words.joined(separator: " ").prefix(80))
    return joined.isEmpty ? nil : joined
  }

  /// White space, a line break or a control character: what separates the words of a name or note.
  static func isBlank(_ character: Character) -> Bool {
    character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
  }

  /// A note as it is kept and shown: one paragraph (control characters and line breaks become
  /// spaces), at most 500 characters; nil when nothing is left.
  public static func cleanNote(_ note: String) -> String? {
    let words = note.split(whereSeparator: isBlank)
    let joined = String(words.joined(separator: " ").prefix(500))
    return joined.isEmpty ? nil : joined
  }
}

/// How many people voted for each topic for one meeting (`lingkar topics vote`, the web's
/// `/topics/vote`): shown beside the ranking where the facilitator picks.
public struct TopicVotes: Sendable, Hashable {
  /// The meeting the votes are for.
  public var meeting: CalendarDay
  /// Votes per topic id; a topic nobody voted for is absent.
  public var counts: [String: Int]

  public init(meeting: CalendarDay, counts: [String: Int] = [:]) {
    self.meeting = meeting
    self.counts = counts
  }

  public func count(_ topicID: String) -> Int { counts[topicID] ?? 0 }
}
