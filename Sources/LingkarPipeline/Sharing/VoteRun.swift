public import Foundation
public import LingkarModel
import LingkarRank
import LingkarStore

/// `lingkar topics vote TOPIC --by NAME` and the web's `/topics/vote`: a teacher says which
/// suggested topic they want to discuss at the next meeting. One vote per person per topic per
/// meeting; voting again takes it back. The facilitator sees the counts beside the ranking where
/// they pick (`lingkar topics`, `topics pick`, digest.json).
public struct VoteRun: Sendable {
  public var databasePath: String
  public var topicsPath: String

  public init(databasePath: String = "lingkar.db", topicsPath: String = "topics.txt") {
    self.databasePath = databasePath
    self.topicsPath = topicsPath
  }

  /// What a vote did.
  public struct Outcome: Sendable, Hashable {
    public var topicID: String
    public var meeting: CalendarDay
    /// True when the vote now counts, false when it was taken back.
    public var counted: Bool
    /// The topic's votes for the meeting, after this one.
    public var count: Int
    public var message: Message
  }

  /// Resolves `topic` as `topics pick` does (`TopicQuery`: id, label or its start, rank in the
  /// latest digest) and turns `name`'s vote for it at `meeting` on or off.
  public func vote(
    _ topic: String, by name: String, meeting: CalendarDay, language: DigestLanguage = Catalogue.current,
    now: Date = Date()
  ) throws(LingkarFailure) -> Outcome {
    guard let voter = ArticleShare.cleanName(name) else {
      throw LingkarFailure(Message("cli.vote.no_name"), kind: .badUsage)
    }
    let topics = try TopicsFileSource.load(path: topicsPath)
    let query = TopicQuery(
      topics: topics.topics.map { TopicQuery.Topic(id: $0.id, labelID: $0.labelID, labelEN: $0.labelEN) },
      ranked: try FeedStoreAccess.latestDigestTopics(databasePath: databasePath))
    let id = try Self.resolve(topic, query)
    do {
      let store = try FeedStore(path: databasePath)
      let counted = try store.toggleVote(meeting: meeting, topicID: id, voter: voter, time: now)
      let count = try store.votes(meeting: meeting).count(id)
      let label = topics.topics.first { $0.id == id }.map { language == .id ? $0.labelID : $0.labelEN } ?? id
      let message = Message(
        counted ? "cli.vote.counted" : "cli.vote.withdrawn",
        [
          "name": .text(voter), "label": .text(label.isEmpty ? id : label), "day": .text(meeting.description),
          "count": .number(count),
        ])
      return Outcome(topicID: id, meeting: meeting, counted: counted, count: count, message: message)
    } catch {
      throw LingkarFailure(
        Message("cli.vote.store_failed", ["db": .text(databasePath), "reason": .text(error.description)]),
        cause: error)
    }
  }

  /// The votes for `meeting`, counted per topic (empty when the database does not exist yet).
  public func votes(meeting: CalendarDay) throws(LingkarFailure) -> TopicVotes {
    guard FileManager.default.fileExists(atPath: databasePath) else { return TopicVotes(meeting: meeting) }
    do {
      return try FeedStore(path: databasePath).votes(meeting: meeting)
    } catch {
      throw LingkarFailure(error)
    }
  }

  /// The topics `voter` voted for at `meeting` (the web shows its buttons pressed).
  public func votes(meeting: CalendarDay, voter: String) throws(LingkarFailure) -> Set<String> {
    guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
    do {
      return try FeedStore(path: databasePath).votes(meeting: meeting, voter: voter)
    } catch {
      throw LingkarFailure(error)
    }
  }

  /// The meeting votes are for when none is named: the schedule's next meeting on or after
  /// `today` (as `topics pick`); nil without a schedule.
  public static func meeting(settings: Settings?, today: CalendarDay) -> CalendarDay? {
    PickRun.nextMeeting(settings: settings, today: today)
  }

  static func resolve(_ name: String, _ query: TopicQuery) throws(LingkarFailure) -> String {
    let said: Message
    switch query.resolve(name) {
    case .topic(let id): return id
    case .ambiguous(let candidates):
      said = Message(
        "cli.vote.ambiguous", ["name": .text(name), "candidates": .text(candidates.joined(separator: ", "))])
    case .unknown(let suggestions) where !suggestions.isEmpty:
      said = Message(
        "cli.vote.unknown", ["name": .text(name), "suggestions": .text(suggestions.joined(separator: ", "))])
    case .unknown:
      said = Message(
        "cli.vote.unknown_list",
        ["name": .text(name), "choices": .text(query.topics.map(\.id).joined(separator: ", "))])
    case .noSuchRank:
      said = Message("cli.vote.no_rank", ["name": .text(name)])
    }
    throw LingkarFailure(said, kind: .badUsage)
  }
}
