import Foundation
public import LingkarModel

/// The most a parsed feed keeps, so that whatever comes after the parser (the database, the ranking,
/// every digest page, the e-mail) is bounded by these figures and not by what a server sends: one
/// 9.8 MB feed of 310,000 empty items, or one 5 MB title, must not reach them whole.
///
/// Cuts fall on a character boundary. The figures are far above what real feeds send, so that a
/// real entry is never cut:
/// - entries: 1,000 a document. Blogs send 10 to 50 items, Mastodon 20, YouTube 15; the longest
///   real feeds are podcast archives of a few hundred episodes. Lingkar reads a feed every one or
///   two weeks and looks back 30 days, so 1,000 is the output of a feed posting 30 times a day for a
///   month. Past the cap, the newest entries (by published, else updated date) are kept, so an
///   archive listed oldest first still gives its latest episodes; undated entries count as older
///   than dated ones, and among equals the document's order decides.
/// - a title 500 characters (a headline is under 150); content 64 KiB of HTML (a long blog post is
///   20-30 KiB; the cut never splits a tag); a summary 16,384 characters: when a feed gives only
///   content, the summary is the whole post's text (feedparser's rule), and the conformance corpus
///   holds such summaries of up to 10,829 characters, while the digest shows a few hundred and the
///   ranking reads 1,000 bytes; an author or a category 500 (a journal's feed lists 18 co-authors in
///   294); at most 50 authors, 100 categories and 50 enclosures an entry; a link or id over 4 KiB is
///   dropped, since a cut address leads nowhere.
/// - while parsing, the text of one element stops growing at 256 KiB (`rawTextBytes`), so memory is
///   bounded too.
public enum FieldLimits {
  public static let entries = 1_000
  public static let titleCharacters = 500
  public static let summaryCharacters = 16_384
  public static let nameCharacters = 500
  public static let contentBytes = 64 * 1_024
  public static let authorsPerEntry = 50
  public static let categoriesPerEntry = 100
  public static let enclosuresPerEntry = 50
  public static let addressBytes = 4 * 1_024
  public static let rawTextBytes = 256 * 1_024

  /// The document within the limits.
  public static func apply(to document: inout FeedDocument) {
    document.title = cut(document.title, characters: titleCharacters)
    document.description = cut(document.description, characters: summaryCharacters)
    document.link = address(document.link)
    if document.entries.count > entries {
      let kept = newest(document.entries.count, limit: entries) {
        document.entries[$0].published ?? document.entries[$0].updated
      }
      document.entries = kept.map { document.entries[$0] }
    }
    for index in document.entries.indices { apply(to: &document.entries[index]) }
  }

  public static func apply(to entry: inout Entry) {
    entry.id = address(entry.id)
    entry.link = address(entry.link)
    entry.title = cut(entry.title, characters: titleCharacters)
    entry.summary = cut(entry.summary, characters: summaryCharacters)
    entry.content = cutHTML(entry.content, bytes: contentBytes)
    entry.authors = entry.authors.prefix(authorsPerEntry).map { cutText($0, characters: nameCharacters) }
    entry.categories = entry.categories.prefix(categoriesPerEntry).map { cutText($0, characters: nameCharacters) }
    if entry.enclosures.count > enclosuresPerEntry {
      entry.enclosures = Array(entry.enclosures.prefix(enclosuresPerEntry))
    }
    for index in entry.enclosures.indices {
      entry.enclosures[index].url = address(entry.enclosures[index].url)
      entry.enclosures[index].type = cut(entry.enclosures[index].type, characters: nameCharacters)
    }
  }

  /// The indices of the `limit` newest of `count` items, in their original order: by date, newest
  /// first, undated last, earlier in the document first among equals.
  static func newest(_ count: Int, limit: Int, date: (Int) -> Date?) -> [Int] {
    guard count > limit else { return Array(0..<count) }
    let dates = (0..<count).map(date)
    let ranked = (0..<count).sorted { left, right in
      switch (dates[left], dates[right]) {
      case let (l?, r?) where l != r: return l > r
      case (_?, nil): return true
      case (nil, _?): return false
      default: return left < right
      }
    }
    return ranked.prefix(limit).sorted()
  }

  static func cut(_ text: String?, characters limit: Int) -> String? {
    text.map { cutText($0, characters: limit) }
  }

  /// At most `limit` characters, cut between two characters (grapheme clusters), trailing white
  /// space dropped. Counted in Unicode scalars, which is as many for most text and never fewer, so
  /// that a long value costs no walk over its grapheme clusters.
  static func cutText(_ text: String, characters limit: Int) -> String {
    guard text.utf8.count > limit else { return text }
    let scalars = text.unicodeScalars
    guard var end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
      end < scalars.endIndex
    else { return text }
    while end.samePosition(in: text) == nil { end = scalars.index(before: end) }
    return TextFolding.trimmed(String(text[..<end]))
  }

  /// At most `limit` bytes of HTML, cut on a character boundary and never inside a tag.
  static func cutHTML(_ html: String?, bytes limit: Int) -> String? {
    guard let html, html.utf8.count > limit else { return html }
    var end = html.utf8.index(html.startIndex, offsetBy: limit)
    while end.samePosition(in: html) == nil { end = html.utf8.index(before: end) }
    var kept = html[..<end]
    if let open = kept.utf8.lastIndex(of: UInt8(ascii: "<")),
      kept.utf8[open...].firstIndex(of: UInt8(ascii: ">")) == nil
    {
      kept = kept[..<open]
    }
    return String(kept)
  }

  /// The address, unless it is too long to be one.
  static func address(_ value: String?) -> String? {
    guard let value, value.utf8.count <= addressBytes else { return nil }
    return value
  }
}
