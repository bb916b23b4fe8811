import HTTPTypes
import Hummingbird

extension WebServer {
  /// TODO(work-O): sharing one article, votes and the board are pipeline operations being built on
  /// another branch; until they land here these paths answer a plain "not yet" page (501). The
  /// changing forms already demand the session's `csrf` token, and the board is the facilitator's.
  func addLaterRoutes(_ group: RouterGroup<WebContext>) {
    group.get("/share") { request, context in notYet(page(request, context)) }
    group.post("/share") { request, context in
      guard try await changingForm(request, context) != nil else { return forbiddenForm(page(request, context)) }
      return notYet(page(request, context))
    }
    group.post("/topics/vote") { request, context in
      guard try await changingForm(request, context) != nil else { return forbiddenForm(page(request, context)) }
      return notYet(page(request, context))
    }
    group.get("/board") { request, context in
      let page = page(request, context)
      guard context.session?.role == .facilitator else { return facilitatorsOnly(page) }
      return notYet(page)
    }
  }

  func notYet(_ page: Page) -> Response {
    page.message(title: page.text("web.notyet.title"), text: page.text("web.notyet.text"), status: .notImplemented)
  }
}
