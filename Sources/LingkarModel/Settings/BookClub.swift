/// The teachers' book club: one book, read chapter by chapter on a schedule.
public struct BookClub: Sendable, Hashable {
  public var title: String
  public var author: String?
  /// In date order.
  public var chapters: [BookChapter]

  public init(title: String, author: String? = nil, chapters: [BookChapter]) {
    self.title = title
    self.author = author
    self.chapters = chapters.sorted { $0.date != $1.date ? $0.date < $1.date : $0.number < $1.number }
  }

  /// "This fortnight's chapter" as of `day`: the first chapter whose session is on or after `day`
  /// and within `windowDays`; nil when the book is finished or the next session is further away.
  public func chapter(onOrAfter day: CalendarDay, windowDays: Int = 14) -> BookChapter? {
    chapters.first { $0.date >= day && $0.date.days(since: day) < windowDays }
  }
}

/// One session of the book club: a chapter, its themes (keywords scored like a topic's), its date
/// and who leads it.
public struct BookChapter: Sendable, Hashable {
  public var number: Int
  public var title: String
  /// Words and phrases of the chapter's themes, with weights 1...5 like `topics.txt` keywords.
  public var keywords: [ChapterKeyword]
  public var date: CalendarDay
  public var leader: String?

  public init(number: Int, title: String, keywords: [ChapterKeyword], date: CalendarDay, leader: String? = nil) {
    self.number = number
    self.title = title
    self.keywords = keywords
    self.date = date
    self.leader = leader
  }

  /// The id the chapter's themes carry when they are scored like a topic.
  public var topicID: String { "book-chapter-\(number)" }
}

/// One theme word or phrase of a chapter and its weight (1...5).
public struct ChapterKeyword: Sendable, Hashable {
  public var text: String
  public var weight: Int

  public init(text: String, weight: Int = 1) {
    self.text = text
    self.weight = weight
  }
}
