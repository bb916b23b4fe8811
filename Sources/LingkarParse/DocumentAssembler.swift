import Foundation
import LingkarModel

/// Turns the raw fields a reader gathered into the normalized `FeedDocument`: plain text for
/// titles, summaries, authors and categories; content kept as HTML; dates parsed; ids with their
/// fallback.
struct DocumentAssembler {
  let html: HTMLText

  private static let formats: [String: FeedFormat] = [
    "rss090": .rss09x, "rss091n": .rss09x, "rss091u": .rss09x, "rss092": .rss09x, "rss093": .rss09x,
    "rss094": .rss09x, "rss20": .rss20, "rss10": .rss10, "rss": .rss, "atom01": .atom03, "atom02": .atom03,
    "atom03": .atom03, "atom10": .atom10, "atom": .atom, "cdf": .cdf,
  ]

  func document(version: String, feed: FieldSet, entries: [FieldSet]) -> FeedDocument {
    var document = FeedDocument(format: Self.formats[version])
    document.title = text(feed.title)
    document.link = Self.url(feed.link)
    document.description = text(feed.subtitle)
    document.language = Self.language(feed.language)
    document.updated =
      feed.hasUpdated ? feed.updated.flatMap(DateParser.parse) : feed.published.flatMap(DateParser.parse)
    document.entries = entries.map { entry(from: $0, feedLanguage: document.language) }
    return document
  }

  func entry(from fields: FieldSet, feedLanguage: String?) -> Entry {
    var entry = Entry()
    let link = Self.url(fields.link)
    entry.id = Self.url(fields.id) ?? link
    entry.link = link
    entry.title = text(fields.title)
    entry.published = fields.published.flatMap(DateParser.parse)
    entry.updated = fields.hasUpdated ? fields.updated.flatMap(DateParser.parse) : entry.published
    entry.authors = Self.unique(fields.authors.map { Self.plain($0.name) ?? Self.plain($0.email) })
    entry.categories = Self.unique(fields.categories.map { Self.plain($0.term) ?? Self.plain($0.label) })
    entry.summary = text(fields.summary)
    // Values are trimmed when their element ends, so a blank one is empty.
    if let content = fields.contents.first(where: { !$0.value.isEmpty }) {
      let value = MojibakeRepair.repair(content.value)
      entry.content = content.isHTML ? value : Self.escapeHTML(value)
    }
    entry.enclosures = fields.links.filter { $0.rel == "enclosure" }.map {
      Enclosure(url: Self.url($0.href), type: Self.url($0.type), length: Self.count($0.length))
    }
    entry.comments = Self.count(fields.slashComments) ?? Self.count(fields.threadTotal)
    entry.language = Self.language(fields.language) ?? feedLanguage
    return entry
  }

  /// Plain text of a typed value: HTML types are stripped, anything else is literal. Double-encoded
  /// UTF-8 is repaired before (the text rules would drop a part of it), and once more after the
  /// HTML's character references are decoded (`&Atilde;&para;`).
  func text(_ value: TypedText?) -> String? {
    guard let value else { return nil }
    let repaired = MojibakeRepair.repair(value.value)
    guard value.isHTML else { return TextFolding.fold(repaired) }
    return html.text(of: repaired).map(MojibakeRepair.repair)
  }

  /// A name or term as plain text, repaired like `text`.
  static func plain(_ value: String?) -> String? {
    guard let value else { return nil }
    return TextFolding.fold(MojibakeRepair.repair(value))
  }

  static func url(_ value: String?) -> String? {
    guard let value else { return nil }
    let trimmed = TextFolding.trimmed(value)
    return trimmed.isEmpty ? nil : trimmed
  }

  static func language(_ value: String?) -> String? {
    guard let value else { return nil }
    let trimmed = TextFolding.trimmed(value).lowercased()
      .replacingOccurrences(of: "_", with: "-")
    return trimmed.isEmpty ? nil : trimmed
  }

  /// An integer when the value is all ASCII digits (after trimming), else nil.
  static func count(_ value: String?) -> Int? {
    guard let value else { return nil }
    let trimmed = TextFolding.trimmed(value)
    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int(trimmed)
  }

  static func unique(_ values: [String?]) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for case let value? in values where seen.insert(value).inserted { out.append(value) }
    return out
  }

  static func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(character)
      }
    }
    return out
  }
}
