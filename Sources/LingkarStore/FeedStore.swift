internal import CSQLite
import Foundation
public import LingkarModel

/// What Lingkar remembers between runs, in one SQLite file: feeds with their validators and health,
/// and every item seen. WAL journal; every batch of results is one transaction, so a run killed at
/// any instant leaves the database as it was after the last batch.
public final class FeedStore {
  let connection: SQLiteConnection

  /// Opens (creating if needed) and migrates the database at `path`.
  public init(path: String, busyTimeoutMilliseconds: Int = 5000) throws(StoreError) {
    try DatabaseFolder.require(path)
    connection = try SQLiteConnection(path: path)
    try connection.check(sqlite3_busy_timeout(connection.handle, Int32(clamping: busyTimeoutMilliseconds)))
    // A database from a newer Lingkar is refused before anything here writes to it (switching to
    // WAL rewrites its header): reading the version is the first thing done with the file, and
    // also what finds a file that is not a database, or whose first page is damaged.
    try Migrations.checkVersion(connection)
    // Items carry whole posts: large pages mean fewer overflow pages and far fewer WAL writes.
    // Only a new, empty file takes it (before WAL); an existing one keeps its page size.
    try connection.execute("PRAGMA page_size = 32768")
    try connection.execute("PRAGMA journal_mode = WAL")
    try connection.execute("PRAGMA synchronous = NORMAL")
    try connection.execute("PRAGMA foreign_keys = ON")
    try Migrations.migrate(connection)
  }

  /// The schema version (`PRAGMA user_version`).
  public func schemaVersion() throws(StoreError) -> Int {
    try scalar("PRAGMA user_version") ?? 0
  }

