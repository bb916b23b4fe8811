import LingkarModel
import LingkarRank

/// A topic's discussion prompts, in both languages, for the digest's suggestions and the meeting's
/// agenda alike: the topic's own `q-id:`/`q-en:` lines of the school's topics file (a facilitator
/// writes their own there); for a topic of the built-in taxonomy written without prompts, the
/// built-in ones. A topic with neither has none: no generic questions are made up.
enum MeetingPrompts {
  static func prompts(for topicID: String, in topics: TopicsFile) -> [BilingualText] {
    if let own = topics.topics.first(where: { $0.id == topicID })?.prompts, !own.isEmpty { return own }
    return TopicsFile.builtIn.topics.first { $0.id == topicID }?.prompts ?? []
  }

  // For the book-club chapter's related items, none: the chapter's leader brings the questions.
}
