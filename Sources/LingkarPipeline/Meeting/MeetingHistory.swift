import Foundation
public import LingkarModel
public import LingkarRank
import LingkarStore

/// What the meetings decided, and what that means for the next suggestions:
///
/// - **Damping.** Every picked topic counts as discussed on its meeting's day (a topic picked for a
///   coming meeting counts from that day, so it is damped at once). The ranker fades the damping
///   over four weeks ("discussed 2 weeks ago" keeps about half of it).
/// - **Carry-over.** The topics suggested in the last digest before a meeting but not picked there
///   are *carried over*: the next suggestions list them again, marked, even when they rank below
///   the usual number of suggestions (as long as the new period has items on them). No score is
///   changed. A topic carries over once: if it is passed over again, it must earn its place.
public struct MeetingHistory: Sendable {
  public var picks: [MeetingPicks]
  public var shortlists: [Shortlist]

  /// The topics one digest suggested.
  public struct Shortlist: Sendable, Hashable {
    /// The digest's date (its output folder).
    public var date: CalendarDay
    /// Suggested topic ids, best first.
    public var topicIDs: [String]
    /// Those that were there because they were carried over.
    public var carried: Set<String>

    public init(date: CalendarDay, topicIDs: [String], carried: Set<String> = []) {
      self.date = date
      self.topicIDs = topicIDs
      self.carried = carried
    }
  }

  public init(picks: [MeetingPicks], shortlists: [Shortlist]) {
    self.picks = picks.sorted { $0.meeting < $1.meeting }
    self.shortlists = shortlists.sorted { $0.date < $1.date }
  }

  /// Every picked topic as the ranker's `DiscussedTopic`, dated at the start of its meeting's day.
  public func discussed(utcOffset: Int = 0) -> [DiscussedTopic] {
    picks.flatMap { meeting in
      meeting.topicIDs.map { DiscussedTopic(topicID: $0, date: meeting.meeting.start(utcOffset: utcOffset)) }
    }
  }

  /// The topics carried over into suggestions made on `day`, best first (as they were suggested).
  public func carriedOver(asOf day: CalendarDay) -> [String] {
    guard let meeting = picks.last(where: { $0.meeting <= day }),
      let shortlist = shortlists.last(where: { $0.date <= meeting.meeting })
    else { return [] }
    let picked = Set(meeting.topicIDs)
    return shortlist.topicIDs.filter { !picked.contains($0) && !shortlist.carried.contains($0) }
  }

  /// The suggestions' topic ids for a ranking: the first `count` ranked topics, then the carried
  /// ones that ranked lower (only topics with items in the period, that is in `ranked`). Each with
  /// whether it is carried over.
  public static func suggestions(ranked: [String], carried: [String], count: Int) -> [(
    topicID: String, carriedOver: Bool
  )] {
    let carriedSet = Set(carried)
    var result = ranked.prefix(count).map { ($0, carriedSet.contains($0)) }
    let shown = Set(result.map(\.0))
    let available = Set(ranked)
    for topic in carried where !shown.contains(topic) && available.contains(topic) { result.append((topic, true)) }
    return result.map { (topicID: $0.0, carriedOver: $0.1) }
  }

  /// The meetings' picks and the digests' suggestions, both from the store (never from `output/`,
  /// which is only written: deleting it changes nothing).
  static func load(store: FeedStore) throws(StoreError) -> MeetingHistory {
    MeetingHistory(picks: try store.picks(), shortlists: try store.allDigests().compactMap(Shortlist.init))
  }
}

extension MeetingHistory.Shortlist {
  /// The suggestions of a recorded digest; nil for a record whose date is not a day.
  init?(_ record: DigestRecord) {
    guard let day = CalendarDay(record.date) else { return nil }
    self.init(
      date: day, topicIDs: record.suggestions.map(\.topicID),
      carried: Set(record.suggestions.filter(\.carriedOver).map(\.topicID)))
  }
}
