public import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
public import LingkarModel
import LingkarPipeline
import Logging
import NIOCore

/// `lingkar serve`: the school's Lingkar as a web page (docs/web.md). A thin layer: every page calls
/// the pipeline operation the command line calls (adding a feed is `FeedAdder`, picking topics is
/// `PickRun`, the agenda is `AgendaRun`), and every blocking call runs off the event loop.
public struct WebServer: Sendable {
  /// Everything `lingkar serve` is told.
  public struct Configuration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var feedsPath = "feeds.txt"
    public var databasePath = "lingkar.db"
    public var outputDirectory = "output"
    public var settingsPath = "lingkar.yaml"
    public var topicsPath = "topics.txt"
    /// `https://...`: cookies are `Secure`.
    public var publicURL: String?
    /// Fetch addresses in private networks too (a school whose blog lives on its intranet).
    public var allowPrivateAddresses = false
    /// `IP:PORT` endpoints fetched even though private (tests: one loopback site).
    public var allowedEndpoints: Set<String> = []
    /// Wrong passcodes a client may send in a minute.
    public var loginLimit = 10

    public init() {}
  }

  /// How long a session lasts without a visit.
  static let idleLifetime: Duration = .seconds(30 * 86_400)

  public let configuration: Configuration
  let store: WebStore
  let limiter: LoginLimiter
  let digests = DigestCache()
  let readyPages = ReadyPages()
  /// The sessions this process has read or written, decoded (`SQLitePersistDriver`).
  let sessionMemory = SQLitePersistDriver.Memory()
  let settings: Settings?

  /// Opens the database (creating it if needed) and reads the settings.
  public init(configuration: Configuration) throws(LingkarFailure) {
    self.configuration = configuration
    store = try WebStore(path: configuration.databasePath)
    limiter = LoginLimiter(limit: configuration.loginLimit)
    settings = try SettingsSource.load(path: configuration.settingsPath)
  }

  /// Refuses to serve when a role has no passcode: nobody could log in as it, or worse, a setup
  /// half done would look finished.
  public func checkPasscodes() throws(LingkarFailure) {
    let hashes = try store.passcodeHashes()
    let missing = Role.allCases.filter { hashes[$0.rawValue] == nil }.map(\.rawValue)
    if !missing.isEmpty {
      throw LingkarFailure(Message("web.passcode.missing", ["roles": .text(missing.joined(separator: ", "))]))
    }
  }

  var secureCookies: Bool { configuration.publicURL?.lowercased().hasPrefix("https://") ?? false }

  /// The options `feeds add` takes, with private addresses refused unless allowed.
  var feedsOptions: FeedsOptions {
    var options = FeedsOptions(feedsPath: configuration.feedsPath, databasePath: configuration.databasePath)
    if !configuration.allowPrivateAddresses { options.refusePrivateAddresses(allowing: configuration.allowedEndpoints) }
    return options
  }

  var digestOptions: DigestRunOptions {
    DigestRunOptions(
      databasePath: configuration.databasePath, feedsPath: configuration.feedsPath,
      topicsPath: configuration.topicsPath, outputDirectory: configuration.outputDirectory,
      settingsPath: configuration.settingsPath)
  }

  /// The router: every page of the contract.
  func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(
      middleware: SessionMiddleware(
        storage: SQLitePersistDriver(store: store, memory: sessionMemory),
        configuration: .init(
          sessionCookieParameters: .init(name: Self.sessionCookie, path: "/", secure: secureCookies, sameSite: .lax),
          keyPrefix: Self.sessionKeyPrefix, defaultSessionExpiration: Self.idleLifetime)))
    router.get("/healthz") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    addAccountRoutes(router)
    let member = router.group().add(middleware: RequireLogin())
    addReadingRoutes(member)
    addFeedRoutes(member)
    addMeetingRoutes(member)
    addSharingRoutes(member)
    addTeachersRoute(member)
    return router
  }

  static let logger: Logger = {
    var logger = Logger(label: "lingkar.web")
    logger.logLevel = .warning
    return logger
  }()

  /// Serves until SIGTERM or SIGINT (requests in flight finish); `onListening` gets the address
  /// once connections are accepted.
  public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
    try checkPasscodes()
    _ = try? store.removeExpiredSessions()
    let host = configuration.host
    let port = configuration.port
    let app = Application(
      responder: responder(),
      configuration: .init(address: .hostname(host, port: port), serverName: "Lingkar"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        onListening("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)")
      },
      // Its own start-up line would repeat `listening on`; problems still show.
      logger: Self.logger)
    try await app.runService()
  }

  // MARK: - Shared by the routes

  /// The page builder of this request: `?lang=` (remembered in the session), else the session's,
  /// else the settings' language, else Indonesian.
  func page(_ request: Request, _ context: WebContext) -> Page {
    let asked = request.uri.queryParameters["lang"].flatMap { DigestLanguage(rawValue: String($0)) }
    if let asked, context.session != nil, context.session?.language != asked.rawValue {
      context.sessions.withLockedSession { $0?.language = asked.rawValue }
    }
    let language =
      asked ?? context.session?.language.flatMap(DigestLanguage.init(rawValue:)) ?? settings?.language ?? .id
    return Page(language: language, session: context.session)
  }

  /// The body of a form, at most 64 KB.
  func readForm(_ request: Request) async throws -> Form {
    var request = request
    let buffer = try await request.collectBody(upTo: 64 * 1024)
    return Form(String(buffer: buffer))
  }

  /// The form of a POST that changes something: nil (and the caller answers 403, changing nothing)
  /// unless it carries the session's `csrf` token.
  func changingForm(_ request: Request, _ context: WebContext) async throws -> Form? {
    let form = try await readForm(request)
    guard let session = context.session, let token = form["csrf"], Self.same(token, session.csrf) else { return nil }
    return form
  }

  /// Compares in time independent of where the strings differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count, !x.isEmpty else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  func forbiddenForm(_ page: Page) -> Response {
    page.message(title: page.text("web.forbidden.title"), text: page.text("web.forbidden.csrf"), status: .forbidden)
  }

  func facilitatorsOnly(_ page: Page) -> Response {
    page.message(title: page.text("web.forbidden.title"), text: page.text("web.forbidden.role"), status: .forbidden)
  }

  func failed(_ page: Page, _ error: any Error) -> Response {
    page.message(title: page.text("web.error.title"), text: failureText(page, error), status: .internalServerError)
  }

  /// Why an operation failed, in the page's language (a `LingkarFailure` carries its words unsaid).
  func failureText(_ page: Page, _ error: any Error) -> String {
    (error as? LingkarFailure)?.said.text(in: page.language) ?? String(describing: error)
  }

  /// Today in the school's clock.
  func today(_ now: Date = Date()) -> CalendarDay {
    CalendarDay(now, utcOffset: Settings.schoolOffset(settings, now: now))
  }
}

