import Foundation
import HTTPTypes
import Hummingbird
import LingkarDigest
import LingkarModel
import LingkarPipeline
import NIOCore

extension WebServer {
  func addReadingRoutes(_ group: RouterGroup<WebContext>) {
    group.get("/") { request, context in
      let page = page(request, context)
      do {
        guard let (entry, digest) = try await newestDigest() else {
          return page.message(title: page.text("web.digest.title"), text: page.text("web.digest.none"), status: .ok)
        }
        let document = digestDocument(page, digest)
        keepReady(request, context, entry: entry, body: document)
        return Page.response(document)
      } catch {
        return failed(page, error)
      }
    }
    group.get("/topics") { request, context in
      let page = page(request, context)
      do {
        guard let digest = try await latestDigest() else {
          return page.message(title: page.text("web.topics.title"), text: page.text("web.topics.none"), status: .ok)
        }
        let votes = try await meetingVotes(voter: context.session?.name)
        return topicsPage(page, digest, votes: votes)
      } catch {
        return failed(page, error)
      }
    }
    group.get("/archive") { request, context in
      let page = page(request, context)
      let shelf = DigestShelf(options: digestOptions)
      do {
        let entries = try await blocking { try shelf.entries() }
        guard !entries.isEmpty else {
          return page.message(title: page.text("web.archive.title"), text: page.text("web.archive.empty"), status: .ok)
        }
        let rows = entries.map { entry in
          let label = page.text("web.archive.entry", ["digest_day": .text(entry.date), "count": .number(entry.items)])
          return "<li><a href=\"/archive/\(page.e(entry.date))\">\(page.e(label))</a></li>"
        }
        return page.html(title: page.text("web.archive.title"), body: "<ul>\n\(rows.joined(separator: "\n"))\n</ul>")
      } catch {
        return failed(page, error)
      }
    }
    group.get("/archive/{date}") { request, context in
      let page = page(request, context)
      let date = context.parameters.get("date") ?? ""
      guard CalendarDay(date) != nil else {
        return page.message(
          title: page.text("web.archive.title"), text: page.text("web.archive.notfound", ["digest_day": .text(date)]),
          status: .notFound)
      }
      let shelf = DigestShelf(options: digestOptions)
      do {
        let entry = try await blocking { try shelf.entries().first { $0.date == date } }
        guard let entry, let digest = try await cachedDigest(entry) else {
          return page.message(
            title: page.text("web.archive.title"), text: page.text("web.archive.notfound", ["digest_day": .text(date)]),
            status: .notFound)
        }
        var renderer = HTMLRenderer()
        renderer.archiveHref = "/archive"
        return htmlResponse(renderer.render(digest))
      } catch {
        return failed(page, error)
      }
    }
  }

  /// The newest recorded digest, made again from the store once per version.
  func latestDigest() async throws -> Digest? { try await newestDigest()?.digest }

  /// The newest recorded digest and its entry on the shelf.
  func newestDigest() async throws -> (entry: DigestShelf.Entry, digest: Digest)? {
    if let (entry, digest) = digests.fresh() { return (entry, digest) }
    let shelf = DigestShelf(options: digestOptions)
    let cache = digests
    let entry = try await blocking { try cache.latestEntry { try shelf.entries().first } }
    guard let entry, let digest = try await cachedDigest(entry) else { return nil }
    return (entry, digest)
  }

  func cachedDigest(_ entry: DigestShelf.Entry) async throws -> Digest? {
    let shelf = DigestShelf(options: digestOptions)
    let cache = digests
    return try await blocking { try cache.digest(entry) { try shelf.digest(date: entry.date) } }
  }

  func htmlResponse(_ html: String) -> Response { Page.response(ByteBuffer(string: html)) }

  /// The next meeting, when the settings have a schedule.
  var nextMeeting: CalendarDay? { PickRun.nextMeeting(settings: settings, today: today()) }

  /// `/`: the suggested topics first, each with its best readings and a WhatsApp link; then the
  /// period's other topics, shortly; the whole digest one tap away.
  func digestDocument(_ page: Page, _ digest: Digest) -> ByteBuffer {
    // The same for every reader of a language on a day: made once while this digest is the newest.
    let key =
      "\(digest.period.generated.timeIntervalSince1970) \(digest.utcOffset) \(page.language.rawValue) \(today())"
    // The frame (her name, role and form token) is made once per session: `ReadyPages` keeps it.
    let body = digests.page(key) { digestBody(page, digest) }
    return ByteBuffer(string: page.document(title: page.text("web.digest.title"), body: body))
  }

  func digestBody(_ page: Page, _ digest: Digest) -> String {
    let strings = Strings.for(page.language)
    var body =
      "<p class=\"meta\">\(page.e(strings.range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)))"
    body +=
      " · \(page.t("web.digest.counts", ["count": .number(digest.itemCount), "source_count": .number(digest.sourceCount)]))</p>\n"
    if let meeting = nextMeeting {
      body += "<p>\(page.t("web.digest.meeting", ["meeting_day": .text(strings.longDay(meeting))]))</p>\n"
    }
    body += "<h2>\(page.t("web.digest.suggested"))</h2>\n"
    if digest.suggestions.isEmpty { body += "<p>\(page.t("web.topics.none"))</p>\n" }
    for suggestion in digest.suggestions {
      let label = topicLabel(digest, suggestion.topicID, page.language)
      body += "<section class=\"topic\">\n<h3>\(page.e(label))</h3>\n"
      if suggestion.carriedOver { body += "<p class=\"meta\">\(page.t("web.digest.carried"))</p>\n" }
      body += readingList(page, digest, suggestion.readings)
      body += "<a class=\"button share\" href=\"\(page.e(whatsAppLink(page, digest, suggestion)))\">"
      body += "\(page.t("web.digest.share"))</a>\n</section>\n"
    }
    // The articles teachers shared, under their own heading with who shared them (as in digest.html).
    body += SharedSection.html(digest)
    let suggested = Set(digest.suggestions.map(\.topicID))
    let others = digest.topics.filter { !suggested.contains($0.id) }
    if !others.isEmpty {
      body += "<h2>\(page.t("web.digest.other.topics"))</h2>\n"
      for topic in others.prefix(8) {
        body += "<h3>\(page.e(page.language == .id ? topic.label.id : topic.label.en))</h3>\n"
        body += readingList(page, digest, Array(topic.items.prefix(3)))
      }
    }
    body +=
      "<p><a class=\"button\" href=\"/archive/\(page.e(digest.dateStamp))\">\(page.t("web.digest.full"))</a></p>\n"
    return body
  }

