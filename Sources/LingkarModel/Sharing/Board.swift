public import Foundation

/// The board for the teachers' room ("mading"): the period's shared and best articles, printed on
/// A4, each with a QR code that opens it on a phone. Built by the pipeline (`BoardRun`); renderers
/// only read it.
public struct Board: Sendable, Hashable {
  public var language: DigestLanguage
  /// Seconds east of UTC for the dates people read.
  public var utcOffset: Int
  /// The period the articles come from.
  public var from: Date
  public var to: Date
  public var generated: Date
  public var schoolName: String?
  /// Shared articles first (newest share first), then the best readings of the period's topics.
  public var articles: [BoardArticle]

  public init(
    language: DigestLanguage, utcOffset: Int = 0, from: Date, to: Date, generated: Date, schoolName: String? = nil,
    articles: [BoardArticle] = []
  ) {
    self.language = language
    self.utcOffset = utcOffset
    self.from = from
    self.to = to
    self.generated = generated
    self.schoolName = schoolName
    self.articles = articles
  }
}

/// One article on the board.
public struct BoardArticle: Sendable, Hashable {
  /// Plain text; nil when the page gave none (the address is shown instead).
  public var title: String?
  /// The article's http(s) address: what the QR code holds.
  public var link: String
  /// Where it comes from: the site's or the feed's name.
  public var source: String?
  /// A few lines of plain text.
  public var summary: String
  /// The topic it is read for, when it was chosen as a topic's best reading.
  public var topic: BilingualText?
  /// Who shared it (empty for a reading Lingkar chose).
  public var sharedBy: [String]
  /// The first sharer's note, if any.
  public var note: String?
  /// The QR code of `link`: a whole `<svg>` element made by Lingkar (no text from the page in it
  /// but the escaped label), placed in the page as it is.
  public var qrSVG: String

  public init(
    title: String?, link: String, source: String? = nil, summary: String = "", topic: BilingualText? = nil,
    sharedBy: [String] = [], note: String? = nil, qrSVG: String
  ) {
    self.title = title
    self.link = link
    self.source = source
    self.summary = summary
    self.topic = topic
    self.sharedBy = sharedBy
    self.note = note
    self.qrSVG = qrSVG
  }
}
