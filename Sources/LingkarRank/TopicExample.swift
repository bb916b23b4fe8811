import Foundation

/// One labelled example text of a built-in topic (`TopicExamples`): what teachers
/// write when they write about that topic, in Indonesian, English or both.
struct TopicExample: Sendable, Hashable {
  /// A topic id, or `none` for texts about none of the topics.
  let topic: String
  let title: String
  let text: String

  /// The examples embedded in the binary.
  static let builtIn: [TopicExample] = parseLines(TopicExamples.all)

  /// JSON Lines with `topic`, `title` and `text`; lines that are not such an object are skipped.
  static func parseLines(_ text: String) -> [TopicExample] {
    // Split on bytes: splitting 400 KB on `Character`s would cost more than all the JSON.
    text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let topic = object["topic"] as? String, let body = object["text"] as? String
      else { return nil }
      return TopicExample(topic: topic, title: object["title"] as? String ?? "", text: body)
    }
  }
}
