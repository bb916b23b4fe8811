import Foundation
import HTTPTypes
import Hummingbird
import LingkarModel
import LingkarPipeline
import NIOCore

/// `/` of a reader who was sent it a moment ago, answered before the router and its middleware:
/// a teacher reopening the digest costs little more than the socket (issue 15). A page is answered
/// this way only while nothing it was made from has changed: the same session (role, name, form
/// token, language), not expired and not due for its daily extension, the same newest digest and
/// the same school day. Anything else takes the ordinary path, which makes the page and keeps it
/// here again.
final class ReadyPages: @unchecked Sendable {
  /// One session's `/` and what it was made from.
  struct Ready {
    let session: WebSession
    let entry: DigestShelf.Entry
    /// The school day's end: `/` names the next meeting counted from today.
    let until: Date
    let body: ByteBuffer
  }

  private let lock = NSLock()
  private var pages: [String: Ready] = [:]

  /// Keeps `ready` for the session whose cookie is `id`; at most 1,024 are kept (about 11 MB).
  func keep(_ id: String, _ ready: Ready) {
    lock.withLock {
      if pages.count >= 1024 { pages.removeAll() }
      pages[id] = ready
    }
  }

  func ready(_ id: String) -> Ready? { lock.withLock { pages[id] } }

  /// The end of the school day that `now` is in, the school being `offset` seconds from UTC.
  static func endOfDay(_ now: Date, offset: Int) -> Date {
    let local = now.timeIntervalSince1970 + Double(offset)
    return Date(timeIntervalSince1970: ((local / 86_400).rounded(.down) + 1) * 86_400 - Double(offset))
  }
}

/// The server's responder: a ready `/` first, else the router.
struct FrontResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == WebContext {
  let inner: Inner
  let server: WebServer

  func respond(to request: Request, context: WebContext) async throws -> Response {
    if let response = server.readyPage(request) { return response }
    return try await inner.respond(to: request, context: context)
  }
}

extension WebServer {
  static let sessionCookie = "lingkar_session"
  static let sessionKeyPrefix = "s."

  /// The responder `serve` runs: the router behind the ready pages.
  func responder() -> some HTTPResponder<WebContext> {
    FrontResponder(inner: router().buildResponder(), server: self)
  }

  /// `/` from the ready pages when it may be answered from there (see `ReadyPages`), else nil.
  func readyPage(_ request: Request) -> Response? {
    guard request.method == .get, request.uri.path == "/", request.uri.query == nil,
      let id = request.cookies[Self.sessionCookie]?.value, let ready = readyPages.ready(id)
    else { return nil }
    let now = Date()
    guard now < ready.until, now.timeIntervalSince(ready.session.refreshed) <= RequireLogin.extendAfter,
      let remembered = sessionMemory.get(Self.sessionKeyPrefix + id), remembered.expires.map({ now < $0 }) ?? true,
      let session = remembered.value as? WebSession, session == ready.session,
      let (entry, _) = digests.fresh(), entry == ready.entry
    else { return nil }
    return Response(status: .ok, headers: Self.readyHeaders, body: .init(byteBuffer: ready.body))
  }

  /// The headers of a page (`Page.headers`) and of every response (`SecurityHeaders`), made once.
  static let readyHeaders: HTTPFields = {
    var headers = Page.headers
    SecurityHeaders.add(to: &headers)
    return headers
  }()

  /// Keeps `/` as sent to this request's session, for `readyPage`.
  func keepReady(_ request: Request, _ context: WebContext, entry: DigestShelf.Entry, body: ByteBuffer) {
    guard request.uri.query == nil, let id = request.cookies[Self.sessionCookie]?.value,
      let session = context.session
    else { return }
    let now = Date()
    let until = ReadyPages.endOfDay(now, offset: Settings.schoolOffset(settings, now: now))
    readyPages.keep(id, .init(session: session, entry: entry, until: until, body: body))
  }
}
