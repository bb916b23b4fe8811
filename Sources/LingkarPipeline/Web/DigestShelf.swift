public import Foundation
public import LingkarModel
import LingkarStore

/// The digests recorded in the store, for the web's reading pages: which exist, and one of them
/// made again from the store (`DigestRun.rebuild`, the same path `lingkar mail` takes).
public struct DigestShelf: Sendable {
  public var options: DigestRunOptions

  public init(options: DigestRunOptions) {
    self.options = options
  }

  /// One recorded digest, as the archive lists it.
  public struct Entry: Sendable, Hashable {
    public var date: String
    public var items: Int
    public var sources: Int
    /// When it was written: a rerun the same day replaces it.
    public var generated: Date
  }

  /// Every recorded digest, newest first.
  public func entries() throws(LingkarFailure) -> [Entry] {
    do {
      return try FeedStore(path: options.databasePath).allDigests().reversed().map {
        Entry(date: $0.date, items: $0.itemCount, sources: $0.sourceCount, generated: $0.generated)
      }
    } catch {
      throw LingkarFailure("cannot read the digests in \(options.databasePath): \(error)", cause: error)
    }
  }

  /// The digest of `date` (the newest when nil), or nil when none is recorded.
  public func digest(date: String?) throws(LingkarFailure) -> Digest? {
    try DigestRun(options: options).rebuild(date: date)
  }
}
