/// The built-in example texts of the default topics, one JSON object a line (`topic`, `lang`,
/// `kind`, `title`, `text`): 80 per topic and 160 about none of them, one file per topic. Written for
/// the project from the topic names and scopes only, by writers who saw neither the ranker nor any
/// evaluation set; see `ExampleIndex` for how they are used. Kept as string literals (not an embedded
/// resource: a byte-array literal of this size takes the compiler minutes). Add examples freely,
/// keeping the topics balanced.
enum TopicExamples {
  /// Every example, topic by topic, in the order of the default topics.
  static let all = [
    plc, assessment, literacy, digital, curriculum, classroom, inclusion, wellbeing, leadership, earlyChildhood,
    parents, readingClub, stem, character, pedagogy, unrelated,
  ].joined(separator: "\n")
}
