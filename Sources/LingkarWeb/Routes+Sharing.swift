import Foundation
import HTTPTypes
import Hummingbird
import LingkarDigest
import LingkarFetch
import LingkarModel
import LingkarPipeline

extension WebServer {
  /// Sharing one article, votes and the board: each the same operation as its command
  /// (`lingkar share`, `lingkar topics vote`, `lingkar board`), with the teacher's name from the
  /// session and the page's language.
  func addSharingRoutes(_ group: RouterGroup<WebContext>) {
    group.get("/share") { request, context in
      sharePage(page(request, context), url: "", note: "", said: nil, error: nil, status: .ok)
    }
    group.post("/share") { request, context in
      let page = page(request, context)
      guard let form = try await changingForm(request, context) else { return forbiddenForm(page) }
      let url = form["url"] ?? ""
      let note = form["note"] ?? ""
      let name = context.session?.name ?? ""
      let run = ShareRun(databasePath: configuration.databasePath, fetchOptions: shareFetchOptions)
      do {
        let outcome = try await blocking { try run.share(url: url, by: name, note: note.isEmpty ? nil : note) }
        return sharePage(
          page, url: "", note: "", said: outcome.message.text(in: page.language), error: nil, status: .ok)
      } catch {
        let reason = failureText(page, error)
        return sharePage(page, url: url, note: note, said: nil, error: reason, status: .unprocessableContent)
      }
    }
    group.post("/topics/vote") { request, context in
      let page = page(request, context)
      guard let form = try await changingForm(request, context) else { return forbiddenForm(page) }
      let topic = form["topic"] ?? ""
      let name = context.session?.name ?? ""
      guard let meeting = VoteRun.meeting(settings: settings, today: today()) else {
        return page.message(
          title: page.text("web.topics.title"), text: page.text("web.vote.no_meeting"), status: .unprocessableContent)
      }
      let run = VoteRun(databasePath: configuration.databasePath, topicsPath: configuration.topicsPath)
      do {
        let outcome = try await blocking { try run.vote(topic, by: name, meeting: meeting, language: page.language) }
        if let digest = try await latestDigest() {
          let said = page.text(
            outcome.counted ? "web.vote.counted" : "web.vote.withdrawn",
            [
              "topic_name": .text(topicLabel(digest, outcome.topicID, page.language)),
              "meeting_day": .text(Strings.for(page.language).longDay(meeting)), "count": .number(outcome.count),
            ])
          return topicsPage(page, digest, votes: try await meetingVotes(voter: name), said: said)
        }
        let body =
          "<p class=\"ok\">\(page.e(outcome.message.text(in: page.language)))</p>\n"
          + "<p><a href=\"/topics\">\(page.t("web.vote.back"))</a></p>"
        return page.html(title: page.text("web.topics.title"), body: body)
      } catch {
        let reason = failureText(page, error)
        return page.message(title: page.text("web.topics.title"), text: reason, status: .unprocessableContent)
      }
    }
    group.get("/board") { request, context in
      let page = page(request, context)
      guard context.session?.role == .facilitator else { return facilitatorsOnly(page) }
      let run = BoardRun(
        databasePath: configuration.databasePath, topicsPath: configuration.topicsPath,
        outputDirectory: configuration.outputDirectory, settings: settings ?? Settings(), language: page.language)
      do {
        let board = try await blocking { try run.build() }
        return htmlResponse(BoardHTMLRenderer().render(board))
      } catch {
        let reason = failureText(page, error)
        return page.message(title: page.text("web.error.title"), text: reason, status: .unprocessableContent)
      }
    }
  }

  /// "Our teachers": the school's own teachers' blogs and accounts (feeds tagged "guru"), each with
  /// its latest posts (`lingkar feeds teachers`).
  func addTeachersRoute(_ group: RouterGroup<WebContext>) {
    group.get("/teachers") { request, context in
      let page = page(request, context)
      let options = feedsOptions
      do {
        let list = try await blocking { try TeacherFeeds(options: options).teachers() }
        var body = "<p>\(page.t("web.teachers.intro"))</p>\n"
        if list.isEmpty { body += "<p>\(page.t("web.teachers.none"))</p>\n" }
        for teacher in list {
          let title = teacher.title.flatMap { $0.isEmpty ? nil : $0 } ?? teacher.written
          body += "<section class=\"topic\">\n<h2>\(page.e(title))</h2>\n"
          if let by = teacher.addedBy {
            body += "<p class=\"meta\">\(page.t("web.feeds.added.by", ["name": .text(by)]))</p>\n"
          }
          if teacher.posts.isEmpty { body += "<p class=\"meta\">\(page.t("web.teachers.no_posts"))</p>\n" }
          body += "<ul>\n"
          for post in teacher.posts {
            let label = post.title.flatMap { $0.isEmpty ? nil : $0 } ?? page.text("web.feeds.untitled")
            body += "<li>\(page.link(post.link, label))</li>\n"
          }
          body += "</ul>\n</section>\n"
        }
        return page.html(title: page.text("web.teachers.title"), body: body)
      } catch {
        return failed(page, error)
      }
    }
  }

  /// `lingkar share`'s limits, and the private-address guard unless the school allows its network.
  var shareFetchOptions: FetchOptions {
    var options = ShareRun.defaultFetchOptions
    if !configuration.allowPrivateAddresses {
      options.addressGuard = AddressGuard(allowedEndpoints: configuration.allowedEndpoints)
    }
    return options
  }

  /// The share form, with what the last share did or why it failed.
  func sharePage(
    _ page: Page, url: String, note: String, said: String?, error: String?, status: HTTPResponse.Status
  ) -> Response {
    var body = "<p>\(page.t("web.share.intro"))</p>\n"
    if let said { body += "<p class=\"ok\" role=\"status\">\(page.e(said))</p>\n" }
    if let error { body += "<p class=\"error\" role=\"alert\">\(page.e(error))</p>\n" }
    body += """
      <form method="post" action="/share">\(page.csrfField)
      <label for="url">\(page.t("web.share.url"))</label>
      <input type="text" id="url" name="url" inputmode="url" value="\(page.e(url))" required>
      <label for="note">\(page.t("web.share.note"))</label>
      <textarea id="note" name="note" rows="3">\(page.e(note))</textarea>
      <button type="submit">\(page.t("web.share.submit"))</button>
      </form>
      """
    return page.html(title: page.text("web.share.title"), body: body, status: status)
  }
}
