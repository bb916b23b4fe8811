public import LingkarModel

/// `output/feed.xml`: an Atom 1.0 feed (RFC 4287) with one entry per digest, newest first, so
/// teachers can follow the digests in their own feed reader.
///
/// Links are relative to the feed (`2026-11-29/digest.html`) unless `siteURL` says where
/// `output/` is published. Ids are `urn:uuid:` values derived from `feedID`, which the writer
/// keeps stable from run to run.
public struct AtomRenderer: Sendable {
  /// The feed's own id, a `urn:uuid:`; entry ids are derived from it and the digest's date.
  public var feedID: String
  /// Where `output/` is served (`https://sekolah.example/lingkar/`), if known.
  public var siteURL: String?
  /// At most this many digests in the feed.
  public var limit = 20

  public init(feedID: String, siteURL: String? = nil) {
    self.feedID = feedID
    self.siteURL = siteURL
  }

  public func render(_ entries: [ArchiveEntry], language: DigestLanguage) -> String {
    let s = Strings.for(language)
    let sorted = Array(ArchiveRenderer.newestFirst(entries).prefix(limit))
    let base = Escaping.safeLink(siteURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    let updated = sorted.map(\.period.generated).max().map(Timestamp.iso8601) ?? "1970-01-01T00:00:00Z"
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
      <id>\(e(feedID))</id>
      <title>\(e(s.feedTitle))</title>
      <updated>\(updated)</updated>
      <author><name>Lingkar</name></author>
      <generator>Lingkar</generator>

      """
    if let base {
      xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(base))feed.xml\"/>\n"
      xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(e(base))index.html\"/>\n"
    } else {
      xml += "<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n"
    }
    for entry in sorted {
      let es = Strings.for(entry.language)
      let range = es.range(from: entry.period.from, to: entry.period.to, utcOffset: entry.utcOffset)
      var content = "<p>\(e(es.itemsAndSources(entry.itemCount, entry.sourceCount)))</p>"
      if !entry.suggestedTopics.isEmpty {
        content += "<p>\(e(es.suggestedHeading)):</p><ol>"
        content += entry.suggestedTopics.map { "<li>\(e($0))</li>" }.joined()
        content += "</ol>"
      }
      xml += "<entry xml:lang=\"\(entry.language.rawValue)\">\n"
      xml += "<id>\(entryID(entry.date))</id>\n"
      xml += "<title>\(e(es.feedEntryTitle(range)))</title>\n"
      xml += "<updated>\(Timestamp.iso8601(entry.period.generated))</updated>\n"
      xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(e((base ?? "") + entry.path))\"/>\n"
      xml += "<summary>\(e(es.itemsAndSources(entry.itemCount, entry.sourceCount)))</summary>\n"
      xml += "<content type=\"html\">\(e(content))</content>\n"
      xml += "</entry>\n"
    }
    return xml + "</feed>\n"
  }

  /// A `urn:uuid:` for the digest of `date`, stable for a given `feedID`.
  func entryID(_ date: String) -> String {
    Self.uuid(seed: feedID + " " + date)
  }

  /// A version-8 style UUID URN from a stable hash of `seed` (deterministic, not random).
  public static func uuid(seed: String) -> String {
    var first = StableHasher()
    first.combine(seed)
    var second = StableHasher()
    second.combine("lingkar")
    second.combine(seed)
    var hex = Array(first.hexDigest + second.hexDigest)
    hex[12] = "8"
    // hexDigest is lowercase hex, so the digit always parses; 0 only keeps the impossible case total.
    let nibble = Int(String(hex[16]), radix: 16) ?? 0
    hex[16] = ["8", "9", "a", "b"][nibble % 4]
    let text = String(hex)
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(
        text[
          text.index(
            text.startIndex, offsetBy: range.lowerBound)..<text.index(text.startIndex, offsetBy: range.upperBound)])
    }
    return "urn:uuid:" + parts.joined(separator: "-")
  }

  private func e(_ text: String) -> String { Escaping.html(text) }
}
