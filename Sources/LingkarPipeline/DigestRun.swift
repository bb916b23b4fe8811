import Foundation
import LingkarFeedList
public import LingkarModel
import LingkarRank
public import LingkarStore

/// `lingkar digest`: ranks the period's stored items and writes the digest files, then records
/// the digest in the database (so the next `--since last` starts where this one ended).
public struct DigestRun {
  public var options: DigestRunOptions

  public init(options: DigestRunOptions) {
    self.options = options
  }

  /// What was written.
  public struct Result: Sendable {
    public var digest: Digest
    /// The four digest files, then `index.html` and `feed.xml`.
    public var paths: [String]
  }

  /// Takes the run lock, writes, and lets the lock go.
  public func run() throws(LingkarFailure) -> Result {
    let lock: RunLock
    do {
      lock = try RunLock(path: options.databasePath + ".lock", wait: options.lockWait)
    } catch {
      throw LingkarFailure(error)
    }
    defer { withExtendedLifetime(lock) {} }
    return try write(holding: lock, verify: true)
  }

  /// Writes the digest under the run lock the caller holds (`lingkar run` holds it for the fetch
  /// and the digest). With `verify`, the database is checked for damage first (`lingkar run` has
  /// its fetch do that).
  public func write(holding lock: RunLock, verify: Bool = false) throws(LingkarFailure) -> Result {
    if let problem = options.since.problem(now: options.now) { throw .period(problem) }
    let topics = try TopicRun.loadTopics(path: options.topicsPath)
    let settings = try SettingsSource.load(path: options.settingsPath)
    let store: FeedStore
    var digest: Digest
    // Its skipped lines are listed with the feeds needing attention.
    let list = feedList
    do {
      store = try FeedStore(path: options.databasePath)
      if verify { try store.verify() }
      let now = options.now
      let previous = try store.digests(excluding: options.dateStamp, endingBy: now, limit: options.historyPeriods)
      let lookback = settings?.lookbackDays ?? options.lookbackDays
      let (start, items) = try options.since.items(
        in: store, now: now, previousDigest: previous.first?.to, lookbackDays: lookback)
      // Items fetched late belong to the period, not to its history as well.
      let periodKeys = Set(items.map(TopicRun.itemKey))
      let history = try store.items(since: start.addingTimeInterval(-Double(options.historyDays) * 86_400), until: start)
        .filter { !periodKeys.contains(TopicRun.itemKey($0)) }
      // The meetings so far: picked topics are damped, passed-over suggestions carry over.
      let meetings = MeetingHistory(
        picks: try store.picks(), shortlists: MeetingHistory.shortlists(outputDirectory: options.outputDirectory))
      let discussed = options.discussed + meetings.discussed(utcOffset: options.utcOffset)
      let carried = CalendarDay(options.dateStamp).map { meetings.carriedOver(asOf: $0) } ?? []
      let rankItems = TopicRun.rankItems(items)
      let historyItems = TopicRun.rankItems(history)
      let ranking = Ranker(topics: topics).rank(rankItems, history: historyItems, discussed: discussed, now: now)
      var builder = DigestBuilder(
        topics: topics, suggestionCount: options.suggestionCount, readingsPerSuggestion: options.readingsPerSuggestion)
      builder.carriedOver = carried
      for topic in discussed {
        builder.lastDiscussed[topic.topicID] = max(builder.lastDiscussed[topic.topicID] ?? topic.date, topic.date)
      }
      digest = builder.digest(
        period: DigestPeriod(from: start, to: now, generated: now), language: options.language,
        utcOffset: options.utcOffset, items: items, ranking: ranking, feeds: try feeds(store, list: list),
        previous: previous)
      digest.feedsFileProblems = list?.diagnostics ?? []
      // The book club's chapter, chosen and scored as the agenda of the next meeting does.
      if let settings, let today = CalendarDay(options.dateStamp) {
        let day = PickRun.nextMeeting(settings: settings, today: today) ?? today
        if let (club, chapter) = BookClubReadings.current(settings: settings, day: day) {
          let chapterRanking = BookClubReadings.ranker(topics, chapter: chapter).rank(rankItems, history: historyItems, now: now)
          digest.bookClub = RankedReadings(stored: items, ranking: chapterRanking).bookClub(club, chapter)
        }
      }
    } catch {
      throw LingkarFailure(error)
    }
    let paths: [String]
    do {
      paths = try DigestWriter(outputDirectory: options.outputDirectory).write(digest)
    } catch {
      throw LingkarFailure("\(error)", cause: error)
    }
    do {
      try store.recordDigest(DigestBuilder.record(digest))
    } catch {
      throw LingkarFailure(error)
    }
    return Result(digest: digest, paths: paths)
  }

  /// The feeds file's list, nil when it cannot be read.
  private var feedList: FeedList? {
    try? FeedListFile(path: options.feedsPath).readList(mustExist: true)
  }

  /// The feeds of the feeds file, in its order, with what the database knows of each; every known
  /// feed when there is no readable feeds file.
  private func feeds(_ store: FeedStore, list: FeedList?) throws(StoreError) -> [DigestFeed] {
    let states = try store.feedStates()
    let lastItems = try store.lastItemDates()
    let addresses = list?.sources.map(\.written) ?? states.keys.sorted()
    return addresses.map { written in
      let state = states[written]
      return DigestFeed(
        url: written, title: state?.title, status: state?.status, error: state?.error, movedTo: state?.movedTo,
        lastItem: lastItems[written])
    }
  }
}
