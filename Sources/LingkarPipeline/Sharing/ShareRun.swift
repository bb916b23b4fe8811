public import Foundation
public import LingkarFetch
public import LingkarModel
import LingkarParse
public import LingkarStore

/// `lingkar share URL --by NAME` and the web's `/share`: one article a teacher found worth reading
/// ("rutin menempel artikel yang bagus mengenai pendidikan di ruang guru"). Its page is fetched
/// through libcurl (http and https only, small and quick: `fetchOptions`), its title and description
/// read with libxml2's HTML parser (`ArticlePage`), and it is stored as an item of the shared
/// articles' own feed (`FeedStore.sharedFeedURL`), first seen now: the next digest ranks it like any
/// item and lists it under "Dibagikan guru" with who shared it, and the board shows it. The same
/// article shared again (by its canonical address) stays one item with every sharer.
public struct ShareRun: Sendable {
  public var databasePath: String
  /// The HTTP policy for the article's page: a page, not a feed, so smaller and quicker than a
  /// feed's limits. The web server sets its address guard here.
  public var fetchOptions: FetchOptions

  public init(databasePath: String = "lingkar.db", fetchOptions: FetchOptions = ShareRun.defaultFetchOptions) {
    self.databasePath = databasePath
    self.fetchOptions = fetchOptions
  }

  /// 5 MB at most, 20 seconds at most, one transfer.
  public static var defaultFetchOptions: FetchOptions {
    var options = FetchOptions()
    options.jobs = 1
    options.maxBodyBytes = 5_000_000
    options.totalTimeoutMilliseconds = 20_000
    options.connectTimeoutMilliseconds = 10_000
    options.runTimeoutMilliseconds = 30_000
    options.bodyThreads = 1
    return options
  }

  /// What a share did.
  public struct Outcome: Sendable {
    /// The article as stored: its id is the canonical address.
    public var entry: Entry
    public var record: FeedStore.ShareRecord
    /// True when the page gave no title (the article is shown by its address).
    public var untitled: Bool
    /// What to tell the teacher.
    public var message: Message
    /// True when this person had shared it before (only their note may have changed).
    public var alreadySharedByThem: Bool { record.alreadySharedByThem }
  }

  /// Fetches `url`, reads it and records that `name` shared it.
  /// - Parameters:
  ///   - note: what the teacher wrote with it, if anything.
  ///   - title: a title the teacher gave, used when the page has none.
  public func share(url: String, by name: String, note: String? = nil, title: String? = nil, now: Date = Date())
    throws(LingkarFailure) -> Outcome
  {
    guard let sharer = ArticleShare.cleanName(name) else {
      throw LingkarFailure(Message("cli.share.no_name"), kind: .badUsage)
    }
    let address = url.trimmingCharacters(in: .whitespacesAndNewlines)
    guard Self.isWebAddress(address) else {
      throw LingkarFailure(Message("cli.share.not_web", ["url": .text(address)]), kind: .badUsage)
    }
    let page = try fetch(address)
    let read = ArticlePage.read(page: page.body, pageURL: page.finalURL, charset: page.charset)
    let entry = Self.entry(read, requested: address, finalURL: page.finalURL, title: title)
    let cleanNote = note.flatMap(ArticleShare.cleanNote)
    let record: FeedStore.ShareRecord
    do {
      record = try FeedStore(path: databasePath).recordShare(
        entry, share: ArticleShare(name: sharer, note: cleanNote, time: now))
    } catch {
      throw LingkarFailure(
        Message("cli.share.store_failed", ["db": .text(databasePath), "reason": .text(error.description)]),
        cause: error)
    }
    let shown = entry.title ?? entry.link ?? address
    var message: Message
    if record.alreadySharedByThem {
      message = Message("cli.share.again", ["name": .text(sharer), "title": .text(shown)])
    } else if !record.isNewArticle {
      let others = record.shares.map(\.name).filter {
        ArticleShare.personKey($0) != ArticleShare.personKey(sharer)
      }
      message = Message(
        "cli.share.joined",
        ["name": .text(sharer), "title": .text(shown), "others": .text(others.joined(separator: ", "))])
    } else {
      message = Message("cli.share.saved", ["name": .text(sharer), "title": .text(shown)])
    }
    return Outcome(entry: entry, record: record, untitled: entry.title == nil, message: message)
  }

  /// An absolute http or https address with a host.
  static func isWebAddress(_ text: String) -> Bool {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
    else { return false }
    return true
  }

  /// The stored article: keyed by its canonical address (the page's own `<link rel="canonical">`
  /// when it is a web address, else where the redirects ended), linked there, with the page's title
  /// and description. No published date: the article enters the period when it was shared, however
  /// old it is, so a teacher's find of a 2019 article still reaches the next digest.
  static func entry(_ page: ArticlePage, requested: String, finalURL: String, title: String?) -> Entry {
    let link = page.canonicalURL ?? (isWebAddress(finalURL) ? finalURL : requested)
    let key = CanonicalLink.of(link) ?? CanonicalLink.of(requested) ?? link
    let given = title.flatMap(ArticlePage.cleanTitle)
    return Entry(
      id: key, title: page.title ?? given, link: link, published: nil, updated: nil,
      authors: page.siteName.map { [$0] } ?? [], summary: page.description, content: nil)
  }

  private func fetch(_ address: String) throws(LingkarFailure) -> WebFetch.Page {
    let pages: [WebFetch.Page]
    do {
      pages = try WebFetch(options: fetchOptions).get([address])
    } catch {
      throw LingkarFailure(
        Message("cli.share.fetch_failed", ["url": .text(address), "reason": .text("\(error)")]), cause: error)
    }
    guard let page = pages.first else {
      throw LingkarFailure(Message("cli.share.fetch_failed", ["url": .text(address), "reason": .text("?")]))
    }
    if let failure = page.failure {
      throw LingkarFailure(
        Message("cli.share.fetch_failed", ["url": .text(address), "reason": .text(failure.description)]),
        cause: failure)
    }
    // A PDF, an image, a feed: nothing to read a title from, and not a page a phone opens well.
    if let type = page.contentType?.lowercased(), !type.isEmpty, !type.contains("html") {
      throw LingkarFailure(
        Message("cli.share.not_html", ["url": .text(address), "type": .text(type)]), kind: .badUsage)
    }
    return page
  }
}
