public import Foundation
public import LingkarModel

/// What `lingkar digest` (and the writing half of `lingkar run`) needs: where things are, the
/// period, the language, and the clock.
public struct DigestRunOptions: Sendable {
  public var databasePath: String
  /// The feeds file, for the order and the list of the feeds the digest reports on; when it cannot
  /// be read, every feed the database knows is reported.
  public var feedsPath: String
  /// The topics file; when it does not exist the built-in default is used.
  public var topicsPath: String
  /// The `output/` folder.
  public var outputDirectory: String
  /// The settings file (`lingkar.yaml`); when it does not exist the digest has no book-club section.
  public var settingsPath: String
  public var since: PeriodSpec = .last
  /// The language of Lingkar's own words in the digest.
  public var language: DigestLanguage = .id
  /// The end of the period and the digest's time.
  public var now = Date()
  /// Seconds east of UTC of the school's time zone: the digest's date and the dates people read.
  public var utcOffset = 0
  /// How long to wait for another run's lock before giving up (exit 3).
  public var lockWait: TimeInterval = 5
  /// Days before now a late item may have been published and still enter a `--since last` digest
  /// (see `PeriodSpec`); the settings' `lookback_days` overrides it.
  public var lookbackDays = PeriodSpec.defaultLookbackDays
  /// Days before the period whose items teach the ranker related terms (not ranked themselves).
  public var historyDays = 90
  /// Earlier digests shown in the volume chart and used for each topic's trend.
  public var historyPeriods = 5
  /// Topics suggested for discussion.
  public var suggestionCount = 3
  /// Readings listed under each suggested topic.
  public var readingsPerSuggestion = 3
  /// Topics discussed at recent meetings (damped in the ranking).
  public var discussed: [TopicRunOptions.Discussed] = []
  /// The meeting whose topic votes digest.json shows; by default the schedule's next meeting.
  public var votesMeeting: CalendarDay?

  public init(
    databasePath: String = "lingkar.db", feedsPath: String = "feeds.txt", topicsPath: String = "topics.txt",
    outputDirectory: String = "output", settingsPath: String = "lingkar.yaml"
  ) {
    self.databasePath = databasePath
    self.feedsPath = feedsPath
    self.topicsPath = topicsPath
    self.outputDirectory = outputDirectory
    self.settingsPath = settingsPath
  }

  /// The digest's date, `YYYY-MM-DD` in the school's time zone (the name of its output folder).
  var dateStamp: String {
    String(Timestamp.iso8601(now.addingTimeInterval(TimeInterval(utcOffset))).prefix(10))
  }
}
