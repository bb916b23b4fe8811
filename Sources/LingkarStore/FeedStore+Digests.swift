internal import CSQLite
public import Foundation
import LingkarModel

extension FeedStore {
  /// Records a written digest in one transaction, replacing the one of the same date (a rerun on
  /// the same day rewrites the same files, so it replaces the same record).
  public func recordDigest(_ record: DigestRecord) throws(StoreError) {
    try connection.transaction { () throws(StoreError) in
      try connection.statement("DELETE FROM digests WHERE date = ?").bind([.text(record.date)]).run()
      let insert = try connection.statement(
        """
        INSERT INTO digests
          (date, generated, period_from, period_to, language, items, sources, utc_offset, files, adopted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """)
      var files = JSONWriter()
      files.strings(record.files)
      try insert.bind([
        .text(record.date), SQLValue(record.generated), SQLValue(record.from), SQLValue(record.to),
        .text(record.language), .integer(record.itemCount), .integer(record.sourceCount),
        .integer(record.utcOffset), .text(files.output), .integer(record.adopted ? 1 : 0),
      ])
      guard try insert.step(), let id = insert.integer(0) else {
        throw .sqlite(code: SQLITE_ERROR, message: "the digest row was not created")
      }
      insert.reset()
      let topic = try connection.statement(
        "INSERT INTO digest_topics (digest_id, topic, rank, score, items, item_keys) VALUES (?, ?, ?, ?, ?, ?)")
      for entry in record.topics {
        var keys = JSONWriter()
        keys.strings(entry.itemKeys)
        try topic.bind([
          .integer(id), .text(entry.id), .integer(entry.rank), .real(entry.score), .integer(entry.itemKeys.count),
          .text(keys.output),
        ]).run()
        topic.reset()
      }
      let suggestion = try connection.statement(
        """
        INSERT INTO digest_suggestions (digest_id, position, topic, carried_over, label_id, label_en)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
      for (position, entry) in record.suggestions.enumerated() {
        try suggestion.bind([
          .integer(id), .integer(position), .text(entry.topicID), .integer(entry.carriedOver ? 1 : 0),
          .text(entry.labelID), .text(entry.labelEN),
        ]).run()
        suggestion.reset()
      }
    }
  }

  /// Every recorded digest, oldest date first: the archive page and the Atom feed list them all.
  public func allDigests() throws(StoreError) -> [DigestRecord] {
    try digests(limit: Int.max, adopted: true).sorted { $0.date < $1.date }
  }

  /// The digest recorded for `date` (`YYYY-MM-DD`), or the newest by date when `date` is nil.
  public func digest(date: String?) throws(StoreError) -> DigestRecord? {
    let all = try allDigests()
    guard let date else { return all.last }
    return all.last { $0.date == date }
  }

  /// A value the store keeps for the program itself (`meta`), nil when never set.
  public func metaValue(_ key: String) throws(StoreError) -> String? {
    let statement = try connection.statement("SELECT value FROM meta WHERE key = ?")
    try statement.bind([.text(key)])
    defer { statement.reset() }
    return try statement.step() ? statement.text(0) : nil
  }

  /// Sets a `meta` value, replacing the old one.
  public func setMetaValue(_ key: String, _ value: String) throws(StoreError) {
    try connection.statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").bind([.text(key), .text(value)])
      .run()
  }

  /// Recorded digests, newest period first: at most `limit`, leaving out the one dated `excluding`
  /// (today's, which a rerun replaces) and any that ended after `endingBy`; digests adopted from
  /// `output/` (archive only) only with `adopted`.
  public func digests(
    excluding date: String? = nil, endingBy: Date? = nil, limit: Int = 10, adopted: Bool = false
  ) throws(StoreError) -> [DigestRecord] {
    let statement = try connection.statement(
      """
      SELECT id, date, generated, period_from, period_to, language, items, sources, utc_offset, files, adopted
      FROM digests WHERE date != ? AND period_to <= ? AND (adopted = 0 OR ?)
      ORDER BY period_to DESC, date DESC LIMIT ?
      """)
    try statement.bind([
      .text(date ?? ""), .real((endingBy ?? .distantFuture).timeIntervalSince1970), .integer(adopted ? 1 : 0),
      .integer(max(0, limit)),
    ])
    var records: [(Int, DigestRecord)] = []
    while try statement.step() {
      let record = DigestRecord(
        date: statement.text(1) ?? "", generated: (statement.date(2) ?? Date(timeIntervalSince1970: 0)),
        from: (statement.date(3) ?? Date(timeIntervalSince1970: 0)),
        to: (statement.date(4) ?? Date(timeIntervalSince1970: 0)), language: statement.text(5) ?? "",
        itemCount: statement.integer(6) ?? 0, sourceCount: statement.integer(7) ?? 0, topics: [],
        utcOffset: Self.utcOffset(statement.integer(8)), files: Self.strings(json: statement.text(9)),
        adopted: statement.integer(10) == 1)
      records.append((statement.integer(0) ?? 0, record))
    }
    let topics = try connection.statement(
      "SELECT topic, rank, score, item_keys FROM digest_topics WHERE digest_id = ? ORDER BY rank")
    let suggestions = try connection.statement(
      "SELECT topic, carried_over, label_id, label_en FROM digest_suggestions WHERE digest_id = ? ORDER BY position")
    return try records.map { (id, record) throws(StoreError) -> DigestRecord in
      var record = record
      try topics.bind([.integer(id)])
      while try topics.step() {
        record.topics.append(
          DigestRecord.Topic(
            id: topics.text(0) ?? "", rank: topics.integer(1) ?? 0,
            score: topics.real(2).flatMap { $0.isFinite ? $0 : nil } ?? 0,
            itemKeys: Self.strings(json: topics.text(3))))
      }
      topics.reset()
      try suggestions.bind([.integer(id)])
      while try suggestions.step() {
        record.suggestions.append(
          DigestRecord.Suggestion(
            topicID: suggestions.text(0) ?? "", carriedOver: suggestions.integer(1) == 1,
            labelID: suggestions.text(2) ?? "", labelEN: suggestions.text(3) ?? ""))
      }
      suggestions.reset()
      return record
    }
  }

  /// A stored UTC offset, trusted only within a day of UTC (real ones are -12 h to +14 h): a
  /// damaged row must not reach the date arithmetic.
  static func utcOffset(_ value: Int?) -> Int {
    guard let value, (-86_400...86_400).contains(value) else { return 0 }
    return value
  }
}
