public import Foundation
public import LingkarModel
import LingkarRank
import LingkarStore

/// `lingkar topics pick`: records the topics a facilitator chose for a meeting, and lists past picks.
public struct PickRun: Sendable {
  public var databasePath: String
  public var topicsPath: String

  public init(databasePath: String = "lingkar.db", topicsPath: String = "topics.txt") {
    self.databasePath = databasePath
    self.topicsPath = topicsPath
  }

  /// The meeting a pick is for when none is named: the schedule's next meeting on or after
  /// `today`, or nil when the settings have no schedule.
  public static func nextMeeting(settings: Settings?, today: CalendarDay) -> CalendarDay? {
    settings?.meeting?.meeting(onOrAfter: today)
  }

  /// Records `topicIDs` (in that order) for `meeting`, replacing an earlier pick for it. Every id
  /// must be a topic of the topics file.
  @discardableResult
  public func record(_ topicIDs: [String], meeting: CalendarDay, now: Date = Date()) throws(LingkarFailure)
    -> MeetingPicks
  {
    let topics = try TopicsFileSource.load(path: topicsPath)
    let known = Set(topics.topics.map(\.id))
    var ordered: [String] = []
    for id in topicIDs where !ordered.contains(id) { ordered.append(id) }
    let unknown = ordered.filter { !known.contains($0) }
    if !unknown.isEmpty {
      throw LingkarFailure(
        "unknown topic \(unknown.joined(separator: ", ")); the topics are: "
          + topics.topics.map(\.id).joined(separator: ", "))
    }
    let picks = MeetingPicks(meeting: meeting, topicIDs: ordered, recorded: now)
    try FeedStoreAccess.record(picks, databasePath: databasePath)
    return picks
  }

  /// Every meeting's picks, oldest first.
  public func list() throws(LingkarFailure) -> [MeetingPicks] {
    try FeedStoreAccess.picks(databasePath: databasePath)
  }

  /// `2026-12-03  assessment, literacy (Asesmen dan Penilaian; Literasi)` lines.
  public func listText(language: DigestLanguage) throws(LingkarFailure) -> String {
    let picks = try list()
    if picks.isEmpty { return language == .id ? "Belum ada topik yang dipilih." : "No topics picked yet." }
    let topics = (try? TopicsFileSource.load(path: topicsPath)) ?? .builtIn
    let labels = Dictionary(
      topics.topics.map { ($0.id, language == .id ? $0.labelID : $0.labelEN) }, uniquingKeysWith: { a, _ in a })
    return picks.map { meeting in
      "\(meeting.meeting)  " + meeting.topicIDs.map { "\($0) (\(labels[$0] ?? $0))" }.joined(separator: ", ")
    }.joined(separator: "\n")
  }
}
