import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import LingkarModel
import LingkarPipeline
import NIOCore

extension WebServer {
  func addAccountRoutes(_ router: Router<WebContext>) {
    router.get("/login") { request, context in
      if context.session != nil { return Response.redirect(to: "/", type: .normal) }
      return loginPage(page(request, context), error: nil, status: .ok)
    }
    router.post("/login") { request, context in
      let page = page(request, context)
      let client = clientKey(request, context)
      guard limiter.allows(client) else {
        return loginPage(page, error: page.text("web.login.too.many"), status: .tooManyRequests)
      }
      let form = try await readForm(request)
      let passcode = form["passcode"] ?? ""
      let name = String((form["name"] ?? "").prefix(60))
      let store = store
      let role = try await blocking { Passcodes.role(of: passcode, hashes: try store.passcodeHashes()) }
      guard let role else {
        limiter.recordFailure(client)
        return loginPage(page, error: page.text("web.login.wrong"), status: .unauthorized, name: name)
      }
      guard !name.isEmpty, !name.contains(where: \.isNewline) else {
        return loginPage(page, error: page.text("web.login.name.missing"), status: .badRequest)
      }
      context.sessions.createSession(
        WebSession(
          role: role, name: name, csrf: WebSession.token(), refreshed: Date(), language: page.language.rawValue),
        expiresIn: Self.idleLifetime)
      return Response.redirect(to: "/", type: .normal)
    }
    router.post("/logout") { request, context in
      guard context.session != nil else { return Response.redirect(to: "/login", type: .normal) }
      guard try await changingForm(request, context) != nil else { return forbiddenForm(page(request, context)) }
      context.sessions.clearSession()
      return Response.redirect(to: "/login", type: .normal)
    }
  }

  func loginPage(_ page: Page, error: String?, status: HTTPResponse.Status, name: String = "") -> Response {
    var body = "<p>\(page.t("web.login.intro"))</p>\n"
    if let error { body += "<p class=\"error\" role=\"alert\">\(page.e(error))</p>\n" }
    body += """
      <form method="post" action="/login?lang=\(page.language.rawValue)">
      <label for="passcode">\(page.t("web.login.passcode"))</label>
      <input type="password" id="passcode" name="passcode" autocomplete="current-password" required>
      <label for="name">\(page.t("web.login.name"))</label>
      <input type="text" id="name" name="name" autocomplete="name" maxlength="60" value="\(page.e(name))" required>
      <button type="submit">\(page.t("web.login.submit"))</button>
      </form>
      """
    return page.html(title: page.text("web.login.title"), body: body, status: status)
  }

  /// Who is asking, for the login limit: the connection's address, or behind a reverse proxy on
  /// the same machine, the address the proxy reports (the last of `X-Forwarded-For`).
  func clientKey(_ request: Request, _ context: WebContext) -> String {
    let peer = context.remoteAddress?.ipAddress
    let isLocal = peer == nil || peer == "127.0.0.1" || peer == "::1"
    if isLocal, let name = HTTPField.Name("X-Forwarded-For"), let forwarded = request.headers[name],
      let last = forwarded.split(separator: ",").last
    {
      return last.trimmingCharacters(in: .whitespaces)
    }
    return peer ?? "local"
  }
}
