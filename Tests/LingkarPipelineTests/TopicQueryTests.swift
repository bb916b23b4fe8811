import LingkarPipeline
import Testing

@Suite("TopicQuery: naming a topic for topics pick")
struct TopicQueryTests {
  static let query = TopicQuery(
    topics: [
      .init(id: "assessment", labelID: "Asesmen dan Penilaian", labelEN: "Assessment and Feedback"),
      .init(id: "literacy", labelID: "Literasi dan Numerasi Siswa", labelEN: "Student Literacy and Numeracy"),
      .init(id: "digital", labelID: "Pembelajaran Digital dan TIK", labelEN: "Digital Learning and ICT"),
      .init(id: "inclusion", labelID: "Pendidikan Inklusif", labelEN: "Inclusive Education and Differentiation"),
      .init(id: "early-childhood", labelID: "Pendidikan Anak Usia Dini", labelEN: "Early Childhood Education"),
      .init(id: "wellbeing", labelID: "Kesejahteraan Siswa", labelEN: "Student and Teacher Wellbeing"),
    ],
    ranked: ["wellbeing", "literacy", "assessment"])

  @Test(
    "ids, labels in both languages and their prefixes name one topic, case and accents ignored",
    arguments: [
      ("literacy", "literacy"), ("literasi", "literacy"), ("Literasi dan Numerasi Siswa", "literacy"),
      ("  literasi   DAN numerasi ", "literacy"), ("LÍTERÁSI", "literacy"), ("Student Lit", "literacy"),
      ("asesmen", "assessment"), ("assess", "assessment"), ("Assessment and Feedback", "assessment"),
      ("Ásesmen dan Penilaian", "assessment"), ("early", "early-childhood"), ("pendidikan anak", "early-childhood"),
      ("Digital", "digital"), ("Kesejahteraan", "wellbeing"),
    ])
  func names(text: String, id: String) {
    #expect(Self.query.resolve(text) == .topic(id))
  }

  @Test("a number is the rank in the newest digest; beyond it, or with no digest, it names nothing")
  func ranks() {
    #expect(Self.query.resolve("1") == .topic("wellbeing"))
    #expect(Self.query.resolve("2") == .topic("literacy"))
    #expect(Self.query.resolve(" 3 ") == .topic("assessment"))
    #expect(Self.query.resolve("4") == .noSuchRank(count: 3))
    #expect(Self.query.resolve("0") == .noSuchRank(count: 3))
    #expect(TopicQuery(topics: Self.query.topics, ranked: []).resolve("1") == .noSuchRank(count: 0))
  }

  @Test("a prefix shared by several topics lists them all, in the file's order")
  func ambiguous() {
    #expect(Self.query.resolve("pendidikan") == .ambiguous(["inclusion", "early-childhood"]))
    #expect(Self.query.resolve("pe") == .ambiguous(["digital", "inclusion", "early-childhood"]))
    // "student" starts the English labels of literacy and wellbeing.
    #expect(Self.query.resolve("STUDENT") == .ambiguous(["literacy", "wellbeing"]))
  }

  @Test("an exact name wins over a longer one it starts")
  func exactFirst() {
    let query = TopicQuery(
      topics: [
        .init(id: "stem", labelID: "STEM", labelEN: "STEM"),
        .init(id: "stem-lab", labelID: "STEM Lab", labelEN: "STEM Lab"),
      ], ranked: [])
    #expect(query.resolve("stem") == .topic("stem"))
    #expect(query.resolve("stem l") == .topic("stem-lab"))
  }

  @Test("an unknown name suggests the closest ids, by typing slips in an id or the start of a label")
  func didYouMean() {
    #expect(Self.query.resolve("literasy") == .unknown(suggestions: ["literacy"]))
    #expect(Self.query.resolve("asessment") == .unknown(suggestions: ["assessment"]))
    #expect(Self.query.resolve("wellbeeing") == .unknown(suggestions: ["wellbeing"]))
    #expect(Self.query.resolve("Penilaian Asesmen") == .unknown(suggestions: []))
    #expect(Self.query.resolve("xyz") == .unknown(suggestions: []))
    #expect(Self.query.resolve("") == .unknown(suggestions: []))
  }
}
