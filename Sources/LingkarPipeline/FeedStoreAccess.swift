import LingkarModel
import LingkarStore

/// The store calls of the meeting features, with the store's errors in plain words.
enum FeedStoreAccess {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func picks(databasePath: String) throws(Failure) -> [MeetingPicks] {
    do {
      return try FeedStore(path: databasePath).picks()
    } catch {
      throw Failure(description: "cannot read the picks in \(databasePath): \(error)")
    }
  }

  static func record(_ picks: MeetingPicks, databasePath: String) throws(Failure) {
    do {
      try FeedStore(path: databasePath).recordPicks(picks)
    } catch {
      throw Failure(description: "cannot record the picks in \(databasePath): \(error)")
    }
  }
}
