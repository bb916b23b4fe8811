import Foundation

/// A text value with the media type it was given in (`text/plain`, `text/html`,
/// `application/xhtml+xml`, ...).
struct TypedText {
  var value: String
  var type: String

  var isHTML: Bool { type.containsBytes("html") }
}

/// The raw fields gathered for the feed or for one entry, before they become plain text.
final class FieldSet {
  struct Author {
    var name: String?
    var email: String?
    var isEmpty: Bool { (name ?? "").isEmpty && (email ?? "").isEmpty }
  }

  struct Category: Equatable {
    var term: String?
    var scheme: String?
    var label: String?
  }

  var title: TypedText?
  var link: String?
  var id: String?
  var summary: TypedText?
  /// The summary came from the content (no description or summary element).
  var summaryFromContent = false
  var contents: [TypedText] = []
  var subtitle: TypedText?
  var published: String?
  var updated: String?
  var hasPublished = false
  var hasUpdated = false
  var authorText: String?
  var authors: [Author] = []
  var categories: [Category] = []
  struct Link {
    var rel: String
    var type: String?
    var length: String?
    var href: String?
  }

  /// Every link of the entry in document order (`<link>`, `<enclosure>`); enclosures are those
  /// with `rel="enclosure"`.
  var links: [Link] = []
  /// The entry's place in its document (0 for the first), counting entries dropped past the limit.
  var order = 0
  /// The date that ranks the entry when a document has more than `FieldLimits.entries`: published,
  /// else updated; parsed once.
  var rankingDate: Date? {
    if let parsedRankingDate { return parsedRankingDate }
    let date = published.flatMap(DateParser.parse) ?? updated.flatMap(DateParser.parse)
    parsedRankingDate = .some(date)
    return date
  }
  private var parsedRankingDate: Date??
  var slashComments: String?
  var threadTotal: String?
  var language: String?
  /// Depth at which each property was last stored (shallowest wins, later wins at equal depth).
  private var depths: [(key: String, depth: Int)] = []

  func depth(of key: String) -> Int? {
    for entry in depths where entry.key == key { return entry.depth }
    return nil
  }

  func setDepth(_ depth: Int, of key: String) {
    if let index = depths.firstIndex(where: { $0.key == key }) {
      depths[index].depth = depth
    } else {
      depths.append((key, depth))
    }
  }

  func addCategory(term: String?, scheme: String?, label: String?) {
    guard term != nil || scheme != nil || label != nil else { return }
    let category = Category(term: term, scheme: scheme, label: label)
    if !categories.contains(category) { categories.append(category) }
  }
}
