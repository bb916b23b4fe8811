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
        INSERT INTO digests (date, generated, period_from, period_to, language, items, sources)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
        """)
      try insert.bind([
        .text(record.date), SQLValue(record.generated), SQLValue(record.from), SQLValue(record.to),
        .text(record.language), .integer(record.itemCount), .integer(record.sourceCount),
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
    }
  }

  /// Recorded digests, newest period first: at most `limit`, leaving out the one dated `excluding`
  /// (today's, which a rerun replaces) and any that ended after `endingBy`.
  public func digests(excluding date: String? = nil, endingBy: Date? = nil, limit: Int = 10) throws(StoreError)
    -> [DigestRecord]
  {
    let statement = try connection.statement(
      """
      SELECT id, date, generated, period_from, period_to, language, items, sources FROM digests
      WHERE date != ? AND period_to <= ? ORDER BY period_to DESC, date DESC LIMIT ?
      """)
    try statement.bind([
      .text(date ?? ""), .real((endingBy ?? .distantFuture).timeIntervalSince1970), .integer(max(0, limit)),
    ])
    var records: [(Int, DigestRecord)] = []
    while try statement.step() {
      let record = DigestRecord(
        date: statement.text(1) ?? "", generated: (statement.date(2) ?? Date(timeIntervalSince1970: 0)),
        from: (statement.date(3) ?? Date(timeIntervalSince1970: 0)),
        to: (statement.date(4) ?? Date(timeIntervalSince1970: 0)), language: statement.text(5) ?? "",
        itemCount: statement.integer(6) ?? 0, sourceCount: statement.integer(7) ?? 0, topics: [])
      records.append((statement.integer(0) ?? 0, record))
    }
    let topics = try connection.statement(
      "SELECT topic, rank, score, item_keys FROM digest_topics WHERE digest_id = ? ORDER BY rank")
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
      return record
    }
  }
}
