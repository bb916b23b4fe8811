public import Foundation
import LingkarFeedList
import LingkarFetch
public import LingkarModel
import LingkarParse
import LingkarStore

/// `lingkar feeds add`: turns what a teacher pasted into a feed, checks it, and appends its line.
///
/// A shortcut is expanded; `youtube:@handle` is looked up on the channel page; an address is fetched,
/// and when it is a web page rather than a feed, the feeds the page announces are tried, then the
/// well-known paths. The feed must parse before it is added. A feed already in the file (the same
/// address, or the same feed reached through redirects) is refused with the line that has it.
public struct FeedAdder: Sendable {
  public let options: FeedsOptions

  public init(options: FeedsOptions) {
    self.options = options
  }

  /// What to add and how to label it.
  public struct Request: Sendable {
    public var input: String
    public var tags: [String]
    /// The name for `# added by NAME DATE`.
    public var addedBy: String?
    /// False for `--no-check`: add the address as given, without fetching it.
    public var check: Bool
    public var now: Date
    /// False for a preview (the web's first step): everything is found and checked as for adding,
    /// but neither the feeds file nor the store is written; the result's line is the one that
    /// would be appended, with line number 0.
    public var write: Bool

    public init(
      input: String, tags: [String] = [], addedBy: String? = nil, check: Bool = true, now: Date = Date(),
      write: Bool = true
    ) {
      self.input = input
      self.tags = tags
      self.addedBy = addedBy
      self.check = check
      self.now = now
      self.write = write
    }
  }

  /// What was added.
  public struct Result: Sendable {
    /// The line appended to the feeds file, and its number.
    public var line: String
    public var lineNumber: Int
    /// The address written (a feed URL or a shortcut).
    public var written: String
    /// The feed's title, when it was fetched.
    public var title: String?
    /// The newest three items, newest first, when the feed was fetched.
    public var latest: [Entry]
    /// Every feed found while searching a page, the chosen one first; empty when the input was a feed.
    public var candidates: [Candidate]
    /// Things the teacher should know (a permanent redirect followed, the store not updated).
    public var notes: [Message]
  }

  /// A feed found on the way, with what came of fetching it.
  public struct Candidate: Sendable, Hashable {
    public var url: String
    /// The title the page gave the link, or the feed's own.
    public var title: String?
    /// Where it was found: `link` (the page's `<link rel="alternate">`) or `well-known path`.
    public var origin: String
    /// Why it cannot be used; nil for a working feed.
    public var problem: Message?
  }

  /// A fetched, parsed feed.
  private struct Found {
    var url: String
    var page: WebFetch.Page
    var document: FeedDocument
  }

  public func add(_ request: Request) throws(LingkarFailure) -> Result {
    do { return try adding(request) } catch { throw LingkarFailure(error) }
  }

