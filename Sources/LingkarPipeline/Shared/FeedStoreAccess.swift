import LingkarModel
import LingkarStore

/// The store calls of the meeting features, with the store's errors in plain words (exit code 1).
enum FeedStoreAccess {

  static func picks(databasePath: String) throws(LingkarFailure) -> [MeetingPicks] {
    do {
      return try FeedStore(path: databasePath).picks()
    } catch {
      throw LingkarFailure(reading: databasePath, error)
    }
  }

  static func record(_ picks: MeetingPicks, databasePath: String) throws(LingkarFailure) {
    do {
      try FeedStore(path: databasePath).recordPicks(picks)
    } catch {
      throw LingkarFailure(
        Message("errors.picks.record", ["path": .text(databasePath), "reason": .message(error.message)]), cause: error)
    }
  }

  /// The topic ids of the newest recorded digest, first-ranked first (empty when there is none):
  /// what `topics pick 2` counts in.
  static func latestDigestTopics(databasePath: String) throws(LingkarFailure) -> [String] {
    do {
      let topics = try FeedStore(path: databasePath).digest(date: nil)?.topics ?? []
      return topics.sorted { $0.rank < $1.rank }.map(\.id)
    } catch {
      throw LingkarFailure(reading: databasePath, error)
    }
  }
}
