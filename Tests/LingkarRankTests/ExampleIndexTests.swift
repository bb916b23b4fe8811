import Foundation
import LingkarModel
import Testing

@testable import LingkarRank

/// The built-in examples and their votes (`TopicExamples`, `ExampleIndex`).
struct ExampleIndexTests {
  func classify(_ title: String, _ text: String, examples: Bool, everydayLife: Bool = true) -> [ItemTopicMatch] {
    var options = ScoringOptions()
    options.useExamples = examples
    if !everydayLife { (options.everydayOverSchool, options.unschooledEvidence) = (.infinity, 0) }
    let item = RankItem(key: "k", source: "s", title: title, text: text)
    return Ranker(options: options).classify([item]).items[0].topics
  }

  @Test("every built-in example is of a default topic or none, and every topic has many")
  func builtInExamples() {
    let examples = TopicExample.builtIn
    #expect(examples.count >= 1_000)
    let ids = Set(TopicsFile.builtIn.topics.map(\.id))
    #expect(examples.allSatisfy { ids.contains($0.topic) || $0.topic == "none" })
    for id in ids { #expect(examples.filter { $0.topic == id }.count >= 60, "\(id)") }
    #expect(examples.filter { $0.topic == "none" }.count >= 100)
  }

  @Test("a post that names no keyword is filed by the examples it resembles, with the shared words as evidence")
  func noKeyword() throws {
    let text =
      "Circle time with my four-year-olds today: one kept rolling across the mat, two cried for their mums at "
      + "drop-off, and nobody wanted to tidy the playdough away before nap time."
    #expect(classify("", text, examples: false).isEmpty)
    let best = try #require(classify("", text, examples: true).first)
    #expect(best.topicID == "early-childhood")
    #expect(best.matched.contains { $0.hasPrefix("≈") })
  }

  @Test("a post nearer the examples about nothing in particular gets no topic from a stray related word")
  func offTopic() {
    let text = "Jalan depan rumah banjir lagi pagi ini, motor mogok dua kali. Hati-hati di jalan ya semuanya"
    // Issue 16: the everyday-life words ("motor mogok") now keep it out on their own; without them
    // the stray related word would still give it a topic, and the examples' vote keeps it out too.
    #expect(!classify("", text, examples: false, everydayLife: false).isEmpty)
    #expect(classify("", text, examples: true, everydayLife: false).isEmpty)
    #expect(classify("", text, examples: false).isEmpty)
    #expect(classify("", text, examples: true).isEmpty)
  }

  @Test("a post with no school word needs its topic's own keywords, not only the examples' votes")
  func positiveEvidence() {
    let offTopic = "Pelatihan barista gratis untuk pemuda desa: menyeduh kopi manual dan mengelola kedai kecil."
    #expect(classify("", offTopic, examples: true).isEmpty)
    // A school year named by its number is a school word, so the examples may file the post.
    let onTopic = "Year 9 built circuits today with batteries, bulbs and crocodile clips. Predicting first helped."
    #expect(!classify("", onTopic, examples: true).isEmpty)
  }

  @Test("a topics file with topics the examples do not know still works, on keywords alone")
  func unknownTopics() throws {
    let file = try TopicsFile.parse("[robotics]\nid: Robotika\nen: Robotics\nkw: robot=3; arduino=2\n")
    let item = RankItem(key: "k", source: "s", title: "Klub robot", text: "Anak-anak merakit robot arduino sederhana.")
    let topics = Ranker(topics: file).classify([item]).items[0].topics
    #expect(topics.first?.topicID == "robotics")
  }
}
