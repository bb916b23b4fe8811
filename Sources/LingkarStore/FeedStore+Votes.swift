public import Foundation
public import LingkarModel

extension FeedStore {
  /// Turns one person's vote for a topic at a meeting on or off: a first vote counts, a second one
  /// takes it back (the web's vote button, `lingkar topics vote`). The person is their name with
  /// case, accents and spacing ignored (`ArticleShare.personKey`). Returns true when the vote now
  /// counts. One transaction, so two clicks at once never count twice.
  public func toggleVote(meeting: CalendarDay, topicID: String, voter: String, time: Date) throws(StoreError) -> Bool {
    try connection.transaction { () throws(StoreError) -> Bool in
      let person = ArticleShare.personKey(voter)
      let remove = try connection.statement(
        "DELETE FROM votes WHERE meeting = ? AND topic_id = ? AND voter_key = ? RETURNING 1")
      try remove.bind([.text(meeting.description), .text(topicID), .text(person)])
      let removed = try remove.step()
      remove.reset()
      if removed { return false }
      try connection.statement(
        "INSERT INTO votes (meeting, topic_id, voter, voter_key, recorded) VALUES (?, ?, ?, ?, ?)"
      ).bind([.text(meeting.description), .text(topicID), .text(voter), .text(person), SQLValue(time)]).run()
      return true
    }
  }

  /// The votes for `meeting`, counted per topic.
  public func votes(meeting: CalendarDay) throws(StoreError) -> TopicVotes {
    let statement = try connection.statement(
      "SELECT topic_id, count(*) FROM votes WHERE meeting = ? GROUP BY topic_id")
    try statement.bind([.text(meeting.description)])
    var votes = TopicVotes(meeting: meeting)
    while try statement.step() {
      if let topic = statement.text(0) { votes.counts[topic] = Self.count(statement.integer(1)) }
    }
    return votes
  }

  /// The topics `voter` voted for at `meeting` (for the web's buttons: voted or not).
  public func votes(meeting: CalendarDay, voter: String) throws(StoreError) -> Set<String> {
    let statement = try connection.statement("SELECT topic_id FROM votes WHERE meeting = ? AND voter_key = ?")
    try statement.bind([.text(meeting.description), .text(ArticleShare.personKey(voter))])
    var topics: Set<String> = []
    while try statement.step() { if let topic = statement.text(0) { topics.insert(topic) } }
    return topics
  }
}
