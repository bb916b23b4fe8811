public import Foundation
import LingkarFeedList
public import LingkarModel
import LingkarStore

/// "Our teachers" (`lingkar feeds teachers`, the web's page of the school's own writers): the feeds
/// of `feeds.txt` tagged as a teacher's own blog or account (`"guru"` by default, any case), in the
/// file's order, each with its latest stored posts.
public struct TeacherFeeds {
  public let options: FeedsOptions
  /// The tag that marks a teacher's own feed.
  public var tag: String
  /// Posts shown under each feed.
  public var postsShown: Int

  public init(options: FeedsOptions, tag: String = "guru", postsShown: Int = 3) {
    self.options = options
    self.tag = tag
    self.postsShown = postsShown
  }

  /// One teacher's feed.
  public struct Teacher: Sendable, Hashable {
    public var line: Int
    /// The address as written in the feeds file.
    public var written: String
    /// The feed's own title, else the note's description.
    public var title: String?
    /// Who added it (`# added by NAME`).
    public var addedBy: String?
    /// The newest posts, newest first: title, link and date as every page shows them.
    public var posts: [Post]
  }

  public struct Post: Sendable, Hashable {
    public var title: String?
    public var link: String?
    /// Its published date, else when Lingkar first saw it.
    public var date: Date
  }

  public func teachers() throws(LingkarFailure) -> [Teacher] {
    let list: FeedList
    do {
      list = try options.readFeedList().list
    } catch {
      throw LingkarFailure(error)
    }
    let wanted = ArticleShare.personKey(tag)
    let sources = list.sources.filter { source in source.tags.contains { ArticleShare.personKey($0) == wanted } }
    var states: [String: FeedState] = [:]
    var latest: [String: [StoredItem]] = [:]
    if !sources.isEmpty, FileManager.default.fileExists(atPath: options.databasePath) {
      do {
        let store = try FeedStore(path: options.databasePath)
        states = try store.feedStates()
        latest = try store.latestItems(feeds: sources.map(\.written), limit: postsShown)
      } catch {
        throw LingkarFailure(error)
      }
    }
    return sources.map { source in
      let note = FeedNote(parsing: source.note)
      return Teacher(
        line: source.line, written: source.written, title: states[source.written]?.title ?? note.description,
        addedBy: note.addedBy,
        posts: (latest[source.written] ?? []).map { Post(title: $0.entry.title, link: $0.entry.link, date: $0.date) })
    }
  }
}