  /// Checks every page of the file (`PRAGMA quick_check`: the structure of every table and index,
  /// not whether each index matches its table) and throws `.damaged` with what SQLite found.
  ///
  /// A damaged page of an index nothing reads is otherwise found only by the write that touches
  /// it, or never. The check reads the whole file: 2.7-3.6 s for 100,000 items (442 MB) on a
  /// loaded 2-core machine, 0.09 s for 5,000 (22 MB), so it is not done at every open (`feeds
  /// list`, `topics`) but once per `fetch`, `digest` and `run`, before they write.
  public func verify() throws(StoreError) {
    let statement = try connection.statement("PRAGMA quick_check")
    var problems: [String] = []
    while try statement.step() {
      let line = statement.text(0) ?? ""
      if line != "ok" { problems.append(line) }
    }
    statement.reset()
    guard problems.isEmpty else {
      let detail = problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "")
      throw .damaged(path: connection.path, detail: detail)
    }
  }

  /// The result of `PRAGMA integrity_check`: `ok` when the file is sound.
  public func integrityCheck() throws(StoreError) -> String {
    let statement = try connection.statement("PRAGMA integrity_check")
    var lines: [String] = []
    while try statement.step() { lines.append(statement.text(0) ?? "") }
    return lines.joined(separator: "\n")
  }

  /// Items held, in all feeds.
  public func itemCount() throws(StoreError) -> Int {
    try scalar("SELECT count(*) FROM items") ?? 0
  }

  /// Items held for one feed (by its address as written).
  public func itemCount(feed written: String) throws(StoreError) -> Int {
    let statement = try connection.statement(
      "SELECT count(*) FROM items JOIN feeds ON feeds.id = items.feed_id WHERE feeds.url = ?")
    try statement.bind([.text(written)])
    return try statement.step() ? statement.integer(0) ?? 0 : 0
  }

  /// The canonical links of a feed's items, for checks and duplicate detection.
  public func canonicalLinks(feed written: String) throws(StoreError) -> [String] {
    let statement = try connection.statement(
      "SELECT canonical_link FROM items JOIN feeds ON feeds.id = items.feed_id WHERE feeds.url = ? ORDER BY items.id")
    try statement.bind([.text(written)])
    var links: [String] = []
    while try statement.step() { if let link = statement.text(0) { links.append(link) } }
    return links
  }

  /// Every remembered feed, by its address as written in `feeds.txt`.
  public func feedStates() throws(StoreError) -> [String: FeedState] {
    let statement = try connection.statement(
      """
      SELECT url, resolved_url, title, etag, last_modified, status, error, failures, next_fetch, moved_to,
             gone, last_success FROM feeds
      """)
    var states: [String: FeedState] = [:]
    while try statement.step() {
      guard let url = statement.text(0) else { continue }
      states[url] = FeedState(
        written: url, resolvedURL: statement.text(1) ?? url, title: statement.text(2),
        validators: Validators(etag: statement.text(3), lastModified: statement.text(4)),
        status: statement.text(5).flatMap(FeedStatus.init(rawValue:)), error: statement.text(6),
        failureStreak: Self.count(statement.integer(7)),
        nextFetch: statement.date(8), movedTo: statement.text(9),
        gone: (statement.integer(10) ?? 0) != 0,
        lastSuccess: statement.date(11))
    }
    return states
  }

  /// What a batch changed.
  public struct BatchSummary: Sendable, Equatable {
    /// Items seen for the first time.
    public var new = 0
    /// Items already held whose content changed (edited posts).
    public var updated = 0
    public init() {}
  }

  /// Records a batch of fetch results in one transaction. Nothing is ever deleted here: a failed
  /// fetch only updates the feed's health.
  @discardableResult
  public func record(_ updates: [FeedUpdate]) throws(StoreError) -> BatchSummary {
    try connection.transaction { () throws(StoreError) -> BatchSummary in
      var summary = BatchSummary()
      for update in updates {
        let feedID = try upsertFeed(update)
        if let document = update.document {
          let counts = try storeItems(document.entries, feedID: feedID, time: update.time)
          summary.new += counts.new
          summary.updated += counts.updated
        }
        if let until = update.retryAfter, let host = update.host, !host.isEmpty {
          try connection.statement(
            "UPDATE feeds SET next_fetch = max(coalesce(next_fetch, 0), ?) WHERE host = ?"
          ).bind([.real(until.timeIntervalSince1970), .text(host)]).run()
        }
      }
      return summary
    }
  }

  private func upsertFeed(_ update: FeedUpdate) throws(StoreError) -> Int {
    let insert = try connection.statement(
      """
      INSERT INTO feeds (url, resolved_url, host) VALUES (?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET resolved_url = excluded.resolved_url, host = excluded.host
      RETURNING id
      """)
    try insert.bind([.text(update.source.written), .text(update.source.url), .text(update.host ?? "")])
    guard try insert.step(), let id = insert.integer(0) else {
      throw .sqlite(code: SQLITE_ERROR, message: "the feed row was not created")
    }
    insert.reset()
    let time = SQLValue(update.time)
    let sql: String
    var values: [SQLValue]
    switch update.status {
    case .ok, .moved:
      sql = """
        UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, status = ?, error = NULL,
          failures = 0, next_fetch = NULL, moved_to = ?, gone = 0, last_attempt = ?, last_success = ? WHERE id = ?
        """
      values = [
        SQLValue(update.document?.title), SQLValue(update.validators?.etag),
        SQLValue(update.validators?.lastModified), .text(update.status.rawValue), SQLValue(update.movedTo), time,
        time,
      ]
    case .notModified:
      sql = """
        UPDATE feeds SET status = ?, error = NULL, failures = 0, next_fetch = NULL, gone = 0, last_attempt = ?,
          last_success = ? WHERE id = ?
        """
      values = [.text(update.status.rawValue), time, time]
    case .gone:
      sql = "UPDATE feeds SET status = ?, error = ?, gone = 1, last_attempt = ? WHERE id = ?"
      values = [.text(update.status.rawValue), SQLValue(update.failure?.code), time]
    case .failed:
      sql = """
        UPDATE feeds SET status = ?, error = ?, failures = failures + 1, next_fetch = ?, last_attempt = ?
        WHERE id = ?
        """
      values = [.text(update.status.rawValue), SQLValue(update.failure?.code), SQLValue(update.nextFetch), time]
    }
    try connection.statement(sql).bind(values + [.integer(id)]).run()
    return id
  }

  /// A count read from a row, brought into 0...1,000,000,000: a damaged or hand-edited row must
  /// not make `streak + 1` or a sum of comment counts overflow.
  static func count(_ value: Int?) -> Int {
    min(max(value ?? 0, 0), 1_000_000_000)
  }

  private func scalar(_ sql: String) throws(StoreError) -> Int? {
    let statement = try connection.statement(sql)
    return try statement.step() ? statement.integer(0) : nil
  }
}
