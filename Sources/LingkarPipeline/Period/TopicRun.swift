import Foundation
public import LingkarModel
import LingkarRank
import LingkarStore

/// `lingkar topics`: the period's topics, ranked (`RankedPeriod`), with each score explained.
public struct TopicRun {
  public var options: TopicRunOptions

  public init(options: TopicRunOptions) {
    self.options = options
  }

  public func run() throws(LingkarFailure) -> TopicReport {
    let topics = try TopicsFileSource.load(path: options.topicsPath)
    let ranked: RankedPeriod
    var votes: TopicVotes?
    do {
      let store = try FeedStore(path: options.databasePath)
      // `last`: since the end of the previous digest (today's, which a rerun would replace, left out).
      let today = String(Timestamp.iso8601(options.now.addingTimeInterval(TimeInterval(options.utcOffset))).prefix(10))
      let previous = try store.digests(excluding: today, endingBy: options.now, limit: 1).first
      ranked = try RankedPeriod.load(
        store: store, since: options.since, now: options.now, previousEnd: previous?.to,
        lookbackDays: options.lookbackDays, historyDays: options.historyDays, topics: topics,
        discussed: options.discussed)
      votes = try options.votesMeeting.map(store.votes(meeting:))
    } catch {
      if case .folderMissing = error { throw LingkarFailure(error) }
      throw LingkarFailure(reading: options.databasePath, error)
    }
    var report = TopicReport(
      from: ranked.start, to: options.now, topics: topics, ranking: ranked.ranking,
      items: Dictionary(ranked.rankItems.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
      entryIDs: Dictionary(
        ranked.items.map { (ItemKey.of($0), $0.entry.id ?? "") }, uniquingKeysWith: { first, _ in first }))
    report.votes = votes
    return report
  }
}
