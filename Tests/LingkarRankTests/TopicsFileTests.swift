import LingkarModel
import Testing

@testable import LingkarRank

struct TopicsFileTests {
  @Test("the built-in default parses into 15 topics with weights")
  func builtIn() {
    let file = TopicsFile.builtIn
    #expect(file.topics.count == 15)
    #expect(file.topics.first?.id == "plc")
    #expect(file.topics[1].keywords.contains(TopicKeyword(text: "asesmen formatif", weight: 2)))
  }

  @Test("a good file parses; keys are case-insensitive and kw lines are joined")
  func good() throws {
    let text = "# comment\n\n[reading]\nID: Membaca\nen: Reading\nkw: buku=3; novel\nkw: library\n"
    let file = try TopicsFile.parse(text)
    #expect(
      file.topics == [
        Topic(
          id: "reading", labelID: "Membaca", labelEN: "Reading",
          keywords: [
            TopicKeyword(text: "buku", weight: 3), TopicKeyword(text: "novel"), TopicKeyword(text: "library"),
          ])
      ])
  }

  @Test("discussion prompts pair q-id and q-en lines in order, wherever they stand in the topic")
  func prompts() throws {
    let text =
      "[reading]\nid: Membaca\nq-id: Buku apa?\nen: Reading\nq-en: Which book?\nkw: buku\nq-id: Kapan?\nq-en: When?\n"
    let topic = try #require(try TopicsFile.parse(text).topics.first)
    #expect(
      topic.prompts == [BilingualText(id: "Buku apa?", en: "Which book?"), BilingualText(id: "Kapan?", en: "When?")])
    #expect(topic.keywords == [TopicKeyword(text: "buku")])
  }

  @Test("every built-in topic has two or three prompts in both languages")
  func builtInPrompts() {
    for topic in TopicsFile.builtIn.topics {
      #expect((2...3).contains(topic.prompts.count), "\(topic.id)")
      #expect(topic.prompts.allSatisfy { !$0.id.isEmpty && !$0.en.isEmpty && $0.id != $0.en }, "\(topic.id)")
    }
  }

  @Test(
    "bad files are reported with their line numbers",
    arguments: [
      (
        "[a]\nid: A\nen: A\nkw: x=9\n",
        "topics.txt:4: keyword 'x=9': the weight after '=' must be a whole number from 1 to 5"
      ),
      ("[a]\nid: A\nen: A\nkw: x\n[a]\nid: B\nen: B\nkw: y\n", "topics.txt:5: topic id 'a' already used on line 1"),
      ("[Bad Id]\n", "topics.txt:1: topic id 'Bad Id' may only hold lower-case letters, digits and '-'"),
      ("kw: x\n", "topics.txt:1: a line outside any topic; start one with [topic-id]"),
      ("[a]\nid: A\nen: A\nfoo: x\nkw: y\n", "topics.txt:4: unknown key 'foo'; expected id, en, kw, q-id or q-en"),
      ("[a]\nid: A\nkw: y\n", "topics.txt:1: topic [a] has no 'en:' label"),
      ("[none]\n", "topics.txt:1: 'none' is reserved (it labels items without a topic)"),
      (
        "[a]\nid: A\nen: A\nkw: x\nq-id: Satu?\nq-en: One?\nq-id: Dua?\n",
        "topics.txt:1: topic [a] has 2 'q-id:' and 1 'q-en:' prompts; write each prompt in both languages, in the same order"
      ),
      ("[a]\nid: A\nen: A\nkw: x\nq-en:\n", "topics.txt:5: the 'q-en:' prompt is empty"),
    ])
  func bad(text: String, message: String) {
    #expect(throws: TopicsFileError.self) { try TopicsFile.parse(text) }
    let (_, errors) = TopicsFile.parseCollectingErrors(text)
    #expect(errors.first?.text(in: .en) == message)
  }
}
