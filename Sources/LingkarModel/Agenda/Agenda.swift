public import Foundation

/// The handout for one meeting of the teachers: the topics the facilitator picked, with readings
/// and prompts, this fortnight's book-club chapter, and room for notes. Built by the pipeline;
/// renderers only read it.
public struct Agenda: Sendable, Hashable {
  /// The meeting's day.
  public var meeting: CalendarDay
  /// The language of Lingkar's own words.
  public var language: DigestLanguage
  /// Seconds east of UTC for the dates people read.
  public var utcOffset: Int
  /// When the agenda was made.
  public var generated: Date
  /// The stretch of time the readings come from.
  public var readingsFrom: Date
  public var schoolName: String?
  public var facilitator: String?
  /// The meeting's time and place as the settings write them.
  public var time: String?
  public var place: String?
  /// The picked topics, in the facilitator's order.
  public var topics: [AgendaTopic]
  public var chapter: AgendaChapter?

  public init(
    meeting: CalendarDay, language: DigestLanguage, utcOffset: Int = 0, generated: Date, readingsFrom: Date,
    schoolName: String? = nil, facilitator: String? = nil, time: String? = nil, place: String? = nil,
    topics: [AgendaTopic] = [], chapter: AgendaChapter? = nil
  ) {
    self.meeting = meeting
    self.language = language
    self.utcOffset = utcOffset
    self.generated = generated
    self.readingsFrom = readingsFrom
    self.schoolName = schoolName
    self.facilitator = facilitator
    self.time = time
    self.place = place
    self.topics = topics
    self.chapter = chapter
  }
}

/// One picked topic on the agenda.
public struct AgendaTopic: Sendable, Hashable {
  public var id: String
  public var label: BilingualText
  /// Three to five readings (fewer when the period had fewer), diverse sources, both languages
  /// where available.
  public var readings: [DigestItem]
  public var prompts: [BilingualText]

  public init(id: String, label: BilingualText, readings: [DigestItem], prompts: [BilingualText]) {
    self.id = id
    self.label = label
    self.readings = readings
    self.prompts = prompts
  }
}

/// The book-club chapter of the fortnight and the period's items related to its themes.
public struct AgendaChapter: Sendable, Hashable {
  public var bookTitle: String
  public var bookAuthor: String?
  public var chapter: BookChapter
  public var related: [DigestItem]

  public init(bookTitle: String, bookAuthor: String?, chapter: BookChapter, related: [DigestItem]) {
    self.bookTitle = bookTitle
    self.bookAuthor = bookAuthor
    self.chapter = chapter
    self.related = related
  }
}
