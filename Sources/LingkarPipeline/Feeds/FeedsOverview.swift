public import Foundation
import LingkarFeedList
public import LingkarModel
import LingkarStore

/// `lingkar feeds list`: every feed of the feeds file with what Lingkar knows of it.
public struct FeedsOverview: Sendable {
  public let options: FeedsOptions

  public init(options: FeedsOptions) {
    self.options = options
  }

  /// One feed, as the table shows it.
  public struct Row: Sendable, Hashable {
    public var line: Int
    /// The address as written (URL or shortcut).
    public var written: String
    /// The address fetched (the shortcut expanded).
    public var url: String
    /// The feed's own title, else the note's description.
    public var title: String?
    public var tags: [String]
    public var addedBy: String?
    public var addedOn: String?
    public var lastSuccess: Date?
    public var items: Int
    public var newestItem: Date?
    /// What the last fetch found; nil when the feed was never fetched.
    public var status: FeedStatus?
    public var failureStreak: Int
    /// The last problem, in plain words.
    public var error: String?
    /// Where the feed moved for good, when it did.
    public var movedTo: String?
  }

  /// The rows, in the file's order, and the file's malformed lines.
  public func rows() throws(LingkarFailure) -> (rows: [Row], diagnostics: [Diagnostic]) {
    do { return try reading() } catch { throw LingkarFailure(error) }
  }

  private func reading() throws(FeedsError) -> (rows: [Row], diagnostics: [Diagnostic]) {
    let list = try options.readFeedList().list
    var states: [String: FeedState] = [:]
    var activity: [String: FeedStore.FeedActivity] = [:]
    if FileManager.default.fileExists(atPath: options.databasePath) {
      do {
        let store = try FeedStore(path: options.databasePath)
        states = try store.feedStates()
        activity = try store.feedActivity()
      } catch {
        throw FeedsError(error)
      }
    }
    let rows = list.sources.map { source in
      let state = states[source.written]
      let note = FeedNote(parsing: source.note)
      let seen = activity[source.written] ?? FeedStore.FeedActivity()
      return Row(
        line: source.line, written: source.written, url: source.url, title: state?.title ?? note.description,
        tags: source.tags, addedBy: note.addedBy, addedOn: note.addedOn, lastSuccess: state?.lastSuccess,
        items: seen.items, newestItem: seen.newestItem, status: state?.status, failureStreak: state?.failureStreak ?? 0,
        error: state?.error, movedTo: state?.movedTo)
    }
    return (rows, list.diagnostics)
  }
}
