public import Foundation
public import LingkarModel
import LingkarDigest
import LingkarRank
import LingkarStore

/// `lingkar agenda`: the handout for a meeting. The picked topics' readings come from the stored
/// items since the previous meeting, ranked by the same `Ranker` as the digest (with the book-club
/// chapter's themes scored as one more topic); written to `output/MEETING-DATE/agenda.{html,md}`.
public struct AgendaRun: Sendable {
  public var databasePath: String
  public var topicsPath: String
  public var outputDirectory: String
  public var settings: Settings
  /// The meeting; by default the schedule's next meeting on or after today.
  public var meeting: CalendarDay?
  /// Where the readings start; by default the previous meeting of the schedule (14 days without one).
  public var since: PeriodSpec?
  public var language: DigestLanguage?
  public var now: Date
  /// Days before the period whose items teach the ranker related terms.
  public var historyDays = 90

  public init(
    databasePath: String = "lingkar.db", topicsPath: String = "topics.txt", outputDirectory: String = "output",
    settings: Settings = Settings(), meeting: CalendarDay? = nil, since: PeriodSpec? = nil,
    language: DigestLanguage? = nil, now: Date = Date()
  ) {
    self.databasePath = databasePath
    self.topicsPath = topicsPath
    self.outputDirectory = outputDirectory
    self.settings = settings
    self.meeting = meeting
    self.since = since
    self.language = language
    self.now = now
  }

  /// Builds the agenda and writes it; returns the paths written.
  @discardableResult
  public func run() throws(LingkarFailure) -> (agenda: Agenda, paths: [String]) {
    let agenda = try build()
    return (agenda, try write(agenda))
  }

  /// The meeting this agenda is for.
  public func meetingDay() throws(LingkarFailure) -> CalendarDay {
    if let meeting { return meeting }
    let today = CalendarDay(now, utcOffset: settings.utcOffset)
    if let next = PickRun.nextMeeting(settings: settings, today: today) { return next }
    if let picked = (try? FeedStoreAccess.picks(databasePath: databasePath))?.last(where: { $0.meeting >= today }) {
      return picked.meeting
    }
    throw LingkarFailure("no meeting date: give --meeting YYYY-MM-DD, or set meeting: in lingkar.yaml")
  }

  public func build() throws(LingkarFailure) -> Agenda {
    let day = try meetingDay()
    let offset = settings.utcOffset
    let picks = try FeedStoreAccess.picks(databasePath: databasePath)
    let picked = picks.first { $0.meeting == day }?.topicIDs ?? []
    let base = try TopicRun.loadTopics(path: topicsPath)

    let schedule = settings.meeting
    let defaultStart = (schedule?.meeting(before: day) ?? day.adding(days: -PeriodSpec.defaultDays)).start(utcOffset: offset)
    let start = since?.start(now: now) ?? min(defaultStart, now.addingTimeInterval(-86_400))
    let chapter = BookClubReadings.current(settings: settings, day: day)
    let stored: [StoredItem]
    let history: [StoredItem]
    do {
      let store = try FeedStore(path: databasePath)
      stored = try store.items(since: start, until: now)
      history = try store.items(since: start.addingTimeInterval(-Double(historyDays) * 86_400), until: start)
    } catch {
      throw LingkarFailure("cannot read \(databasePath): \(error)", cause: error)
    }
    let items = TopicRun.rankItems(stored)
    let historyItems = TopicRun.rankItems(history)
    let ranked = RankedReadings(stored: stored, ranking: Ranker(topics: base).rank(items, history: historyItems, now: now))

    func readings(_ topicID: String, maximum: Int, from ranked: RankedReadings) -> [DigestItem] {
      ranked.readings(topicID, maximum: maximum).map { Self.digestItem($0.item, scored: $0.scored, key: $0.key) }
    }

    let maximum = picked.count <= 1 ? 5 : picked.count == 2 ? 4 : 3
    let labels = Dictionary(base.topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let agendaTopics = picked.map { id in
      let topic = labels[id]
      let label = BilingualText(id: topic?.labelID ?? id, en: topic?.labelEN ?? id)
      return AgendaTopic(
        id: id, label: label, readings: readings(id, maximum: maximum, from: ranked), prompts: MeetingPrompts.prompts(for: label))
    }
    let agendaChapter = chapter.map { club, chapter in
      let related = RankedReadings(
        stored: stored, ranking: BookClubReadings.ranker(base, chapter: chapter).rank(items, history: historyItems, now: now))
      return AgendaChapter(
        bookTitle: club.title, bookAuthor: club.author, chapter: chapter,
        related: readings(chapter.topicID, maximum: BookClubReadings.relatedCount, from: related))
    }
    return Agenda(
      meeting: day, language: language ?? settings.language ?? DigestLanguage.fromEnvironment(ProcessInfo.processInfo.environment),
      utcOffset: offset, generated: now, readingsFrom: start, schoolName: settings.schoolName,
      facilitator: settings.facilitator, time: schedule?.time, place: schedule?.place, topics: agendaTopics,
      chapter: agendaChapter)
  }

  /// Writes `output/MEETING-DATE/agenda.html` and `agenda.md`, each atomically.
  public func write(_ agenda: Agenda) throws(LingkarFailure) -> [String] {
    let folder = outputDirectory + "/" + agenda.meeting.description
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let files = [
        ("agenda.html", AgendaHTMLRenderer().render(agenda)), ("agenda.md", AgendaMarkdownRenderer().render(agenda)),
      ]
      var written: [String] = []
      for (name, text) in files {
        try AtomicFile.write(text, to: folder + "/" + name)
        written.append(folder + "/" + name)
      }
      return written
    } catch {
      throw LingkarFailure("cannot write the agenda in \(folder): \(error)", cause: error)
    }
  }

  /// A stored item as the renderers show it, with what the ranker says about it.
  static func digestItem(_ item: StoredItem, scored: ScoredItem, key: String) -> DigestItem {
    let entry = item.entry
    return DigestItem(
      key: key, entryID: entry.id, feedURL: item.feed, feedTitle: item.feedTitle, title: entry.title,
      link: entry.link ?? item.canonicalLink, author: entry.authors.isEmpty ? nil : entry.authors.joined(separator: ", "),
      published: entry.published ?? entry.updated, language: scored.language.rawValue,
      summary: entry.summary ?? "", comments: entry.comments,
      topics: scored.topics,
      duplicates: scored.duplicates)
  }
}
