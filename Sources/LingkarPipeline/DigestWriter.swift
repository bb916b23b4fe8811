import Foundation
public import LingkarDigest
public import LingkarModel

/// Writes a finished digest: `output/YYYY-MM-DD/digest.{html,md,txt,json}`, then the archive
/// page `output/index.html` and the Atom feed `output/feed.xml` over every digest found in
/// `output/`. The six files are written as one set (see `AtomicFile`): all complete on disk before
/// any replaces its old version, so a full disk leaves the old set whole, never a mix; writing
/// again for the same date replaces the same files, keeping their permissions.
///
/// The caller holds the run lock, so two runs never write at once, and any temporary file found in
/// `output/` was left by a run that was killed: it is removed first.
public struct DigestWriter: Sendable {
  /// The `output/` folder.
  public var outputDirectory: String
  /// Where `output/` is published, if anywhere, for absolute links in the Atom feed.
  public var siteURL: String?
  /// The system calls that write; tests replace them to fill the disk part-way.
  var operations = AtomicFile.Operations.system

  public init(outputDirectory: String, siteURL: String? = nil) {
    self.outputDirectory = outputDirectory
    self.siteURL = siteURL
  }

  /// Writes every file and returns their paths: the four digest files, then `index.html` and
  /// `feed.xml`. When it throws, no file was replaced.
  @discardableResult
  public func write(_ digest: Digest) throws -> [String] {
    let folder = outputDirectory + "/" + digest.dateStamp
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DigestWriteError(path: folder, reason: "the folder cannot be created")
    }
    removeStaleTemporaries()
    var files = [
      ("digest.html", HTMLRenderer().render(digest)),
      ("digest.md", MarkdownRenderer().render(digest)),
      ("digest.txt", TextRenderer().render(digest)),
      ("digest.json", JSONRenderer().render(digest)),
    ].map { (path: folder + "/" + $0.0, text: $0.1) }

    let entries = archive().filter { $0.date != digest.dateStamp } + [ArchiveEntry(digest)]
    let index = outputDirectory + "/index.html"
    files.append((index, ArchiveRenderer().render(entries, language: digest.language)))
    let feed = outputDirectory + "/feed.xml"
    let atom = AtomRenderer(feedID: feedID(at: feed), siteURL: siteURL)
    files.append((feed, atom.render(entries, language: digest.language)))
    try AtomicFile.writeSet(files, operations: operations)
    return files.map(\.path)
  }

  /// Removes the temporary files of killed runs from `output/` and its date folders.
  func removeStaleTemporaries() {
    AtomicFile.removeStale(in: outputDirectory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    for name in names where Self.isDateStamp(name) {
      AtomicFile.removeStale(in: outputDirectory + "/" + name)
    }
  }

  /// Every digest already in `output/`, read back from its `digest.json`; folders that are not
  /// digests, and unreadable files, are passed over.
  public func archive() -> [ArchiveEntry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    return names.filter(Self.isDateStamp).sorted().compactMap { name in
      guard let data = FileManager.default.contents(atPath: outputDirectory + "/" + name + "/digest.json") else {
        return nil
      }
      return Self.entry(date: name, json: data)
    }
  }

  /// The id of the existing feed, so readers keep one subscription; a new one the first time.
  private func feedID(at path: String) -> String {
    if let data = FileManager.default.contents(atPath: path) {
      let text = String(decoding: data.prefix(4096), as: UTF8.self)
      if let start = text.range(of: "<id>urn:uuid:"), let end = text[start.upperBound...].range(of: "</id>") {
        let uuid = text[start.upperBound..<end.lowerBound]
        if uuid.count == 36, uuid.allSatisfy({ $0.isHexDigit || $0 == "-" }) { return "urn:uuid:" + uuid }
      }
    }
    return "urn:uuid:" + UUID().uuidString.lowercased()
  }

  static func isDateStamp(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard scalars.count == 10 else { return false }
    return scalars.enumerated().allSatisfy { index, scalar in
      index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
    }
  }

  /// An archive entry from a `digest.json` (the keys `JSONRenderer` writes).
  static func entry(date: String, json data: Data) -> ArchiveEntry? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let generated = (object["generated"] as? String).flatMap(parseTimestamp),
      let period = object["period"] as? [String: Any],
      let from = (period["from"] as? String).flatMap(parseTimestamp),
      let to = (period["to"] as? String).flatMap(parseTimestamp)
    else { return nil }
    let language = (object["lang"] as? String).flatMap(DigestLanguage.init(rawValue:)) ?? .id
    let counts = object["counts"] as? [String: Any]
    let items = object["items"] as? [Any]
    let feeds = Set(((items as? [[String: Any]]) ?? []).compactMap { $0["feed"] as? String })
    let suggestions = (object["suggestions"] as? [[String: Any]]) ?? []
    return ArchiveEntry(
      date: date, period: DigestPeriod(from: from, to: to, generated: generated), language: language,
      utcOffset: utcOffset(object["utcOffset"]), itemCount: count(counts?["items"]) ?? items?.count ?? 0,
      sourceCount: count(counts?["sources"]) ?? feeds.count,
      suggestedTopics: suggestions.compactMap { $0["label"] as? String })
  }

  /// A UTC offset read back from a `digest.json`: whole seconds within a day of UTC (real ones are
  /// -12 h to +14 h), else UTC. The file may have been edited or damaged; a number such as
  /// 9223372036854775807 must not reach the date arithmetic.
  static func utcOffset(_ value: Any?) -> Int {
    guard let offset = value as? Int, (-86_400...86_400).contains(offset) else { return 0 }
    return offset
  }

  /// A count read back from a `digest.json`: a whole number from 0 to a billion, else nil (the
  /// caller counts for itself).
  static func count(_ value: Any?) -> Int? {
    guard let count = value as? Int, (0...1_000_000_000).contains(count) else { return nil }
    return count
  }

  /// `2026-11-29T07:00:00Z` → a date.
  static func parseTimestamp(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
