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

  /// One suggested topic of a recorded digest, as it was shown: what the next digest's carry-over,
  /// the archive page and the Atom feed need, so that nothing is read back from `output/`.
  public struct Suggestion: Sendable, Hashable {
    /// The topic id from `topics.txt`.
    public var topicID: String
    /// Listed because it was suggested before the last meeting and not picked there.
    public var carriedOver: Bool
    /// The topic's label as shown, in Indonesian and English.
    public var labelID: String
    public var labelEN: String

    public init(topicID: String, carriedOver: Bool = false, labelID: String, labelEN: String) {
      self.topicID = topicID
      self.carriedOver = carriedOver
      self.labelID = labelID
      self.labelEN = labelEN
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
  /// Seconds east of UTC of the school's clock the digest was written on.
  public var utcOffset: Int
  /// The suggested topics, best first (position 0), carried-over ones last.
  public var suggestions: [Suggestion]
  /// The paths written: the five digest files, then `index.html` and `feed.xml`.
  public var files: [String]
  /// Found once in `output/` when the store was upgraded, without a record of its own: shown in the
  /// archive and the feed only (never where `--since last` starts, nor in the volume chart).
  public var adopted: Bool

  public init(
    date: String, generated: Date, from: Date, to: Date, language: String, itemCount: Int, sourceCount: Int,
    topics: [Topic], utcOffset: Int = 0, suggestions: [Suggestion] = [], files: [String] = [], adopted: Bool = false
  ) {
    self.adopted = adopted
    self.utcOffset = utcOffset
    self.suggestions = suggestions
    self.files = files
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