  private func adding(_ request: Request) throws(FeedsError) -> Result {
    let file = FeedListFile(path: options.feedsPath)
    let input: FeedInput
    do {
      input = try FeedInput.classify(request.input, directory: file.directory)
    } catch {
      throw .input(error.message)
    }
    let states = storedStates()

    // What to fetch, and what to write if it works.
    var written: String
    var fetchURL: String
    var allowsFile = false
    var handleNote: String?
    switch input {
    case .web(let url):
      written = url
      fetchURL = url
    case .shortcut(let shortcut, let url):
      written = shortcut
      fetchURL = url
    case .localFile(let path, let url):
      written = path
      fetchURL = url
      allowsFile = true
    case .youTubeHandle(let handle):
      guard request.check else {
        throw .needsFetch(handle: handle)
      }
      let id = try youTubeChannelID(handle: handle)
      written = "youtube:\(id)"
      fetchURL = options.youTubeOrigin + "/feeds/videos.xml?channel_id=\(id)"
      handleNote = "@\(handle)"
    }
    let list = try currentList(file)
    try refuseDuplicate(of: [written, fetchURL], in: list, states: states, file: file)

    var found: Found?
    var candidates: [Candidate] = []
    var notes: [Message] = []
    if request.check {
      let web = WebFetch(options: options.fetch)
      let first = try web.get([fetchURL], allowsFile: allowsFile)[0]
      if let failure = first.failure {
        throw .unreachable(url: fetchURL, reason: failure.message)
      }
      switch Self.parse(first) {
      case .success(let document):
        found = Found(url: fetchURL, page: first, document: document)
      case .failure(let error):
        guard case .web = input else { throw .notAFeed(url: fetchURL, reason: error.message) }
        (found, candidates) = try search(page: first, web: web, parseError: error)
      }
      if let chosen = found {
        // Written as the feed's address when a page led to it, or where it moved for good.
        if chosen.url != fetchURL, case .web = input { written = chosen.url }
        if let moved = chosen.page.permanentRedirect, case .web = input {
          notes.append(Message("cli.feeds.add.moved", ["url": .text(chosen.url), "moved": .text(moved)]))
          written = moved
        }
        try refuseDuplicate(
          of: [written, chosen.url, chosen.page.finalURL] + (chosen.page.permanentRedirect.map { [$0] } ?? []),
          in: list,
          states: states, file: file, how: Message("errors.feeds.same-after-redirects"))
      }
    }

    let date = Self.day(request.now)
    let note = FeedNote(addedBy: request.addedBy, addedOn: date, description: handleNote).text
    let line = FeedList.line(address: written, tags: request.tags, note: note)
    guard request.write else {
      return Result(
        line: line, lineNumber: 0, written: written, title: found?.document.title,
        latest: found.map { Self.latest($0.document.entries, count: 3) } ?? [], candidates: candidates, notes: notes)
    }
    let lineNumber: Int
    do {
      lineNumber = try file.edit { text throws(FeedsError) -> Int in
        // Checked again under the lock: another edit may have added it meanwhile.
        let fresh = file.list(text)
        let addresses = [written, fetchURL] + (found.map { [$0.url, $0.page.finalURL] } ?? [])
        try refuseDuplicate(of: addresses, in: fresh, states: states, file: file)
        text.append(line)
        return text.lines.count
      }
    } catch {
      throw .edit(error)
    }

    if let found, let note = record(found, written: written, tags: request.tags, now: request.now) {
      notes.append(note)
    }
    let latest = found.map { Self.latest($0.document.entries, count: 3) } ?? []
    return Result(
      line: line, lineNumber: lineNumber, written: written, title: found?.document.title, latest: latest,
      candidates: candidates, notes: notes)
  }

  // MARK: - Searching a page

  /// The feeds a page announces, else the well-known paths; the first working one is chosen.
  private func search(page: WebFetch.Page, web: WebFetch, parseError: FeedParseError) throws(FeedsError) -> (
    Found?, [Candidate]
  ) {
    let discovered = FeedDiscovery.discover(page: page.body, pageURL: page.finalURL, charset: page.charset)
    var candidates: [Candidate] = []
    var tried: [String] = []
    for (origin, links) in [
      ("link", discovered.feeds.map { ($0.url, $0.title) }),
      ("well-known path", FeedDiscovery.wellKnownCandidates(pageURL: page.finalURL).map { ($0, String?.none) }),
    ] {
      guard !links.isEmpty else { continue }
      let pages = try web.get(links.map(\.0))
      var working: [Found] = []
      var seenFinal: Set<String> = []
      for (index, fetched) in pages.enumerated() {
        let url = links[index].0
        var problem: Message?
        var title = links[index].1
        if let failure = fetched.failure {
          problem = failure.message
        } else {
          switch Self.parse(fetched) {
          case .success(let document):
            // Two addresses that end at the same feed (`/feed` → `/feed/`) count once.
            if seenFinal.insert(FeedList.comparable(fetched.finalURL)).inserted {
              working.append(Found(url: url, page: fetched, document: document))
              title = title ?? document.title
            } else {
              continue
            }
          case .failure(let error):
            problem = error.message
          }
        }
        // Well-known paths that are simply absent are not worth listing.
        if origin == "well-known path" && problem != nil {
          tried.append(URLComponents(string: url)?.path ?? url)
          continue
        }
        candidates.append(Candidate(url: url, title: title, origin: origin, problem: problem))
      }
      if let main = working.first {
        // The chosen one first, the others in the order found.
        if let index = candidates.firstIndex(where: { $0.url == main.url }) {
          candidates.insert(candidates.remove(at: index), at: 0)
        }
        return (main, candidates)
      }
    }
    let reason = parseError == .htmlPage ? Message("errors.feeds.page-announces-none") : parseError.message
    if !candidates.isEmpty {
      // Each candidate's problem in the reader's language: a list of messages, joined at the edge.
      let problems = candidates.map { candidate in
        Message(
          "errors.feeds.candidate",
          ["url": .text(candidate.url), "reason": .message(candidate.problem ?? .verbatim("?"))])
      }
      throw .noFeed(
        url: page.url, tried: tried,
        reason: Message("errors.feeds.linked-feeds-broken", ["problems": .message(FeedsError.list(problems))]))
    }
    throw .noFeed(url: page.url, tried: tried, reason: reason)
  }

