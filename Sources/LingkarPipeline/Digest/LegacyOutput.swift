import Foundation
import LingkarDigest
import LingkarModel
import LingkarStore

/// What a Lingkar before schema 5 kept only in `output/`, taken into the store once: the Atom
/// feed's id (so subscribers keep their subscription) and each digest's suggestions and clock
/// (for carry-over, the archive page and the feed). After that `output/` is only ever written.
///
/// "Once" is the store's `feed_id`: the first digest written with a database that has none adopts
/// what `output/` holds, then records the id. Each step is safe to repeat, so a run killed half-way
/// simply adopts again. What is read is never trusted to be sane: files that are not digests,
/// absurd numbers and wrong types are passed over, never a crash.
enum LegacyOutput {
  /// The store's Atom feed id; on the first call for a database, adopts `output/` first.
  static func feedID(store: FeedStore, outputDirectory: String) throws(StoreError) -> String {
    if let id = try store.metaValue("feed_id") { return id }
    try adoptDigests(store: store, outputDirectory: outputDirectory)
    let id = feedID(at: outputDirectory + "/feed.xml") ?? DigestWriter.newFeedID()
    try store.setMetaValue("feed_id", id)
    return id
  }

  /// Gives every recorded digest that has no suggestions those of its `digest.json`, with its clock
  /// and files; a digest found in `output/` that the store never recorded is recorded as adopted
  /// (archive and feed only: it never moves where `--since last` starts).
  static func adoptDigests(store: FeedStore, outputDirectory: String) throws(StoreError) {
    let recorded = Dictionary(try store.allDigests().map { ($0.date, $0) }, uniquingKeysWith: { _, last in last })
    for (date, data) in digestFiles(outputDirectory: outputDirectory) {
      guard let entry = entry(date: date, json: data) else { continue }
      let files =
        ["html", "md", "txt", "json"].map { "\(outputDirectory)/\(date)/digest.\($0)" } + [
          outputDirectory + "/index.html", outputDirectory + "/feed.xml",
        ]
      var record: DigestRecord
      if let known = recorded[date] {
        guard known.suggestions.isEmpty else { continue }
        record = known
      } else {
        record = DigestRecord(
          date: date, generated: entry.period.generated, from: entry.period.from, to: entry.period.to,
          language: entry.language.rawValue, itemCount: entry.itemCount, sourceCount: entry.sourceCount, topics: [],
          adopted: true)
      }
      record.utcOffset = entry.utcOffset
      record.suggestions = suggestions(json: data)
      record.files = files
      try store.recordDigest(record)
    }
  }

  /// Every `output/YYYY-MM-DD/digest.json` that can be read, by date.
  static func digestFiles(outputDirectory: String) -> [(date: String, data: Data)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    return names.filter(DigestWriter.isDateStamp).sorted().compactMap { name in
      FileManager.default.contents(atPath: outputDirectory + "/" + name + "/digest.json").map { (name, $0) }
    }
  }

  /// The id of an existing `feed.xml`, when it has a sound one.
  static func feedID(at path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    guard let start = text.range(of: "<id>urn:uuid:"), let end = text[start.upperBound...].range(of: "</id>") else {
      return nil
    }
    let uuid = text[start.upperBound..<end.lowerBound]
    guard uuid.count == 36, uuid.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return nil }
    return "urn:uuid:" + uuid
  }

  /// The suggestions of every digest in `output/` (each `digest.json`'s `suggestions`).
  static func shortlists(outputDirectory: String) -> [MeetingHistory.Shortlist] {
    digestFiles(outputDirectory: outputDirectory).compactMap { date, data in
      guard let day = CalendarDay(date), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        object["suggestions"] is [[String: Any]]
      else { return nil }
      let suggestions = suggestions(json: data)
      return MeetingHistory.Shortlist(
        date: day, topicIDs: suggestions.map(\.topicID), carried: Set(suggestions.filter(\.carriedOver).map(\.topicID)))
    }
  }

  /// A `digest.json`'s suggestions, with each topic's labels from its `topics` (else the label shown).
  static func suggestions(json data: Data) -> [DigestRecord.Suggestion] {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let suggestions = object["suggestions"] as? [[String: Any]]
    else { return [] }
    var labels: [String: (id: String, en: String)] = [:]
    for topic in (object["topics"] as? [[String: Any]]) ?? [] {
      guard let id = topic["id"] as? String, let both = topic["labels"] as? [String: Any],
        let labelID = both["id"] as? String, let labelEN = both["en"] as? String
      else { continue }
      labels[id] = (labelID, labelEN)
    }
    return suggestions.compactMap { suggestion in
      guard let topic = suggestion["topic"] as? String else { return nil }
      let shown = suggestion["label"] as? String ?? topic
      let label = labels[topic] ?? (shown, shown)
      return DigestRecord.Suggestion(
        topicID: topic, carriedOver: (suggestion["carried_over"] as? Bool) == true, labelID: label.id,
        labelEN: label.en)
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