  /// `/topics`: this period's suggestions, each with its readings and a vote button; with a meeting
  /// scheduled, how many want to discuss it and whether this teacher does (the button then takes the
  /// vote back).
  func topicsPage(_ page: Page, _ digest: Digest, votes: MeetingVotes?, said: String? = nil) -> Response {
    var body = ""
    if let said { body += "<p class=\"ok\" role=\"status\">\(page.e(said))</p>\n" }
    if let votes {
      let day = Strings.for(page.language).longDay(votes.counts.meeting)
      body += "<p class=\"meta\">\(page.t("web.topics.for.meeting", ["meeting_day": .text(day)]))</p>\n"
    }
    if digest.suggestions.isEmpty { body += "<p>\(page.t("web.topics.none"))</p>\n" }
    for suggestion in digest.suggestions {
      let id = suggestion.topicID
      body += "<section class=\"topic\">\n<h2>\(page.e(topicLabel(digest, id, page.language)))</h2>\n"
      body += readingList(page, digest, suggestion.readings)
      let mine = votes?.mine.contains(id) ?? false
      body += "<form method=\"post\" action=\"/topics/vote\">\(page.csrfField)"
      body += "<input type=\"hidden\" name=\"topic\" value=\"\(page.e(id))\">"
      if let count = votes?.counts.count(id), count > 0 {
        body += "<p class=\"meta\">\(page.t("web.topics.votes", ["count": .number(count)]))</p>"
      }
      if mine {
        body += "<p class=\"ok\">\(page.t("web.topics.voted"))</p>"
        body += "<button type=\"submit\" class=\"secondary voted\">\(page.t("web.topics.unvote"))</button>"
      } else {
        body += "<button type=\"submit\">\(page.t("web.topics.vote"))</button>"
      }
      body += "</form>\n</section>\n"
    }
    return page.html(title: page.text("web.topics.title"), body: body)
  }

  /// The votes for the schedule's next meeting: per topic, and the topics `voter` voted for; nil
  /// without a schedule (votes are for a meeting).
  func meetingVotes(voter: String?, meeting: CalendarDay? = nil) async throws -> MeetingVotes? {
    guard let meeting = meeting ?? nextMeeting else { return nil }
    let run = VoteRun(databasePath: configuration.databasePath, topicsPath: configuration.topicsPath)
    let voter = voter.flatMap(ArticleShare.cleanName)
    return try await blocking {
      MeetingVotes(
        counts: try run.votes(meeting: meeting),
        mine: try voter.map { try run.votes(meeting: meeting, voter: $0) } ?? [])
    }
  }

  func topicLabel(_ digest: Digest, _ id: String, _ language: DigestLanguage) -> String {
    guard let topic = digest.topic(id) else { return id }
    return language == .id ? topic.label.id : topic.label.en
  }

  func readingList(_ page: Page, _ digest: Digest, _ keys: [String]) -> String {
    let items = keys.compactMap { digest.item($0) }
    guard !items.isEmpty else { return "" }
    return "<ol>\n"
      + items.map { item in
        let title =
          item.title.map { $0.isEmpty ? page.text("web.feeds.untitled") : $0 } ?? page.text("web.feeds.untitled")
        var line = "<li>\(page.link(item.link, title))"
        if let feed = item.feedTitle, !feed.isEmpty {
          line += " <span class=\"meta\">\(page.t("web.digest.by", ["feed_name": .text(feed)]))</span>"
        }
        return line + "</li>"
      }.joined(separator: "\n") + "\n</ol>\n"
  }

  /// `https://wa.me/?text=...`: the topic, two readings and the meeting's date, for the teachers'
  /// WhatsApp group.
  func whatsAppLink(_ page: Page, _ digest: Digest, _ suggestion: TopicSuggestion) -> String {
    let readings = suggestion.readings.compactMap { digest.item($0) }.prefix(2).map { item in
      "- " + Escaping.clean(item.title ?? "") + (Escaping.safeLink(item.link).map { " " + $0 } ?? "")
    }.joined(separator: "\n")
    let topic = topicLabel(digest, suggestion.topicID, page.language)
    let text: String
    if let meeting = nextMeeting {
      text = page.text(
        "web.digest.whatsapp",
        [
          "topic_name": .text(topic), "reading_list": .text(readings),
          "meeting_day": .text(Strings.for(page.language).longDay(meeting)),
        ])
    } else {
      text = page.text("web.digest.whatsapp.nodate", ["topic_name": .text(topic), "reading_list": .text(readings)])
    }
    return "https://wa.me/?text=" + Form.encode(text)
  }
}

/// The votes of one meeting as a page shows them.
struct MeetingVotes: Sendable {
  var counts: TopicVotes
  /// The topics the person reading the page voted for.
  var mine: Set<String>
}
