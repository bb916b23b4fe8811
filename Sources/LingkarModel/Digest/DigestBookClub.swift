/// The book club's "this fortnight's chapter" in a digest: the book, the chapter and its session,
/// and the period's items related to the chapter's themes (its keywords, scored like a topic).
public struct DigestBookClub: Sendable, Hashable {
  public var bookTitle: String
  public var bookAuthor: String?
  public var chapterNumber: Int
  public var chapterTitle: String
  /// The chapter's theme words and phrases as the settings write them.
  public var themes: [String]
  /// The day of the chapter's session.
  public var date: CalendarDay
  /// Who leads the session.
  public var leader: String?
  /// The related items, best first; their keys are items of the digest.
  public var related: [DigestChapterItem]

  public init(
    bookTitle: String, bookAuthor: String? = nil, chapterNumber: Int, chapterTitle: String, themes: [String] = [],
    date: CalendarDay, leader: String? = nil, related: [DigestChapterItem] = []
  ) {
    self.bookTitle = bookTitle
    self.bookAuthor = bookAuthor
    self.chapterNumber = chapterNumber
    self.chapterTitle = chapterTitle
    self.themes = themes
    self.date = date
    self.leader = leader
    self.related = related
  }
}

/// An item related to the chapter's themes: how strongly, and by which theme words.
public struct DigestChapterItem: Sendable, Hashable {
  public var key: String
  public var score: Double
  /// The theme keywords as written in the settings (`~word` for a related term).
  public var matched: [String]

  public init(key: String, score: Double, matched: [String]) {
    self.key = key
    self.score = score
    self.matched = matched
  }
}
