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
    /// The five digest files (`digest-full.txt` after `digest.txt`), then `index.html` and `feed.xml`.
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
    let (topics, settings) = try inputs()
    let store: FeedStore
    let digest: Digest
    let earlier: [DigestRecord]
    let feedID: String
    do {
      store = try FeedStore(path: options.databasePath)
      if verify { try store.verify() }
      // Before anything is read from the store: what an older Lingkar kept only in output/.
      feedID = try LegacyOutput.feedID(store: store, outputDirectory: options.outputDirectory)
      let previous = try store.digests(
        excluding: options.dateStamp, endingBy: options.now, limit: options.historyPeriods)
      digest = try build(
        store: store, topics: topics, settings: settings, since: options.since, previous: previous,
        meetings: try MeetingHistory.load(store: store))
      earlier = try store.allDigests()
    } catch {
      throw LingkarFailure(error)
    }
    let paths: [String]
    do {
      paths = try DigestWriter(outputDirectory: options.outputDirectory).write(digest, earlier: earlier, feedID: feedID)
    } catch {
      throw LingkarFailure(LingkarFailure.reason(error), cause: error)
    }
    do {
      try store.recordDigest(DigestBuilder.record(digest, files: paths))
    } catch {
      throw LingkarFailure(error)
    }
    return Result(digest: digest, paths: paths)
  }

  /// The digest recorded for `date` (the newest when nil) made again from the store, for
  /// `lingkar mail`: the store keeps what a digest was (period, clock, language, suggestions), not
  /// its pages, so its recorded period is ranked again through the same `RankedPeriod` with the
  /// meetings as they were then, and its recorded suggestions are kept. Items fetched since, if
  /// placed in an explicit period, may join it. Nil when no digest is recorded for `date`.
  public func rebuild(date: String?) throws(LingkarFailure) -> Digest? {
    let (topics, settings) = try inputs()
    do {
      let store = try FeedStore(path: options.databasePath)
      _ = try LegacyOutput.feedID(store: store, outputDirectory: options.outputDirectory)
      guard let record = try store.digest(date: date) else { return nil }
      var run = self
      run.options.now = record.to
      run.options.utcOffset = record.utcOffset
      run.options.language = DigestLanguage(rawValue: record.language) ?? options.language
      let previous = try store.digests(excluding: record.date, endingBy: record.to, limit: options.historyPeriods)
      // A `last` digest started where the previous one ended; any other started at its own date.
      let since: PeriodSpec = previous.first.map { $0.to == record.from } == true ? .last : .date(record.from)
      let picks = try store.picks().filter { $0.recorded <= record.generated }
      let meetings = MeetingHistory(picks: picks, shortlists: [])
      var digest = try run.build(
        store: store, topics: topics, settings: settings, since: since, previous: previous, meetings: meetings,
        recordedSuggestions: record.suggestions)
      digest.period.generated = record.generated
      return digest
    } catch {
      throw LingkarFailure(error)
    }
  }

  /// The topics file and the settings.
  private func inputs() throws(LingkarFailure) -> (TopicsFile, Settings?) {
    (try TopicsFileSource.load(path: options.topicsPath), try SettingsSource.load(path: options.settingsPath))
  }

  /// The digest of the period ending at `options.now`: the period ranked once (`RankedPeriod`),
  /// the meetings' damping and carry-over, the feeds' health and the book club's chapter.
  private func build(
    store: FeedStore, topics: TopicsFile, settings: Settings?, since: PeriodSpec, previous: [DigestRecord],
    meetings: MeetingHistory, recordedSuggestions: [DigestRecord.Suggestion]? = nil
  ) throws(StoreError) -> Digest {
    let now = options.now
    // Its skipped lines are listed with the feeds needing attention.
    let list = feedList
    // The meetings so far: picked topics are damped, passed-over suggestions carry over.
    let discussed = options.discussed + meetings.discussed(utcOffset: options.utcOffset)
    let ranked = try RankedPeriod.load(
      store: store, since: since, now: now, previousEnd: previous.first?.to,
      lookbackDays: settings?.lookbackDays ?? options.lookbackDays, historyDays: options.historyDays, topics: topics,
      discussed: discussed)
    var builder = DigestBuilder(
      topics: topics, suggestionCount: options.suggestionCount, readingsPerSuggestion: options.readingsPerSuggestion)
    builder.carriedOver = CalendarDay(options.dateStamp).map { meetings.carriedOver(asOf: $0) } ?? []
    builder.recordedSuggestions = recordedSuggestions
    for topic in discussed {
      builder.lastDiscussed[topic.topicID] = max(builder.lastDiscussed[topic.topicID] ?? topic.date, topic.date)
    }
    var digest = builder.digest(
      period: DigestPeriod(from: ranked.start, to: now, generated: now), language: options.language,
      utcOffset: options.utcOffset, ranked: ranked, feeds: try feeds(store, list: list), previous: previous)
    digest.feedsFileProblems = list?.diagnostics ?? []
    // Articles teachers shared, and the votes for the next meeting's topics.
    let votesMeeting =
      options.votesMeeting
      ?? CalendarDay(options.dateStamp).flatMap { PickRun.nextMeeting(settings: settings, today: $0) }
    digest.attachSharing(ranked, shares: try store.shares(), votes: try votesMeeting.map(store.votes(meeting:)))
    // The next meeting, for the short message: the schedule's, else the nearest date topics were
    // picked for.
    if let today = CalendarDay(options.dateStamp) {
      digest.nextMeeting =
        PickRun.nextMeeting(settings: settings, today: today)
        ?? meetings.picks.map(\.meeting).filter { $0 >= today }.min()
    }
    // The book club's chapter, chosen and scored as the agenda of the next meeting does.
    if let settings, let today = CalendarDay(options.dateStamp) {
      let day = PickRun.nextMeeting(settings: settings, today: today) ?? today
      if let (club, chapter) = BookClubReadings.current(settings: settings, day: day) {
        digest.bookClub = ranked.bookClub(club, chapter)
      }
    }
    return digest
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
    let addresses = list?.sources.map(\.written) ?? states.keys.sorted().filter { $0 != FeedStore.sharedFeedURL }
    return addresses.map { written in
      let state = states[written]
      return DigestFeed(
        url: written, title: state?.title, status: state?.status, error: state?.error, movedTo: state?.movedTo,
        lastItem: lastItems[written])
    }
  }
}
