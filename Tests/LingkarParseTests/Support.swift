import Foundation
import LingkarModel
import LingkarParse
import Testing

/// Loads the test documents in `Fixtures/` (copied into the test bundle).
enum Fixture {
  static func url(_ name: String) throws -> URL {
    let dot = try #require(name.lastIndex(of: "."), "fixture name needs an extension: \(name)")
    let base = String(name[..<dot])
    let ext = String(name[name.index(after: dot)...])
    return try #require(
      Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures"), "missing fixture \(name)")
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: url(name)))
  }

  static func text(_ name: String) throws -> String {
    String(decoding: try bytes(name), as: UTF8.self)
  }

  static func parse(_ name: String, baseURL: String? = nil, charset: String? = nil) throws -> FeedDocument {
    try FeedParser.parse(bytes(name), baseURL: baseURL, charset: charset)
  }

  /// Every fixture that is a feed (not the HTML page, not the hostile documents).
  static func allFeeds() throws -> [String] {
    let directory = try url("rss20_wordpress_content_encoded.xml").deletingLastPathComponent()
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    return names.filter { name in
      (name.hasSuffix(".xml") || name.hasSuffix(".json"))
        && !name.hasPrefix("xxe_") && !name.hasPrefix("billion_")
    }.sorted()
  }
}

/// Parses a document given as a Swift string (UTF-8).
func parse(_ text: String, baseURL: String? = nil, charset: String? = nil) throws -> FeedDocument {
  try FeedParser.parse(Array(text.utf8), baseURL: baseURL, charset: charset)
}

/// The `index`th entry, failing the test (not crashing) when there are fewer.
func entry(_ document: FeedDocument, _ index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Entry {
  try #require(document.entries.count > index, "only \(document.entries.count) entries", sourceLocation: sourceLocation)
  return document.entries[index]
}

/// A one-item RSS 2.0 document around `item` (the inside of `<item>`).
func rssItem(_ item: String, channel: String = "<title>Kelas</title><link>https://kelas.example.id/</link>") -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
  xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>\(channel)<item>\(item)</item></channel></rss>
  """
}

/// A one-entry Atom 1.0 document around `entry` (the inside of `<entry>`).
func atomEntry(_ entry: String) -> String {
  """
  <?xml version="1.0" encoding="utf-8"?>
  <feed xmlns="http://www.w3.org/2005/Atom"><title>Kelas</title><id>urn:kelas</id>\
  <entry>\(entry)</entry></feed>
  """
}

/// Every plain-text field of a document, for checks that must hold everywhere.
func allText(_ document: FeedDocument) -> [String] {
  var out = [document.title, document.link, document.description, document.language].compactMap { $0 }
  for entry in document.entries {
    out += [entry.id, entry.title, entry.link, entry.summary, entry.content].compactMap { $0 }
    out += entry.authors + entry.categories
    out += entry.enclosures.flatMap { [$0.url, $0.type].compactMap { $0 } }
  }
  return out
}
