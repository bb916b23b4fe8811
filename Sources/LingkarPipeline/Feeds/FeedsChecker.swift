public import Foundation
import LingkarFeedList
public import LingkarModel
import LingkarStore

/// `lingkar feeds check`: the health of every feed. Fetches them all first (like `lingkar fetch`,
/// failing feeds included), then reports what is gone (410), moved (301/308), failing, silent,
/// listed twice, or not a feed at all. With `fix`, moved feeds get their new address and gone feeds
/// are commented out; every other byte of the file stays as it was.
public struct FeedsChecker {
  public let options: FeedsOptions

  public init(options: FeedsOptions) {
    self.options = options
  }

  /// What `check` is asked to do.
  public struct Request: Sendable {
    /// Fetch every feed first; false reports from what is stored.
    public var fetch: Bool
    /// Rewrite moved addresses and comment out gone feeds.
    public var fix: Bool
    /// A feed with no new item for longer than this is silent.
    public var silentDays: Int
    public var now: Date

    public init(fetch: Bool = true, fix: Bool = false, silentDays: Int = 60, now: Date = Date()) {
      self.fetch = fetch
      self.fix = fix
      self.silentDays = silentDays
      self.now = now
    }
  }

  /// One problem with one line.
  public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
      case gone, moved, failing, silent, duplicate, notAFeed = "not-a-feed", unreadableLine = "bad-line", notFetched =
        "not-fetched"
    }

    public var line: Int
    /// The address as written; nil for a line that could not be read.
    public var written: String?
    public var kind: Kind
    /// What is wrong and what to do, for people.
    public var message: Message
    /// For a moved feed, the new address.
    public var movedTo: String?
  }

  public struct Report: Sendable {
    public var feeds: Int
    public var findings: [Finding]
    /// The lines `fix` changed, described.
    public var fixed: [Message]
    /// Problems of the fetch itself (the database lock, a store error) that did not stop the check.
    public var notes: [Message]

    /// Feeds with no finding.
    public var healthy: Int { feeds - Set(findings.filter { $0.written != nil }.map(\.line)).count }
  }

  public func check(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws(LingkarFailure) -> Report {
    do { return try checking(request, progress: progress) } catch { throw LingkarFailure(error) }
  }

  private func checking(_ request: Request, progress: (Int, Int) -> Void) throws(FeedsError) -> Report {
    var notes: [Message] = []
    if request.fetch {
      var run = FetchRunOptions(feedsPath: options.feedsPath, databasePath: options.databasePath)
      run.fetch = options.fetch
      run.ignoreBackoff = true
      do {
        _ = try FetchRun(options: run, now: { request.now }).run(progress: progress)
      } catch {
        if error.kind == .locked { throw .locked(error.said) }
        if error.cause is FeedListEditError { throw .feedsFile(error.said) }
        notes.append(Message("cli.feeds.check.fetch-failed", ["reason": .message(error.said)]))
      }
    }
    let (file, list) = try options.readFeedList()
    let (states, activity, links) = try stored(list)
    var findings = Self.findings(list: list, states: states, activity: activity, links: links, request: request)
    var fixed: [Message] = []
    if request.fix {
      fixed = try fix(findings.filter { $0.kind == .gone || $0.kind == .moved }, file: file, now: request.now)
      if !fixed.isEmpty {
        // The fixed lines are fine now; report only what is left.
        findings.removeAll { $0.kind == .gone || $0.kind == .moved }
      }
    }
    return Report(feeds: list.sources.count, findings: findings, fixed: fixed, notes: notes)
  }

  // MARK: - Findings

  private func stored(_ list: FeedList) throws(FeedsError) -> (
    [String: FeedState], [String: FeedStore.FeedActivity], [String: Set<String>]
  ) {
    guard FileManager.default.fileExists(atPath: options.databasePath) else { return ([:], [:], [:]) }
    do {
      let store = try FeedStore(path: options.databasePath)
      var links: [String: Set<String>] = [:]
      for source in list.sources { links[source.written] = Set(try store.canonicalLinks(feed: source.written)) }
      return (try store.feedStates(), try store.feedActivity(), links)
    } catch {
      throw FeedsError(error)
    }
  }

  static func findings(
    list: FeedList, states: [String: FeedState], activity: [String: FeedStore.FeedActivity],
    links: [String: Set<String>], request: Request
  ) -> [Finding] {
    var findings: [Finding] = []
    for diagnostic in list.diagnostics {
      let line = Int(diagnostic.subject.split(separator: ":").last ?? "") ?? 0
      findings.append(Finding(line: line, kind: .unreadableLine, message: diagnostic.said))
    }
    var firstLine: [String: Int] = [:]
    for source in list.sources {
      func add(_ kind: Finding.Kind, _ message: Message, movedTo: String? = nil) {
        findings.append(
          Finding(line: source.line, written: source.written, kind: kind, message: message, movedTo: movedTo))
      }
      // Listed twice: the same address under another spelling, or another line's feed moved here.
      let key = FeedList.comparable(source.url)
      if let first = firstLine[key] {
        add(
          .duplicate,
          Message("cli.feeds.check.duplicate", ["first": .number(first), "lineNumber": .number(source.line)]))
      } else {
        firstLine[key] = source.line
      }
      guard let state = states[source.written] else {
        add(.notFetched, Message("cli.feeds.check.not-fetched"))
        continue
      }
      if state.gone || state.status == .gone {
        add(.gone, Message("cli.feeds.check.gone"))
        continue
      }
      if let moved = state.movedTo {
        add(.moved, Message("cli.feeds.check.moved", ["url": .text(moved)]), movedTo: moved)
      }
      if state.status == .failed {
        let failure = state.failure
        let isPage: Bool
        switch failure {
        case .webPage?: isPage = true
        case .unreadable(let detail)?: isPage = detail.hasPrefix("not-a-feed:")
        case .other(let text)?:
          isPage = text.hasPrefix("unreadable feed: not a feed") || text == "this is a web page, not a feed"
        default: isPage = false
        }
        let reason =
          failure.map { MessageArgument.message($0.message) } ?? .message(Message("cli.feeds.check.no-reason"))
        if isPage {
          add(.notAFeed, Message("cli.feeds.check.not-a-feed", ["reason": reason, "url": .text(source.url)]))
        } else {
          add(.failing, Message("cli.feeds.check.failing", ["count": .number(state.failureStreak), "reason": reason]))
        }
        continue
      }
      let seen = activity[source.written] ?? FeedStore.FeedActivity()
      let limit = request.now.addingTimeInterval(-Double(request.silentDays) * 86_400)
      if let newest = seen.newestItem, newest < limit {
        let days = Int(request.now.timeIntervalSince(newest) / 86_400)
        add(
          .silent,
          Message(
            "cli.feeds.check.silent",
            ["count": .number(days), "day": .text(String(Timestamp.iso8601(newest).prefix(10)))]))
      } else if seen.items == 0, state.lastSuccess != nil {
        add(.silent, Message("cli.feeds.check.empty"))
      }
    }
    // The same posts under two addresses (a blog's Atom and RSS feeds, an old and a new host).
    let sources = list.sources.filter { (links[$0.written]?.count ?? 0) >= 3 }
    for (index, later) in sources.enumerated() {
      guard !findings.contains(where: { $0.line == later.line && $0.kind == .duplicate }),
        let laterLinks = links[later.written]
      else { continue }
      for earlier in sources[..<index] {
        guard let earlierLinks = earlier.written == later.written ? nil : links[earlier.written] else { continue }
        let shared = laterLinks.intersection(earlierLinks).count
        if Double(shared) >= 0.8 * Double(min(laterLinks.count, earlierLinks.count)) {
          findings.append(
            Finding(
              line: later.line, written: later.written, kind: .duplicate,
              message: Message(
                "cli.feeds.check.same-posts", ["first": .number(earlier.line), "lineNumber": .number(later.line)])))
          break
        }
      }
    }
    return findings.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
  }

  // MARK: - Fixing

  /// Rewrites moved addresses and comments out gone feeds, under the lock, matching lines by their
  /// address so that an edit made meanwhile is respected.
  private func fix(_ findings: [Finding], file: FeedListFile, now: Date) throws(FeedsError) -> [Message] {
    var fixed: [Message] = []
    var renamed: [(old: String, new: String)] = []
    do {
      try file.edit { text in
        let list = file.list(text)
        for finding in findings {
          guard let written = finding.written,
            let source = list.sources.first(where: { $0.written == written })
          else { continue }
          switch finding.kind {
          case .moved:
            guard let moved = finding.movedTo else { continue }
            if let other = list.source(matching: moved), other.line != source.line {
              text.commentOut(line: source.line, prefix: "moved to \(moved), already on line \(other.line): ")
              fixed.append(
                Message(
                  "cli.feeds.check.fixed-merged", ["lineNumber": .number(source.line), "other": .number(other.line)]))
            } else {
              text.replaceAddress(line: source.line, with: moved)
              renamed.append((written, moved))
              fixed.append(
                Message(
                  "cli.feeds.check.fixed-moved",
                  ["lineNumber": .number(source.line), "old": .text(written), "url": .text(moved)]))
            }
          case .gone:
            text.commentOut(line: source.line, prefix: "gone (HTTP 410) on \(FeedAdder.day(now)): ")
            fixed.append(Message("cli.feeds.check.fixed-gone", ["lineNumber": .number(source.line)]))
          default:
            continue
          }
        }
      }
    } catch {
      throw .edit(error)
    }
    if !renamed.isEmpty, let store = try? FeedStore(path: options.databasePath) {
      for (old, new) in renamed { try? store.renameFeed(old, to: new, resolvedURL: new) }
    }
    return fixed
  }
}
