import Foundation
public import LingkarModel

extension FeedStore {
  /// Records the topics picked for a meeting, replacing an earlier pick for the same meeting (a
  /// facilitator may change their mind before the meeting).
  public func recordPicks(_ picks: MeetingPicks) throws(StoreError) {
    try connection.transaction { () throws(StoreError) in
      let clear = try connection.statement("DELETE FROM picks WHERE meeting = ?")
      try clear.bind([.text(picks.meeting.description)]).run()
      let insert = try connection.statement(
        "INSERT OR IGNORE INTO picks (meeting, topic_id, position, recorded) VALUES (?, ?, ?, ?)")
      for (position, topic) in picks.topicIDs.enumerated() {
        insert.reset()
        try insert.bind([
          .text(picks.meeting.description), .text(topic), .integer(position),
          .real(picks.recorded.timeIntervalSince1970),
        ]).run()
      }
    }
  }

  /// Every meeting's picks, oldest meeting first, topics in the facilitator's order.
  public func picks() throws(StoreError) -> [MeetingPicks] {
    let statement = try connection.statement(
      "SELECT meeting, topic_id, recorded FROM picks ORDER BY meeting, position, topic_id")
    var result: [MeetingPicks] = []
    while try statement.step() {
      guard let day = statement.text(0).flatMap(CalendarDay.init) else { continue }
      let topic = statement.text(1) ?? ""
      let recorded = (statement.date(2) ?? Date(timeIntervalSince1970: 0))
      if result.last?.meeting == day {
        result[result.count - 1].topicIDs.append(topic)
        result[result.count - 1].recorded = max(result[result.count - 1].recorded, recorded)
      } else {
        result.append(MeetingPicks(meeting: day, topicIDs: [topic], recorded: recorded))
      }
    }
    return result
  }
}
