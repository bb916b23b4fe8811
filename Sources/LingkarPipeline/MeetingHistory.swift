import Foundation
public import LingkarModel
public import LingkarRank

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
  public static func suggestions(ranked: [String], carried: [String], count: Int) -> [(topicID: String, carriedOver: Bool)] {
    let carriedSet = Set(carried)
    var result = ranked.prefix(count).map { ($0, carriedSet.contains($0)) }
    let shown = Set(result.map(\.0))
    let available = Set(ranked)
    for topic in carried where !shown.contains(topic) && available.contains(topic) { result.append((topic, true)) }
    return result.map { (topicID: $0.0, carriedOver: $0.1) }
  }

  /// The meetings' picks (from the store) and the digests' suggestions (from each
  /// `output/YYYY-MM-DD/digest.json`).
  public static func load(databasePath: String, outputDirectory: String) throws -> MeetingHistory {
    let picks = try FeedStoreAccess.picks(databasePath: databasePath)
    return MeetingHistory(picks: picks, shortlists: shortlists(outputDirectory: outputDirectory))
  }

  /// The suggestions of every digest in `output/`.
  public static func shortlists(outputDirectory: String) -> [Shortlist] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    return names.sorted().compactMap { name -> Shortlist? in
      guard let day = CalendarDay(name),
        let data = FileManager.default.contents(atPath: outputDirectory + "/" + name + "/digest.json"),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let suggestions = object["suggestions"] as? [[String: Any]]
      else { return nil }
      let topics = suggestions.compactMap { $0["topic"] as? String }
      let carried = suggestions.filter { ($0["carried_over"] as? Bool) == true }.compactMap { $0["topic"] as? String }
      return Shortlist(date: day, topicIDs: topics, carried: Set(carried))
    }
  }
}