/// Every response: no inline or external scripts, no framing, no type sniffing (docs/web.md).
struct SecurityHeaders: RouterMiddleware {
  typealias Context = WebContext

  func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
    async throws -> Response
  {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      response = Response(
        status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: "\(error.status.code) \(error.status.reasonPhrase)\n")))
    }
    Self.add(to: &response.headers)
    return response
  }

  static func add(to headers: inout HTTPFields) {
    headers[.contentSecurityPolicy] = policy
    headers[.xContentTypeOptions] = "nosniff"
    if let referrer { headers[referrer] = "same-origin" }
  }

  static let policy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"
  static let referrer = HTTPField.Name("Referrer-Policy")
}

/// Pages past the login: without a session, the way to `/login`. An active session's expiry is
/// pushed back once a day, so it ends after 30 days without a visit.
struct RequireLogin: RouterMiddleware {
  typealias Context = WebContext

  /// Seconds after which a visit pushes the session's expiry back.
  static let extendAfter: TimeInterval = 86_400

  func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
    async throws -> Response
  {
    guard let session = context.session else { return .redirect(to: "/login", type: .normal) }
    if Date().timeIntervalSince(session.refreshed) > Self.extendAfter {
      context.sessions.withLockedSession { data in
        data?.refreshed = Date()
        data?.expiresIn = WebServer.idleLifetime
      }
    }
    return try await next(request, context)
  }
}

/// The digests made again from the store, kept while they are the newest: ranking a period takes a
/// second, a page view must not.
final class DigestCache: @unchecked Sendable {
  private let lock = NSLock()
  /// Held while a digest is made (never while `lock` is).
  private let making = NSLock()
  private var latest: (checked: Date, entry: DigestShelf.Entry?)?
  private var digests: [DigestShelf.Entry: Digest] = [:]

  private var pages: [String: String] = [:]

  /// The newest digest and its entry when both are at hand and fresh: no database, no other thread.
  func fresh() -> (DigestShelf.Entry, Digest)? {
    lock.withLock {
      guard let latest, Date().timeIntervalSince(latest.checked) < 5, let entry = latest.entry,
        let digest = digests[entry]
      else { return nil }
      return (entry, digest)
    }
  }

  /// A page body made from the digest of `entry`, kept while that digest is the newest.
  func page(_ key: String, _ make: () -> String) -> String {
    if let made = lock.withLock({ pages[key] }) { return made }
    let made = make()
    lock.withLock {
      if pages.count > 32 { pages.removeAll() }
      pages[key] = made
    }
    return made
  }

  /// The newest digest's entry, read again at most every few seconds.
  func latestEntry(_ read: () throws -> DigestShelf.Entry?) rethrows -> DigestShelf.Entry? {
    if let latest = lock.withLock({ latest }), Date().timeIntervalSince(latest.checked) < 5 { return latest.entry }
    let entry = try read()
    lock.withLock { latest = (Date(), entry) }
    return entry
  }

  /// The digest of `entry` (a rerun the same day is another entry: its time differs).
  /// Made by one request at a time: teachers opening `/` together after a run wait for one
  /// ranking instead of each ranking the period again.
  func digest(_ entry: DigestShelf.Entry, _ make: () throws -> Digest?) rethrows -> Digest? {
    if let cached = lock.withLock({ digests[entry] }) { return cached }
    return try making.withLock {
      if let cached = lock.withLock({ digests[entry] }) { return cached }
      guard let made = try make() else { return nil }
      lock.withLock {
        if digests.count > 8 { digests.removeAll() }
        digests[entry] = made
      }
      return made
    }
  }
}
