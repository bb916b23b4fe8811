import Foundation
import HTTPTypes
import Hummingbird
import LingkarModel
import LingkarPipeline

extension WebServer {
  func addFeedRoutes(_ group: RouterGroup<WebContext>) {
    group.get("/feeds") { request, context in
      let page = page(request, context)
      let overview = FeedsOverview(options: feedsOptions)
      do {
        let rows = try await blocking { try overview.rows().rows }
        var body = "<p><a class=\"button\" href=\"/feeds/new\">\(page.t("web.feeds.add"))</a></p>\n"
        if rows.isEmpty { body += "<p>\(page.t("web.feeds.empty"))</p>\n" }
        body += "<ul>\n"
        for row in rows {
          let title = row.title.flatMap { $0.isEmpty ? nil : $0 } ?? row.written
          body += "<li>\(page.link(row.url, title))<br><span class=\"meta\">"
          body += page.t("web.feeds.status.\(row.status?.rawValue ?? "new")")
          if let by = row.addedBy { body += " · \(page.t("web.feeds.added.by", ["name": .text(by)]))" }
          body += "</span></li>\n"
        }
        body += "</ul>\n"
        return page.html(title: page.text("web.feeds.title"), body: body)
      } catch {
        return failed(page, error)
      }
    }
    group.get("/feeds/new") { request, context in
      newFeedPage(page(request, context), url: "", error: nil, status: .ok)
    }
    group.post("/feeds/new") { request, context in
      let page = page(request, context)
      guard let form = try await changingForm(request, context) else { return forbiddenForm(page) }
      let url = form["url"] ?? ""
      guard !url.isEmpty else {
        return newFeedPage(page, url: url, error: page.text("web.feeds.url.missing"), status: .badRequest)
      }
      let adder = FeedAdder(options: feedsOptions)
      let by = context.session?.name
      do {
        // The same search and checks as `lingkar feeds add`, without writing: the teacher sees
        // what would be added first.
        let found = try await blocking {
          try adder.add(FeedAdder.Request(input: url, addedBy: by, write: false))
        }
        return previewPage(page, found)
      } catch {
        let reason = failureText(page, error)
        return newFeedPage(
          page, url: url, error: page.text("web.feeds.problem", ["reason": .text(reason)]),
          status: .unprocessableContent)
      }
    }
    group.post("/feeds/confirm") { request, context in
      let page = page(request, context)
      guard let form = try await changingForm(request, context) else { return forbiddenForm(page) }
      let url = form["url"] ?? ""
      guard !url.isEmpty else {
        return newFeedPage(page, url: url, error: page.text("web.feeds.url.missing"), status: .badRequest)
      }
      let adder = FeedAdder(options: feedsOptions)
      let by = context.session?.name
      do {
        let added = try await blocking { try adder.add(FeedAdder.Request(input: url, addedBy: by)) }
        let title = added.title.flatMap { $0.isEmpty ? nil : $0 } ?? added.written
        let body =
          "<p class=\"ok\">\(page.t("web.feeds.added", ["title": .text(title)]))</p>\n"
          + "<p><a href=\"/feeds\">\(page.t("web.feeds.title"))</a></p>"
        return page.html(title: page.text("web.feeds.title"), body: body)
      } catch {
        let reason = failureText(page, error)
        return newFeedPage(
          page, url: url, error: page.text("web.feeds.problem", ["reason": .text(reason)]),
          status: .unprocessableContent)
      }
    }
  }

  func newFeedPage(_ page: Page, url: String, error: String?, status: HTTPResponse.Status) -> Response {
    var body = "<p>\(page.t("web.feeds.new.intro"))</p>\n"
    if let error { body += "<p class=\"error\" role=\"alert\">\(page.e(error))</p>\n" }
    body += """
      <form method="post" action="/feeds/new">\(page.csrfField)
      <label for="url">\(page.t("web.feeds.new.url"))</label>
      <input type="text" id="url" name="url" inputmode="url" value="\(page.e(url))" required>
      <button type="submit">\(page.t("web.feeds.new.submit"))</button>
      </form>
      """
    return page.html(title: page.text("web.feeds.new.title"), body: body, status: status)
  }

  func previewPage(_ page: Page, _ found: FeedAdder.Result) -> Response {
    let title = found.title.flatMap { $0.isEmpty ? nil : $0 } ?? found.written
    var body = "<p>\(page.t("web.feeds.preview.found", ["title": .text(title)]))</p>\n"
    body += "<p class=\"meta\">\(page.e(found.written))</p>\n"
    if !found.latest.isEmpty {
      body += "<h2>\(page.t("web.feeds.preview.latest"))</h2>\n<ol>\n"
      for entry in found.latest {
        let label = entry.title.flatMap { $0.isEmpty ? nil : $0 } ?? page.text("web.feeds.untitled")
        body += "<li>\(page.link(entry.link, label))</li>\n"
      }
      body += "</ol>\n"
    }
    body += """
      <form method="post" action="/feeds/confirm">\(page.csrfField)
      <input type="hidden" name="url" value="\(page.e(found.written))">
      <button type="submit">\(page.t("web.feeds.preview.confirm"))</button>
      <a href="/feeds">\(page.t("web.feeds.preview.cancel"))</a>
      </form>
      """
    return page.html(title: page.text("web.feeds.preview.title"), body: body)
  }
}
