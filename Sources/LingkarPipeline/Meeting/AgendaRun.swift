public import Foundation
import LingkarDigest
public import LingkarModel
import LingkarRank
import LingkarStore

/// `lingkar agenda`: the handout for a meeting. The picked topics' readings come from the stored
/// items since the previous meeting, ranked once as the digest's period is (`RankedPeriod`, with the
/// book-club chapter's themes scored as one more topic) and chosen by the same `ReadingPicker`;
/// written to `output/MEETING-DATE/agenda.{html,md}`.
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
    let today = CalendarDay(now, utcOffset: Settings.schoolOffset(settings, now: now))
    if let next = PickRun.nextMeeting(settings: settings, today: today) { return next }
    if let picked = (try? FeedStoreAccess.picks(databasePath: databasePath))?.last(where: { $0.meeting >= today }) {
      return picked.meeting
    }
    throw LingkarFailure(Message("errors.agenda.no-meeting"))
  }

  public func build() throws(LingkarFailure) -> Agenda {
    let day = try meetingDay()
    let offset = Settings.schoolOffset(settings, now: now)
    let picks = try FeedStoreAccess.picks(databasePath: databasePath)
    let picked = picks.first { $0.meeting == day }?.topicIDs ?? []
    let base = try TopicsFileSource.load(path: topicsPath)

    let schedule = settings.meeting
    let defaultStart = (schedule?.meeting(before: day) ?? day.adding(days: -PeriodSpec.defaultDays)).start(
      utcOffset: offset)
    // Since the previous meeting by the digest's rule (`PeriodSpec.last`): every item first seen
    // since then, so a post fetched late that the digest showed can be one of the readings; an
    // explicit --since is the items placed since its start.
    let previousMeeting = since == nil ? min(defaultStart, now.addingTimeInterval(-86_400)) : nil
    let chapter = BookClubReadings.current(settings: settings, day: day)
    let ranked: RankedPeriod
    do {
      let store = try FeedStore(path: databasePath)
      ranked = try RankedPeriod.load(
        store: store, since: since ?? .last, now: now, previousEnd: previousMeeting,
        lookbackDays: settings.lookbackDays ?? PeriodSpec.defaultLookbackDays,
        historyDays: historyDays, topics: base)
    } catch {
      throw LingkarFailure(reading: databasePath, error)
    }

    let maximum = picked.count <= 1 ? 5 : picked.count == 2 ? 4 : 3
    let picker = ReadingPicker(minimum: min(3, maximum), maximum: maximum)
    let labels = Dictionary(base.topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let agendaTopics = picked.map { id in
      let topic = labels[id]
      let label = BilingualText(id: topic?.labelID ?? id, en: topic?.labelEN ?? id)
      return AgendaTopic(
        id: id, label: label, readings: ranked.readings(id, picker: picker),
        prompts: MeetingPrompts.prompts(for: id, in: base))
    }
    let agendaChapter = chapter.map { club, chapter in
      let related = ReadingPicker(minimum: BookClubReadings.relatedCount, maximum: BookClubReadings.relatedCount)
      return AgendaChapter(
        bookTitle: club.title, bookAuthor: club.author, chapter: chapter,
        related: ranked.readings(chapter.topicID, picker: related, in: ranked.chapterRanking(chapter)))
    }
    return Agenda(
      meeting: day,
      language: DigestLanguage.choose(
        flag: language, settings: settings, environment: ProcessInfo.processInfo.environment),
      utcOffset: offset, generated: now, readingsFrom: ranked.start, schoolName: settings.schoolName,
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
      throw LingkarFailure(
        Message("errors.agenda.write", ["path": .text(folder), "reason": .message(LingkarFailure.reason(error))]),
        cause: error)
    }
  }
}
