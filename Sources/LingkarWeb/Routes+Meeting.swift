import Foundation
import HTTPTypes
import Hummingbird
import LingkarDigest
import LingkarModel
import LingkarPipeline

extension WebServer {
  func addMeetingRoutes(_ group: RouterGroup<WebContext>) {
    group.get("/meeting") { request, context in
      let page = page(request, context)
      guard context.session?.role == .facilitator else { return facilitatorsOnly(page) }
      do {
        return try await meetingPage(page, message: nil, status: .ok)
      } catch {
        return failed(page, error)
      }
    }
    group.post("/meeting") { request, context in
      let page = page(request, context)
      guard context.session?.role == .facilitator else { return facilitatorsOnly(page) }
      guard let form = try await changingForm(request, context) else { return forbiddenForm(page) }
      let topics = form.all("topic").filter { !$0.isEmpty }
      guard !topics.isEmpty else {
        return try await meetingPage(page, message: (page.text("web.meeting.none"), false), status: .badRequest)
      }
      guard let day = CalendarDay(form["date"] ?? "") else {
        return try await meetingPage(page, message: (page.text("web.meeting.date.invalid"), false), status: .badRequest)
      }
      // `lingkar topics pick`'s own path: the same checks (a meeting day, not in the past), the same record.
      let run = PickRun(databasePath: configuration.databasePath, topicsPath: configuration.topicsPath)
      let today = today()
      let schedule = settings?.meeting
      let language = page.language
      do {
        let outcome = try await blocking {
          try run.pick(topics, meeting: day, today: today, schedule: schedule, language: language)
        }
        let digest = try await latestDigest()
        let labels = outcome.picks.topicIDs.map { id in digest.map { topicLabel($0, id, page.language) } ?? id }
        let text = page.text(
          "web.meeting.saved",
          [
            "meeting_day": .text(Strings.for(page.language).longDay(day)),
            "topic_list": .text(labels.joined(separator: ", ")),
          ])
        return try await meetingPage(page, message: (text, true), status: .ok)
      } catch {
        let reason = failureText(page, error)
        return try await meetingPage(
          page, message: (page.text("web.meeting.problem", ["reason": .text(reason)]), false),
          status: .unprocessableContent)
      }
    }
    group.get("/meeting/agenda") { request, context in
      let page = page(request, context)
      guard context.session?.role == .facilitator else { return facilitatorsOnly(page) }
      // `lingkar agenda`'s own path: built, written to output/MEETING/, and shown.
      let run = AgendaRun(
        databasePath: configuration.databasePath, topicsPath: configuration.topicsPath,
        outputDirectory: configuration.outputDirectory, settings: settings ?? Settings(), language: page.language)
      do {
        let agenda = try await blocking { try run.run().agenda }
        return htmlResponse(AgendaHTMLRenderer().render(agenda))
      } catch {
        let reason = failureText(page, error)
        return page.message(
          title: page.text("web.error.title"), text: page.text("web.agenda.problem", ["reason": .text(reason)]),
          status: .unprocessableContent)
      }
    }
  }

  /// The facilitator's form: the latest digest's topics (suggested ones first and ticked), the date.
  func meetingPage(_ page: Page, message: (text: String, ok: Bool)?, status: HTTPResponse.Status) async throws
    -> Response
  {
    let digest = try await latestDigest()
    let run = PickRun(databasePath: configuration.databasePath, topicsPath: configuration.topicsPath)
    let picks = try await blocking { try run.list() }
    var body = ""
    if let message {
      body += "<p class=\"\(message.ok ? "ok" : "error")\" role=\"status\">\(page.e(message.text))</p>\n"
    }
    // The meeting the form is for: the schedule's next one, else the nearest one already picked for.
    let today = today()
    let picked = picks.first { $0.meeting >= (nextMeeting ?? today) }
    let meeting = nextMeeting ?? picked?.meeting
    let votes = try await meetingVotes(voter: nil, meeting: meeting)
    let ticked = Set(picked.map { $0.meeting == meeting ? $0.topicIDs : [] } ?? [])
    if let picked, picked.meeting == meeting, message == nil {
      let labels = picked.topicIDs.map { id in digest.map { topicLabel($0, id, page.language) } ?? id }
      body += "<p>\(page.t("web.meeting.picked", ["topic_list": .text(labels.joined(separator: ", "))]))</p>\n"
    }
    body += "<form method=\"post\" action=\"/meeting\">\(page.csrfField)\n"
    let suggested = digest?.suggestions.map(\.topicID) ?? []
    let topics = suggested + (digest?.topics.map(\.id).filter { !suggested.contains($0) } ?? [])
    if topics.isEmpty { body += "<p>\(page.t("web.topics.none"))</p>\n" }
    for (index, id) in topics.enumerated() {
      let label = digest.map { topicLabel($0, id, page.language) } ?? id
      let checked = ticked.contains(id) ? " checked" : ""
      // The teachers' votes for this meeting beside each topic, in the ranking's order.
      var count = ""
      if let votes {
        let said = page.t("web.meeting.votes", ["count": .number(votes.counts.count(id))])
        count = " <span class=\"meta\">\(said)</span>"
      }
      body += "<label><input type=\"checkbox\" name=\"topic\" value=\"\(page.e(id))\"\(checked)> "
      body += "\(page.e(label))\(count)</label>\n"
      if index == suggested.count - 1 && topics.count > suggested.count { body += "<hr>\n" }
    }
    body += "<label for=\"date\">\(page.t("web.meeting.date"))</label>\n"
    body += "<input type=\"date\" id=\"date\" name=\"date\" value=\"\(page.e(meeting?.description ?? ""))\" required>\n"
    body += "<button type=\"submit\">\(page.t("web.meeting.submit"))</button>\n</form>\n"
    body += "<p><a href=\"/meeting/agenda\">\(page.t("web.meeting.agenda"))</a></p>\n"
    return page.html(title: page.text("web.meeting.title"), body: body, status: status)
  }
}
