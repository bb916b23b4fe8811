import Foundation
import HTTPTypes
import Hummingbird
import LingkarDigest
import LingkarModel

/// One page of the web: the words of one language, the signed-in person, and the HTML around a
/// body. Pages are written as strings with every value escaped (`Escaping`, as the digest's
/// renderers do); no scripts, no external fonts or styles.
struct Page {
  let language: DigestLanguage
  let session: WebSession?

  var catalogue: Catalogue { Catalogue.for(language) }

  /// The catalogue's sentence, not escaped.
  func text(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> String {
    catalogue.text(key, arguments)
  }

  /// The catalogue's sentence, escaped for HTML.
  func t(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> String {
    e(catalogue.text(key, arguments))
  }

  func e(_ text: String) -> String { Escaping.html(text) }

  /// A link only for http and https addresses; otherwise the text alone.
  func link(_ href: String?, _ label: String) -> String {
    guard let safe = Escaping.safeLink(href) else { return e(label) }
    return "<a href=\"\(e(safe))\">\(e(label))</a>"
  }

  /// The hidden form token of the session.
  var csrfField: String {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(e(session?.csrf ?? ""))\">"
  }

  func html(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
    Self.response(ByteBuffer(string: document(title: title, body: body)), status: status)
  }

  /// An HTML page's response: never cached by the browser or a proxy (it carries the session's
  /// name and form token).
  static func response(_ bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
  }

  /// The headers of every page (the body's length is added by `Response`).
  static let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]

  /// The whole page: the frame (menu, language link, who is signed in) around `body`.
  func document(title: String, body: String) -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title)) · Lingkar</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <header><a class="brand" href="/">Lingkar</a>
      """
    if let session {
      page += "<nav>"
      var items = [("/", "web.nav.digest"), ("/topics", "web.nav.topics"), ("/feeds", "web.nav.feeds")]
      items += [("/share", "web.nav.share"), ("/teachers", "web.nav.teachers"), ("/archive", "web.nav.archive")]
      if session.role == .facilitator { items += [("/meeting", "web.nav.meeting"), ("/board", "web.nav.board")] }
      page += items.map { "<a href=\"\($0.0)\">\(t($0.1))</a>" }.joined(separator: " ")
      page += "</nav>"
    }
    page += "</header>\n<main>\n<h1>\(e(title))</h1>\n\(body)\n</main>\n<footer>"
    let other: DigestLanguage = language == .id ? .en : .id
    page += "<a href=\"?lang=\(other.rawValue)\">\(e(Catalogue.for(other).text("web.nav.language")))</a>"
    if let session {
      let role = text(session.role == .facilitator ? "web.role.facilitator" : "web.role.teacher")
      page += " · \(t("web.signed.in", ["name": .text(session.name), "role": .text(role)]))"
      page += "<form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField)"
      page += "<button>\(t("web.nav.logout"))</button></form>"
    }
    page += "</footer>\n</body>\n</html>\n"
    return page
  }

  /// A page with one message: refusals, errors, "not yet".
  func message(title: String, text: String, status: HTTPResponse.Status) -> Response {
    html(title: title, body: "<p>\(e(text))</p>", status: status)
  }

  /// Small, phone-first; system fonts only.
  static let css = """
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2327;background:#fafaf7}
    header,main,footer{max-width:42rem;margin:0 auto;padding:.75rem 1rem}
    header{border-bottom:1px solid #ddd}.brand{font-weight:700;color:#0b6e4f;text-decoration:none;margin-right:1rem}
    nav a{display:inline-block;padding:.45rem .1rem;margin:0 .5rem 0 0}a{color:#0b5cad}h1{font-size:1.4rem;margin:.5rem 0}
    h2{font-size:1.15rem;margin:1.2rem 0 .4rem}h3{font-size:1.05rem;margin:.5rem 0 .2rem}ol,ul{padding-left:1.2rem}li{margin:.35rem 0}
    .topic{background:#fff;border:1px solid #e2e2dc;border-radius:.5rem;padding:.6rem .9rem;margin:.8rem 0}
    .meta{color:#5f6b73;font-size:.9rem}.error{color:#a4262c;font-weight:600}.ok{color:#0b6e4f;font-weight:600}
    label{display:block;margin:.6rem 0 .2rem}input[type=text],input[type=password],input[type=url],input[type=date],
    textarea{width:100%;box-sizing:border-box;padding:.55rem;font-size:1rem;border:1px solid #bbb;border-radius:.35rem}
    button,.button{display:inline-block;margin:.6rem .4rem .2rem 0;padding:.5rem .9rem;font-size:1rem;border:0;
    border-radius:.35rem;background:#0b6e4f;color:#fff;text-decoration:none;cursor:pointer}
    .secondary{background:#fff;color:#0b6e4f;border:1px solid #0b6e4f}
    .share{background:#1f7a3a}.inline{display:inline}footer{color:#5f6b73;font-size:.9rem;border-top:1px solid #ddd}
    footer a{display:inline-block;padding:.45rem 0}.source{color:#5f6b73;font-size:.9rem}
    footer button{background:none;color:#0b5cad;padding:.45rem .2rem;margin:0 0 0 .2rem;text-decoration:underline}
    """
}
