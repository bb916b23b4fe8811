public import Foundation

/// A digest as the store remembers it: when it was written, the period it covered, and each
/// topic's place and items. The previous digest's end is where `--since last` starts; the counts
/// of the last few feed the volume chart and each topic's trend.
public struct DigestRecord: Sendable, Hashable {
  /// One topic of a recorded digest.
  public struct Topic: Sendable, Hashable {
    /// The topic id from `topics.txt`.
    public var id: String
    /// 1 for the first topic.
    public var rank: Int
    public var score: Double
    /// Item keys of the topic in rank order, one per story.
    public var itemKeys: [String]

    public init(id: String, rank: Int, score: Double, itemKeys: [String]) {
      self.id = id
      self.rank = rank
      self.score = score
      self.itemKeys = itemKeys
    }
  }

  /// `YYYY-MM-DD`, the digest's folder under `output/`; one digest per date.
  public var date: String
  public var generated: Date
  public var from: Date
  public var to: Date
  /// `id` or `en`.
  public var language: String
  public var itemCount: Int
  public var sourceCount: Int
  /// In rank order.
  public var topics: [Topic]

  public init(
    date: String, generated: Date, from: Date, to: Date, language: String, itemCount: Int, sourceCount: Int,
    topics: [Topic]
  ) {
    self.date = date
    self.generated = generated
    self.from = from
    self.to = to
    self.language = language
    self.itemCount = itemCount
    self.sourceCount = sourceCount
    self.topics = topics
  }
}