  private static func parse(_ page: WebFetch.Page) -> Swift.Result<FeedDocument, FeedParseError> {
    do {
      return .success(try FeedParser.parse(page.body, baseURL: page.finalURL, charset: page.charset))
    } catch {
      return .failure(error)
    }
  }

  // MARK: - YouTube

  private func youTubeChannelID(handle: String) throws(FeedsError) -> String {
    let url = options.youTubeOrigin + "/@" + handle
    let page = try WebFetch(options: options.fetch).get([url])[0]
    if let failure = page.failure { throw .youTubeChannelNotFound(handle: handle, reason: failure.message) }
    guard let id = YouTubeChannelPage.channelID(page: page.body, pageURL: page.finalURL) else {
      throw .youTubeChannelNotFound(handle: handle, reason: Message("errors.feeds.youtube-page"))
    }
    return id
  }

  // MARK: - Duplicates

  private func currentList(_ file: FeedListFile) throws(FeedsError) -> FeedList {
    do {
      return file.list(try file.read())
    } catch {
      throw .feedsFile(error.message)
    }
  }

  /// Refuses when any of `addresses` is a feed of the list already: the same address as written or
  /// expanded, or where a listed feed was seen to move.
  private func refuseDuplicate(
    of addresses: [String], in list: FeedList, states: [String: FeedState], file: FeedListFile, how: Message? = nil
  ) throws(FeedsError) {
    for address in addresses {
      if let source = list.source(matching: address) {
        throw .duplicate(fileName: file.fileName, line: source.line, text: Self.describe(source), how: how)
      }
      let wanted = FeedList.comparable(address)
      for source in list.sources {
        guard let moved = states[source.written]?.movedTo, FeedList.comparable(moved) == wanted else { continue }
        throw .duplicate(
          fileName: file.fileName, line: source.line, text: Self.describe(source),
          how: Message("errors.feeds.moved-to", ["url": .text(moved)]))
      }
    }
  }

  private static func describe(_ source: FeedSource) -> String {
    FeedList.line(address: source.written, tags: source.tags, note: source.note)
  }

  // MARK: - Store

  /// The remembered feeds, when a database exists (it is never created just to be read).
  private func storedStates() -> [String: FeedState] {
    guard FileManager.default.fileExists(atPath: options.databasePath) else { return [:] }
    return (try? FeedStore(path: options.databasePath).feedStates()) ?? [:]
  }

  /// Stores what was fetched, so `feeds list` shows the feed at once; a problem is only a note.
  private func record(_ found: Found, written: String, tags: [String], now: Date) -> Message? {
    let source = FeedSource(written: written, url: found.page.finalURL, tags: tags)
    let update = FeedUpdate(
      source: source, status: .ok, validators: found.page.validators,
      host: URLComponents(string: found.page.finalURL)?.host?.lowercased(), document: found.document, time: now)
    do {
      try FeedStore(path: options.databasePath).record([update])
      return nil
    } catch {
      return Message("cli.feeds.add.not-stored", ["reason": .message(error.message)])
    }
  }

  // MARK: - Helpers

  /// The newest `count` entries, newest first; entries without a date keep their order after dated ones.
  static func latest(_ entries: [Entry], count: Int) -> [Entry] {
    let indexed = entries.enumerated().map { ($0.offset, $0.element) }
    let sorted = indexed.sorted { a, b in
      switch (a.1.published ?? a.1.updated, b.1.published ?? b.1.updated) {
      case (let x?, let y?): return x != y ? x > y : a.0 < b.0
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.0 < b.0
      }
    }
    return Array(sorted.prefix(count).map(\.1))
  }

  /// `YYYY-MM-DD` in the local time zone (the day the teacher sees on the calendar).
  static func day(_ date: Date) -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }
}
