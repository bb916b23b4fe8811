public import Foundation
import LingkarDigest
public import LingkarModel
import LingkarQR
import LingkarRank
import LingkarStore

/// `lingkar board` and the web's `/board`: the A4 board for the teachers' room ("mading"). The
/// period is the one `lingkar topics` ranks (`last`: since the previous digest); the articles are
/// the ones teachers shared in it (newest share first), then the best readings of its topics, first
/// of each topic in rank order, then second, until the last sheet is full (`BoardHTMLRenderer
/// .perPage`); each carries a QR code of its address (libqrencode, level M).
public struct BoardRun: Sendable {
  public var databasePath: String
  public var topicsPath: String
  public var outputDirectory: String
  public var settings: Settings
  public var since: PeriodSpec
  public var language: DigestLanguage?
  public var now: Date
  /// Shared articles shown at most (three sheets).
  public var maximumShared = 24
  /// Days before the period whose items teach the ranker related terms.
  public var historyDays = 90

  public init(
    databasePath: String = "lingkar.db", topicsPath: String = "topics.txt", outputDirectory: String = "output",
    settings: Settings = Settings(), since: PeriodSpec = .last, language: DigestLanguage? = nil, now: Date = Date()
  ) {
    self.databasePath = databasePath
    self.topicsPath = topicsPath
    self.outputDirectory = outputDirectory
    self.settings = settings
    self.since = since
    self.language = language
    self.now = now
  }

  /// The board, built from the store (for the web's page, which renders it with `BoardHTMLRenderer`).
  public func build() throws(LingkarFailure) -> Board {
    let topics = try TopicsFileSource.load(path: topicsPath)
    let offset = Settings.schoolOffset(settings, now: now)
    let ranked: RankedPeriod
    let shares: [String: [ArticleShare]]
    do {
      let store = try FeedStore(path: databasePath)
      let today = String(Timestamp.iso8601(now.addingTimeInterval(TimeInterval(offset))).prefix(10))
      let previous = try store.digests(excluding: today, endingBy: now, limit: 1).first
      ranked = try RankedPeriod.load(
        store: store, since: since, now: now, previousEnd: previous?.to,
        lookbackDays: settings.lookbackDays ?? PeriodSpec.defaultLookbackDays, historyDays: historyDays,
        topics: topics)
      shares = try store.shares()
    } catch {
      throw LingkarFailure(error)
    }
    let language = DigestLanguage.choose(
      flag: language, settings: settings, environment: ProcessInfo.processInfo.environment)
    var board = Board(
      language: language, utcOffset: offset, from: ranked.start, to: now, generated: now,
      schoolName: settings.schoolName)
    var seen: Set<String> = []
    // Shared articles: newest share first.
    let shared = ranked.items.filter { $0.feed == FeedStore.sharedFeedURL }.sorted {
      ($0.firstSeen, $0.key) > ($1.firstSeen, $1.key)
    }
    for item in shared.prefix(maximumShared) {
      let sharers = shares[item.key] ?? []
      guard let link = item.entry.link, let code = Self.qr(link), seen.insert(Self.identity(item)).inserted else {
        continue
      }
      board.articles.append(
        BoardArticle(
          title: item.entry.title, link: link, source: item.entry.authors.first, summary: item.entry.summary ?? "",
          sharedBy: sharers.map(\.name), note: sharers.first { $0.note != nil }?.note,
          qrSVG: code.svg(size: 113, label: link)))
    }
    // The best readings, until the last sheet is full (one sheet at least).
    let perPage = BoardHTMLRenderer().perPage
    let target = max(perPage, (board.articles.count + perPage - 1) / perPage * perPage)
    let picker = ReadingPicker(minimum: 1, maximum: 3)
    let readings = ranked.ranking.topics.map { topic in
      (topic: topic, items: ranked.readings(topic.id, picker: picker))
    }
    let stored = Dictionary(
      ranked.items.map { (ItemKey.of($0), $0) }, uniquingKeysWith: { first, _ in first })
    for round in 0..<3 {
      for (topic, items) in readings where board.articles.count < target && items.indices.contains(round) {
        let reading = items[round]
        guard let item = stored[reading.key], let link = Escaping.safeLink(reading.link), let code = Self.qr(link),
          seen.insert(Self.identity(item)).inserted
        else { continue }
        let sharers = item.feed == FeedStore.sharedFeedURL ? shares[item.key] ?? [] : []
        board.articles.append(
          BoardArticle(
            title: reading.title, link: link, source: reading.feedTitle ?? reading.author, summary: reading.summary,
            topic: BilingualText(id: topic.labelID, en: topic.labelEN), sharedBy: sharers.map(\.name),
            qrSVG: code.svg(size: 113, label: link)))
      }
    }
    return board
  }

  /// Builds the board and writes `output/YYYY-MM-DD/board.html` (today, on the school's clock).
  public func run() throws(LingkarFailure) -> (board: Board, path: String) {
    let board = try build()
    let day = String(Timestamp.iso8601(now.addingTimeInterval(TimeInterval(board.utcOffset))).prefix(10))
    let folder = outputDirectory + "/" + day
    let path = folder + "/board.html"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try AtomicFile.write(BoardHTMLRenderer().render(board), to: path)
    } catch {
      throw LingkarFailure(
        Message("cli.board.write_failed", ["path": .text(path), "reason": .text("\(error)")]), cause: error)
    }
    return (board, path)
  }

  /// What `lingkar board` says after writing.
  public static func message(_ board: Board, path: String) -> Message {
    if board.articles.isEmpty { return Message("cli.board.empty", ["path": .text(path)]) }
    let perPage = BoardHTMLRenderer().perPage
    return Message(
      "cli.board.written",
      [
        "path": .text(path), "count": .number(board.articles.count),
        "pages": .number((board.articles.count + perPage - 1) / perPage),
      ])
  }

  /// One article however many feeds carry it: its canonical address.
  private static func identity(_ item: StoredItem) -> String {
    item.canonicalLink ?? item.entry.link.flatMap(CanonicalLink.of) ?? item.feed + " " + item.key
  }

  /// The QR code of an http(s) address; nil for any other or one too long for a code.
  static func qr(_ link: String) -> QRCode? {
    guard Escaping.safeLink(link) != nil else { return nil }
    return try? QRCode(text: link)
  }
}
