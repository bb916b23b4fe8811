public import LingkarModel

/// Every word Lingkar itself writes into a digest, an agenda or a mail, in the reader's language:
/// a thin view of the message catalogue (`Resources/messages/digest.*`, `agenda.*`), named for the
/// renderers' use. The sentences themselves live only in the catalogue.
///
/// Item texts (titles, summaries, authors) are never translated; they keep their own `lang`.
public struct Strings: Sendable {
  public let language: DigestLanguage
  let catalogue: Catalogue

  /// The words of `language`.
  public static func `for`(_ language: DigestLanguage) -> Strings {
    Strings(language: language, catalogue: Catalogue.for(language))
  }

  /// The catalogue's sentence of `key`.
  func t(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> String {
    catalogue.text(key, arguments)
  }

  // The page.
  var digestTitle: String { t("digest.title") }
  func documentTitle(_ range: String) -> String { t("digest.title.period", ["range": .text(range)]) }
  func itemsAndSources(_ items: Int, _ sources: Int) -> String {
    t("digest.counts", ["postCount": .number(items), "sourceCount": .number(sources)])
  }
  var skipLink: String { t("digest.skip") }
  func generatedBy(_ when: String) -> String { t("digest.generated", ["time": .text(when)]) }
  var archiveLink: String { t("digest.archive.link") }

  // Suggestions.
  var suggestedHeading: String { t("digest.suggested.heading") }
  var suggestedIntro: String { t("digest.suggested.intro") }
  var noSuggestions: String { t("digest.suggested.none") }
  var rankingHeading: String { t("digest.ranking.heading") }
  var scoreLabel: String { t("digest.ranking.score") }
  var relevance: String { t("digest.ranking.relevance") }
  var distinctSources: String { t("digest.ranking.sources") }
  func sourcesAtCap(_ count: Int) -> String { t("digest.ranking.at.cap", ["count": .number(count)]) }
  var recency: String { t("digest.ranking.recency") }
  var engagement: String { t("digest.ranking.engagement") }
  var novelty: String { t("digest.ranking.novelty") }
  var trendLabel: String { t("digest.ranking.trend") }
  var noveltyDamped: String { t("digest.ranking.damped") }
  /// "lowered: discussed 2 weeks ago", from the days since the topic was last discussed (negative:
  /// picked for a meeting still to come).
  func noveltyDampedSince(_ days: Int) -> String {
    if days < 0 { return t("digest.ranking.damped.coming") }
    if days < 7 { return t("digest.ranking.damped.this.week") }
    return t("digest.ranking.damped.weeks", ["weekCount": .number(days / 7)])
  }
  var dampedInWords: String { t("digest.why.damped") }
  var readingsHeading: String { t("digest.readings.heading") }
  var promptsHeading: String { t("digest.prompts.heading") }
  var carriedOver: String { t("digest.carried") }

  // Trends.
  var trendFirst: String { t("digest.trend.first") }
  var trendNew: String { t("digest.trend.new") }
  func trendRising(_ mean: String, _ periods: Int) -> String {
    t("digest.trend.rising", ["mean": .text(mean), "periods": .number(periods)])
  }
  func trendSteady(_ mean: String, _ periods: Int) -> String {
    t("digest.trend.steady", ["mean": .text(mean), "periods": .number(periods)])
  }
  func trendFalling(_ mean: String, _ periods: Int) -> String {
    t("digest.trend.falling", ["mean": .text(mean), "periods": .number(periods)])
  }

  // Topics and items.
  var allTopicsHeading: String { t("digest.topics.heading") }
  var noTopics: String { t("digest.topics.none") }
  func itemCount(_ count: Int) -> String { t("digest.item.count", ["count": .number(count)]) }
  var otherHeading: String { t("digest.other.heading") }
  var otherIntro: String { t("digest.other.intro") }
  var untitled: String { t("digest.item.untitled") }
  var noDate: String { t("digest.item.no.date") }
  var by: String { t("digest.item.by") }
  func comments(_ count: Int) -> String { t("digest.item.comments", ["count": .number(count)]) }
  var languageID: String { t("digest.item.language.id") }
  var languageEN: String { t("digest.item.language.en") }
  var languageMixed: String { t("digest.item.language.mixed") }
  var alsoPostedBy: String { t("digest.item.also") }
  var matched: String { t("digest.item.words") }
  func andMore(_ count: Int) -> String { t("digest.item.more", ["count": .number(count)]) }

  // Feeds needing attention.
  var attentionHeading: String { t("digest.attention.heading") }
  var attentionNone: String { t("digest.attention.none") }
  func failed(_ reason: String) -> String { t("digest.attention.failed", ["reason": .text(reason)]) }
  var failedNoReason: String { t("digest.attention.failed.plain") }
  var gone: String { t("digest.attention.gone") }
  var moved: String { t("digest.attention.moved") }
  var movedAction: String { t("digest.attention.moved.action") }
  func silent(_ days: Int) -> String { t("digest.attention.silent", ["dayCount": .number(days)]) }
  /// A skipped line of the feeds file: its place (`feeds.txt:4`) and why.
  func badLine(_ location: String, _ reason: String) -> String {
    t("digest.attention.bad.line", ["location": .text(location), "reason": .text(reason)])
  }

  // The chart.
  var chartHeading: String { t("digest.chart.heading") }
  func chartCaption(_ periods: Int) -> String { t("digest.chart.caption", ["periods": .number(periods)]) }
  func chartSeries(_ label: String, _ counts: String) -> String {
    t("digest.chart.series", ["label": .text(label), "counts": .text(counts)])
  }
  func chartPeriod(_ end: String, _ count: Int) -> String {
    t("digest.chart.period", ["end": .text(end), "count": .number(count)])
  }

  // The archive and the Atom feed.
  var archiveTitle: String { t("digest.archive.title") }
  var archiveIntro: String { t("digest.archive.intro") }
  var archiveEmpty: String { t("digest.archive.empty") }
  var archiveTopTopics: String { t("digest.archive.topics") }
  var feedTitle: String { t("digest.feed.title") }
  func feedEntryTitle(_ range: String) -> String { documentTitle(range) }

  // The meeting agenda and the book club.
  var agendaTitle: String { t("agenda.title") }
  func agendaDocumentTitle(_ date: String) -> String { t("agenda.title.date", ["day": .text(date)]) }
  var facilitatorLabel: String { t("agenda.facilitator") }
  var agendaTopicsHeading: String { t("agenda.topics.heading") }
  var agendaNoTopics: String { t("agenda.topics.none") }
  var agendaNoReadings: String { t("agenda.readings.none") }
  var notesHeading: String { t("agenda.notes.heading") }
  var followUpHeading: String { t("agenda.follow.up.heading") }
  var bookClubHeading: String { t("agenda.club.heading") }
  func readingsFrom(_ range: String) -> String { t("agenda.readings.from", ["range": .text(range)]) }
  func chapterLine(_ number: Int, _ title: String) -> String {
    t("digest.club.chapter", ["number": .number(number), "title": .text(title)])
  }
  func chapterSession(_ date: String) -> String { t("digest.club.session", ["day": .text(date)]) }
  func chapterLedBy(_ name: String) -> String { t("digest.club.led.by", ["name": .text(name)]) }
  var chapterThemes: String { t("digest.club.themes") }
  var chapterRelated: String { t("digest.club.related") }
  var chapterNoRelated: String { t("digest.club.related.none") }
  /// The digest's book-club section.
  var fortnightChapterHeading: String { t("digest.club.heading") }

  // The short message for messaging groups.
  func nextMeeting(_ date: String) -> String { t("digest.short.meeting", ["day": .text(date)]) }
  var fullDigest: String { t("digest.short.full") }
  var shortNone: String { t("digest.short.none") }

  // Dates and numbers.
  var weekdays: [String] { words("digest.date.weekdays") }
  var months: [String] { words("digest.date.months") }
  var shortMonths: [String] { words("digest.date.months.short") }
  var decimalSeparator: String { t("digest.number.decimal") }

  /// A catalogue entry that is a list of single words (the names of the days or months).
  private func words(_ key: String) -> [String] { t(key).split(separator: " ").map(String.init) }
}
