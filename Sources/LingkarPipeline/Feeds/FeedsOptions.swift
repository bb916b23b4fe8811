public import Foundation
import LingkarFeedList
public import LingkarFetch

/// What every `lingkar feeds` command needs: the files, the HTTP policy, and where the services
/// Lingkar looks things up on live (replaceable in tests, which never touch the internet).
public struct FeedsOptions: Sendable {
  public var feedsPath: String
  public var databasePath: String
  /// The HTTP policy for the pages and feeds fetched while adding and checking.
  public var fetch = FetchOptions()
  /// Where YouTube channel pages (`/@handle`) and channel feeds (`/feeds/videos.xml`) are fetched.
  public var youTubeOrigin = "https://www.youtube.com"
  /// How long to wait for another edit of the feeds file.
  public var lockTimeout: TimeInterval = 30

  public init(feedsPath: String, databasePath: String) {
    self.feedsPath = feedsPath
    self.databasePath = databasePath
    fetch.totalTimeoutMilliseconds = 30_000
  }

  /// The HTTP settings the command line sets, so that callers need not import LingkarFetch.
  public var totalTimeoutSeconds: Int {
    get { fetch.totalTimeoutMilliseconds / 1000 }
    set { fetch.totalTimeoutMilliseconds = newValue * 1000 }
  }
  public var userAgent: String {
    get { fetch.userAgent }
    set { fetch.userAgent = newValue }
  }

  /// Refuses connections to private addresses (loopback, the school's own network...), as the web
  /// server must for addresses people type in; `endpoints` (`IP:PORT`) stay allowed, for tests.
  public mutating func refusePrivateAddresses(allowing endpoints: Set<String> = []) {
    fetch.addressGuard = AddressGuard(allowedEndpoints: endpoints)
  }

  /// The feeds file (its edits wait up to `lockTimeout` for another) and the feeds it lists.
  func readFeedList() throws(FeedsError) -> (file: FeedListFile, list: FeedList) {
    var file = FeedListFile(path: feedsPath)
    file.lockTimeout = lockTimeout
    do {
      return (file, file.list(try file.read()))
    } catch {
      throw .feedsFile(error.message)
    }
  }
}
