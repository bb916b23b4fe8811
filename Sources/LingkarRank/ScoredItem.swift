public import LingkarModel

/// What the ranker says about one item: its language, the topics it fits (best first; empty for
/// "Lainnya / Other") and the other items that are the same story.
public struct ScoredItem: Sendable, Hashable {
  public var key: String
  public var language: ItemLanguage
  public var topics: [ItemTopicMatch]
  /// Every item key of the item's story, sorted, this item's own included (empty when the item is a
  /// story of its own). One array shared by the story's items, so a story of thousands of reposts
  /// costs one list, not one per item.
  public var story: [String]

  /// The other items judged to be the same story (the group is symmetric).
  public var duplicates: [String] {
    get { story.filter { $0 != key } }
    set { story = newValue.isEmpty ? [] : (newValue + [key]).sorted() }
  }

  /// How many other items are the same story.
  public var duplicateCount: Int { max(0, story.count - 1) }

  public init(key: String, language: ItemLanguage, topics: [ItemTopicMatch], duplicates: [String]) {
    self.key = key
    self.language = language
    self.topics = topics
    self.story = duplicates.isEmpty ? [] : (duplicates + [key]).sorted()
  }

  init(key: String, language: ItemLanguage, topics: [ItemTopicMatch], story: [String]) {
    self.key = key
    self.language = language
    self.topics = topics
    self.story = story.count < 2 ? [] : story
  }
}
