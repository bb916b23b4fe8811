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
        Message(
          "errors.pick.unknown-ids",
          [
            "names": .text(unknown.joined(separator: ", ")),
            "known": .text(topics.topics.map(\.id).joined(separator: ", ")),
          ]
        ))
    }
    let picks = MeetingPicks(meeting: meeting, topicIDs: ordered, recorded: now)
    try FeedStoreAccess.record(picks, databasePath: databasePath)
    return picks
  }

  /// What `pick` did: the pick recorded, the one it replaced (same meeting), and the warnings a
  /// `--force` let through.
  public struct Outcome: Sendable {
    public var picks: MeetingPicks
    public var replaced: MeetingPicks?
    public var warnings: [Message]
    /// "Picked for the meeting of …: … It replaces the earlier pick: …", not yet in a language.
    public var said: Message
    /// The teachers' votes for the meeting (`lingkar topics vote`), per topic.
    public var votes = TopicVotes(meeting: CalendarDay(daysSinceEpoch: 0))
    /// `said` in the language the pick was made in.
    public var text: String
  }

  /// Resolves `names` (ids, labels or prefixes of them, rank numbers in the newest digest; see
  /// `TopicQuery`) and records them for `meeting`. A meeting that is not a day of `schedule`, or is
  /// before `today`, is refused unless `force`: a pick nobody's meeting will see is most likely a
  /// typo in the date. Every refusal is bad usage (exit 2) and records nothing.
  @discardableResult
  public func pick(
    _ names: [String], meeting: CalendarDay, today: CalendarDay, schedule: MeetingSchedule?, force: Bool = false,
    language: DigestLanguage = .en, now: Date = Date()
  ) throws(LingkarFailure) -> Outcome {
    let topics = try TopicsFileSource.load(path: topicsPath)
    let query = TopicQuery(
      topics: topics.topics.map { TopicQuery.Topic(id: $0.id, labelID: $0.labelID, labelEN: $0.labelEN) },
      ranked: try FeedStoreAccess.latestDigestTopics(databasePath: databasePath))
    var ids: [String] = []
    var problems: [Message] = []
    for name in names {
      switch query.resolve(name) {
      case .topic(let id): if !ids.contains(id) { ids.append(id) }
      case .ambiguous(let candidates):
        problems.append(
          Message("cli.pick.ambiguous", ["given": .text(name), "names": .text(candidates.joined(separator: ", "))]))
      case .unknown(let suggestions) where !suggestions.isEmpty:
        problems.append(
          Message("cli.pick.did_you_mean", ["given": .text(name), "names": .text(suggestions.joined(separator: ", "))]))
      case .unknown:
        problems.append(
          Message(
            "cli.pick.unknown", ["given": .text(name), "names": .text(query.topics.map(\.id).joined(separator: ", "))]))
      case .noSuchRank(0):
        problems.append(Message("cli.pick.no_digest", ["given": .text(name)]))
      case .noSuchRank(let count):
        problems.append(Message("cli.pick.no_such_number", ["given": .text(name), "count": .number(count)]))
      }
    }
    if !problems.isEmpty { throw LingkarFailure(Self.lines(problems), kind: .badUsage) }
    var warnings: [Message] = []
    if meeting < today {
      warnings.append(
        Message("cli.pick.past", ["day": .text(meeting.description), "current": .text(today.description)]))
    }
    if let schedule, !schedule.isMeeting(meeting) {
      warnings.append(
        Message(
          "cli.pick.not_meeting_day",
          [
            "day": .text(meeting.description), "before": .text(schedule.meeting(before: meeting).description),
            "after": .text(schedule.meeting(onOrAfter: meeting).description),
          ]))
    }
    if !warnings.isEmpty && !force {
      throw LingkarFailure(Message("cli.pick.refused", ["reason": .message(Self.joined(warnings))]), kind: .badUsage)
    }
    let earlier = try list().last { $0.meeting == meeting }
    let picks = try record(ids, meeting: meeting, now: now)
    let labels = Dictionary(
      topics.topics.map { ($0.id, language == .id ? $0.labelID : $0.labelEN) }, uniquingKeysWith: { a, _ in a })
    func named(_ ids: [String]) -> String {
      ids.map { id in labels[id].map { $0.isEmpty ? id : "\($0) (\(id))" } ?? id }.joined(separator: ", ")
    }
    let picked: MessageArgument = .text(named(picks.topicIDs))
    let said: Message
    if let earlier {
      said =
        earlier.topicIDs == picks.topicIDs
        ? Message("cli.pick.picked_same", ["day": .text(meeting.description), "names": picked])
        : Message(
          "cli.pick.picked_replaces",
          ["day": .text(meeting.description), "names": picked, "earlier": .text(named(earlier.topicIDs))])
    } else {
      said = Message("cli.pick.picked", ["day": .text(meeting.description), "names": picked])
    }
    var outcome = Outcome(
      picks: picks, replaced: earlier, warnings: warnings, said: said, text: said.text(in: language))
    outcome.votes = try VoteRun(databasePath: databasePath, topicsPath: topicsPath).votes(meeting: meeting)
    return outcome
  }

  /// Messages one a line, as one message (rendered in whatever language the whole is).
  static func lines(_ messages: [Message]) -> Message {
    guard let first = messages.first else { return .verbatim("") }
    return messages.dropFirst().reduce(first) { Message("cli.lines", ["first": .message($0), "next": .message($1)]) }
  }

  /// Messages joined with `; `, as one message.
  static func joined(_ messages: [Message]) -> Message {
    guard let first = messages.first else { return .verbatim("") }
    return messages.dropFirst().reduce(first) { Message("cli.joined", ["first": .message($0), "next": .message($1)]) }
  }

  /// Every meeting's picks, oldest first.
  public func list() throws(LingkarFailure) -> [MeetingPicks] {
    try FeedStoreAccess.picks(databasePath: databasePath)
  }

  /// `2026-12-03  assessment, literacy (Asesmen dan Umpan Balik; Literasi)` lines.
  public func listText(language: DigestLanguage) throws(LingkarFailure) -> String {
    let picks = try list()
    if picks.isEmpty { return Catalogue.for(language).text("cli.pick.none_yet") }
    let topics = (try? TopicsFileSource.load(path: topicsPath)) ?? .builtIn
    let labels = Dictionary(
      topics.topics.map { ($0.id, language == .id ? $0.labelID : $0.labelEN) }, uniquingKeysWith: { a, _ in a })
    return picks.map { meeting in
      "\(meeting.meeting)  " + meeting.topicIDs.map { "\($0) (\(labels[$0] ?? $0))" }.joined(separator: ", ")
    }.joined(separator: "\n")
  }
}
