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
    #expect(file.topics == [Topic(id: "reading", labelID: "Membaca", labelEN: "Reading", keywords: [
      TopicKeyword(text: "buku", weight: 3), TopicKeyword(text: "novel"), TopicKeyword(text: "library"),
    ])])
  }

  @Test(
    "bad files are reported with their line numbers",
    arguments: [
      ("[a]\nid: A\nen: A\nkw: x=9\n", "topics.txt:4: keyword 'x=9': the weight after '=' must be a whole number from 1 to 5"),
      ("[a]\nid: A\nen: A\nkw: x\n[a]\nid: B\nen: B\nkw: y\n", "topics.txt:5: topic id 'a' already used on line 1"),
      ("[Bad Id]\n", "topics.txt:1: topic id 'Bad Id' may only hold lower-case letters, digits and '-'"),
      ("kw: x\n", "topics.txt:1: a line outside any topic; start one with [topic-id]"),
      ("[a]\nid: A\nen: A\nfoo: x\nkw: y\n", "topics.txt:4: unknown key 'foo'; expected id, en or kw"),
      ("[a]\nid: A\nkw: y\n", "topics.txt:1: topic [a] has no 'en:' label"),
      ("[none]\n", "topics.txt:1: 'none' is reserved (it labels items without a topic)"),
    ])
  func bad(text: String, message: String) {
    #expect(throws: TopicsFileError.self) { try TopicsFile.parse(text) }
    let (_, errors) = TopicsFile.parseCollectingErrors(text)
    #expect(errors.first?.description == message)
  }
}
