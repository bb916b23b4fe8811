public import Foundation
public import LingkarModel
public import LingkarRank

/// What `lingkar topics` needs: where things are, the period, and the meeting history.
public struct TopicRunOptions: Sendable {
  public var databasePath: String
  /// The topics file; when it does not exist the built-in default is used.
  public var topicsPath: String
  public var since: PeriodSpec
  public var now: Date
  /// Topics discussed at recent meetings (damped in the ranking).
  public var discussed: [DiscussedTopic]
  /// Days before the period whose items teach the ranker related terms (not ranked themselves).
  public var historyDays: Int
  /// Seconds east of UTC of the school's time zone (which day counts as today).
  public var utcOffset = 0
  /// How far back a late item's published date may lie for `last` (see `PeriodSpec`).
  public var lookbackDays = PeriodSpec.defaultLookbackDays
  /// The meeting whose topic votes are shown beside the ranking (`lingkar topics vote`); none when nil.
  public var votesMeeting: CalendarDay?

  public init(
    databasePath: String = "lingkar.db", topicsPath: String = "topics.txt", since: PeriodSpec = .last,
    now: Date = Date(), discussed: [DiscussedTopic] = [], historyDays: Int = 90
  ) {
    self.databasePath = databasePath
    self.topicsPath = topicsPath
    self.since = since
    self.now = now
    self.discussed = discussed
    self.historyDays = historyDays
  }

  /// A discussed topic (a `LingkarRank` value, made here so the executable needs only this module).
  public typealias Discussed = DiscussedTopic

  public static func discussed(_ topicID: String, on date: Date) -> DiscussedTopic {
    DiscussedTopic(topicID: topicID, date: date)
  }
}
