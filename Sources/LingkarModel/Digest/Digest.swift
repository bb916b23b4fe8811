import Foundation

/// Everything a digest says, ready to render: the period, the ranked topics with their items,
/// the suggestions for discussion, the feeds needing attention and the volume history.
///
/// Built by the pipeline from the ranker's answer (`RankedTopic` → `DigestTopic`, `ScoredItem` +
/// the stored entry → `DigestItem`) and the stored feed states; renderers only read it.
public struct Digest: Sendable, Hashable {
  public var period: DigestPeriod
  /// The language of Lingkar's own words.
  public var language: DigestLanguage
  /// Seconds east of UTC for the dates people read (the school's time zone); machine-readable
  /// outputs stay in UTC.
  public var utcOffset: Int
  /// Topics proposed for discussion, best first.
  public var suggestions: [TopicSuggestion]
  /// Every topic with items this period, in rank order.
  public var topics: [DigestTopic]
  /// Keys of the items with no topic ("Lainnya / Other"), one per story, in rank order.
  public var other: [String]
  /// Every item of the period, in rank order.
  public var items: [DigestItem] {
    didSet { itemIndex = Self.index(items) }
  }
  /// Every feed the school follows.
  public var feeds: [DigestFeed]
  /// Item counts per topic over the last periods.
  public var volume: VolumeHistory
  /// The book club's chapter of this fortnight, when the settings have a book club with a session soon.
  public var bookClub: DigestBookClub?
  /// Lines of the feeds file that were skipped (`feeds.txt:LINE` and why), listed with the feeds
  /// needing attention: teachers read the digest, not the run's stderr.
  public var feedsFileProblems: [Diagnostic] = []
  /// Keys of the items teachers shared this period (`lingkar share`), in rank order: the "Dibagikan
  /// guru / Shared by teachers" section. Their sharers are on the items (`DigestItem.sharedBy`).
  public var shared: [String] = []
  /// The votes for the next meeting's topics (`lingkar topics vote`), when the meeting is known.
  public var votes: TopicVotes?
  /// The next meeting of the teachers (the schedule in `lingkar.yaml`, or the date topics were
  /// picked for), told in the short message for the groups; nil when there is no schedule.
  public var nextMeeting: CalendarDay?

  public init(
    period: DigestPeriod, language: DigestLanguage, utcOffset: Int = 0, suggestions: [TopicSuggestion] = [],
    topics: [DigestTopic] = [], other: [String] = [], items: [DigestItem] = [], feeds: [DigestFeed] = [],
    volume: VolumeHistory = VolumeHistory(), bookClub: DigestBookClub? = nil
  ) {
    self.period = period
    self.language = language
    self.utcOffset = utcOffset
    self.suggestions = suggestions
    self.topics = topics
    self.other = other
    self.items = items
    self.feeds = feeds
    self.volume = volume
    self.bookClub = bookClub
    self.itemIndex = Self.index(items)
  }

  private var itemIndex: [String: Int]

  private static func index(_ items: [DigestItem]) -> [String: Int] {
    Dictionary(items.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The number of new items in the period.
  public var itemCount: Int { items.count }

  /// The number of distinct feeds the period's items came from.
  public var sourceCount: Int { Set(items.map(\.feedURL)).count }

  /// The item with this key, if the digest has it.
  public func item(_ key: String) -> DigestItem? {
    itemIndex[key].map { items[$0] }
  }

  /// The topic with this id, if it has items this period.
  public func topic(_ id: String) -> DigestTopic? {
    topics.first { $0.id == id }
  }

  /// The other items of the same story that came from other feeds, one per feed, in digest order.
  public func alsoPostedBy(_ item: DigestItem) -> [DigestItem] {
    var seen: Set<String> = [item.feedURL]
    return item.duplicates.compactMap { self.item($0) }.filter { seen.insert($0.feedURL).inserted }
  }

  /// The feeds needing attention at the end of the period, in feed order.
  public var feedsNeedingAttention: [(feed: DigestFeed, attention: FeedAttention)] {
    feeds.compactMap { feed in feed.attention(asOf: period.to).map { (feed, $0) } }
  }

  /// The digest's date, `YYYY-MM-DD` in the school's time zone: the name of its output folder.
  public var dateStamp: String {
    String(Timestamp.iso8601(period.generated.addingTimeInterval(TimeInterval(utcOffset))).prefix(10))
  }
}
