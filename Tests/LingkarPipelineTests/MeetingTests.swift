import Foundation
import LingkarModel
import LingkarRank
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

@Suite("Picks, damping and carry-over")
struct MeetingTests {
  static func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(text)) }

  @Test("picks are stored per meeting, replaced when picked again, and listed oldest first")
  func storesPicks() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
    try run.record(["assessment", "literacy"], meeting: Self.day("2026-12-03"))
    try run.record(["wellbeing"], meeting: Self.day("2026-11-19"))
    try run.record(["literacy", "assessment", "literacy"], meeting: Self.day("2026-12-03"))
    let picks = try run.list()
    #expect(try picks.map(\.meeting) == [Self.day("2026-11-19"), Self.day("2026-12-03")])
    #expect(picks.map(\.topicIDs) == [["wellbeing"], ["literacy", "assessment"]])
    #expect(throws: LingkarFailure.self) { try run.record(["no-such-topic"], meeting: Self.day("2026-12-03")) }
  }

  @Test("a picked topic is damped in the next suggestions, less as the meeting recedes")
  func damps() throws {
    let history = try MeetingHistory(
      picks: [MeetingPicks(meeting: Self.day("2026-11-19"), topicIDs: ["assessment"], recorded: Date())], shortlists: []
    )
    let discussed = history.discussed(utcOffset: 7 * 3600)
    #expect(discussed.map(\.topicID) == ["assessment"])
    #expect(try discussed.first?.date == Self.day("2026-11-19").start(utcOffset: 7 * 3600))
    // Through the ranker: the same items, with and without the pick.
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12-02
    let store = try FeedStore(path: directory.file("lingkar.db"))
    var entries: [Entry] = []
    for index in 0..<3 {
      entries.append(
        Entry(
          id: "a\(index)", title: "Asesmen formatif dan rubrik penilaian \(index)",
          link: "https://guru.example/a\(index)",
          published: now.addingTimeInterval(-Double(index + 1) * 86_400),
          summary: "Asesmen formatif, umpan balik dan rubrik penilaian di kelas."))
    }
    try store.seed(entries, time: now)
    func score(_ discussed: [TopicRunOptions.Discussed]) throws -> Double {
      let report = try TopicRun(
        options: TopicRunOptions(
          databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"), since: .days(14),
          now: now, discussed: discussed)
      ).run()
      return report.ranking.topics.first { $0.id == "assessment" }?.breakdown.novelty ?? 0
    }
    let fresh = try score([])
    let twoWeeksAgo = try score(discussed)
    let yesterday = try score(
      MeetingHistory(
        picks: [MeetingPicks(meeting: Self.day("2026-12-01"), topicIDs: ["assessment"], recorded: now)], shortlists: []
      ).discussed())
    #expect(fresh == 1)
    #expect(twoWeeksAgo < 1 && twoWeeksAgo > yesterday)
  }

  @Test("topics suggested before a meeting but not picked there carry over once, and are listed even below the top")
  func carriesOver() throws {
    let history = try MeetingHistory(
      picks: [MeetingPicks(meeting: Self.day("2026-11-19"), topicIDs: ["assessment"], recorded: Date())],
      shortlists: [
        .init(date: Self.day("2026-11-01"), topicIDs: ["plc"]),
        .init(date: Self.day("2026-11-15"), topicIDs: ["assessment", "literacy", "parents"], carried: ["parents"]),
        .init(date: Self.day("2026-11-29"), topicIDs: ["stem"]),
      ])
    // parents was itself carried over into that shortlist: it does not carry twice.
    #expect(try history.carriedOver(asOf: Self.day("2026-12-03")) == ["literacy"])
    #expect(try history.carriedOver(asOf: Self.day("2026-11-10")) == [])
    let suggestions = MeetingHistory.suggestions(
      ranked: ["wellbeing", "stem", "digital", "literacy", "parents"], carried: ["literacy"], count: 3)
    #expect(suggestions.map(\.topicID) == ["wellbeing", "stem", "digital", "literacy"])
    #expect(suggestions.map(\.carriedOver) == [false, false, false, true])
    // A carried topic with no item this period is not suggested.
    #expect(MeetingHistory.suggestions(ranked: ["stem"], carried: ["literacy"], count: 3).map(\.topicID) == ["stem"])
  }

  @Test("an older Lingkar's shortlists are read once from the digests' JSON, carried-over marks included")
  func shortlistsFromDigests() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(atPath: directory.file("2026-11-15"), withIntermediateDirectories: true)
    directory.write(
      "2026-11-15/digest.json",
      #"{"suggestions": [{"topic": "assessment"}, {"topic": "parents", "carried_over": true}]}"#)
    let lists = LegacyOutput.shortlists(outputDirectory: directory.path)
    #expect(
      try lists == [.init(date: Self.day("2026-11-15"), topicIDs: ["assessment", "parents"], carried: ["parents"])])
  }

  @Test("mail credentials come from a file or the environment, and a missing one is named")
  func credentials() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("password", "s3cret\nignored\n")
    var mail = MailSettings(
      url: "smtp://127.0.0.1:1", from: MailAddress(address: "a@b.c"), to: [MailAddress(address: "d@e.f")],
      user: "lingkar", passwordFile: directory.file("password"))
    #expect(try DigestMailer.credentials(mail, environment: [:]) == ("lingkar", "s3cret"))
    mail.passwordFile = nil
    mail.passwordEnvironment = "LINGKAR_SMTP_PASSWORD"
    #expect(try DigestMailer.credentials(mail, environment: ["LINGKAR_SMTP_PASSWORD": "pw"]) == ("lingkar", "pw"))
    #expect { try DigestMailer.credentials(mail, environment: [:]) } throws: { error in
      "\(error)".contains("LINGKAR_SMTP_PASSWORD")
    }
  }
}

@Suite("The digest remembers the meetings")
struct DigestMeetingTests {
  @Test("a topic picked for the coming meeting is damped in the written digest, and the others are not")
  func digestDampsPickedTopics() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30
    let store = try FeedStore(path: directory.file("lingkar.db"))
    var entries: [Entry] = []
    for index in 0..<3 {
      entries.append(
        Entry(
          id: "a\(index)", title: "Asesmen formatif dan rubrik penilaian \(index)",
          link: "https://guru.example/a\(index)",
          published: now.addingTimeInterval(-Double(index + 1) * 86_400),
          summary: "Asesmen formatif, umpan balik dan rubrik penilaian di kelas."))
      entries.append(
        Entry(
          id: "l\(index)", title: "Pojok baca dan literasi membaca \(index)", link: "https://guru.example/l\(index)",
          published: now.addingTimeInterval(-Double(index + 1) * 86_400),
          summary: "Literasi membaca: pojok baca kelas dan membaca bersama setiap pagi."))
    }
    try store.seed(entries, time: now)
    try PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
      .record(["assessment"], meeting: CalendarDay("2026-12-01")!)
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"))
    options.since = .days(14)
    options.now = now
    let digest = try DigestRun(options: options).run().digest
    let novelty = Dictionary(
      digest.topics.map { ($0.id, $0.breakdown.novelty) }, uniquingKeysWith: { first, _ in first })
    #expect(try #require(novelty["assessment"]) < 1)
    #expect(novelty["literacy"] == 1)
    // The digest says when: the meeting of 2026-12-01 (at the start of that day, UTC here), the
    // day after this digest, so the topic is already picked for it.
    let assessment = try #require(digest.topics.first { $0.id == "assessment" })
    #expect(assessment.lastDiscussed == CalendarDay("2026-12-01")!.start(utcOffset: 0))
    #expect(digest.topics.first { $0.id == "literacy" }?.lastDiscussed == nil)
  }
}

@Suite("The agenda's prompts")
struct AgendaPromptTests {
  @Test("the agenda asks each topic's own prompts: the facilitator's q-id/q-en lines, else the built-in topic's")
  func topicPrompts() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    _ = try FeedStore(path: directory.file("lingkar.db"))
    let meeting = try #require(CalendarDay("2026-12-03"))
    try PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
      .record(["assessment", "literacy"], meeting: meeting, now: now)
    func agenda(topics: String, language: DigestLanguage) throws -> Agenda {
      try AgendaRun(
        databasePath: directory.file("lingkar.db"), topicsPath: topics, outputDirectory: directory.file("output"),
        meeting: meeting, language: language, now: now
      ).build()
    }
    // No topics.txt: the built-in taxonomy's prompts, in the school's language.
    let builtIn = try agenda(topics: directory.file("none.txt"), language: .id)
    let expected = try #require(TopicsFile.builtIn.topics.first { $0.id == "assessment" }?.prompts)
    #expect(!expected.isEmpty)
    #expect(builtIn.topics.first?.prompts == expected)
    #expect(builtIn.topics.first?.prompts.first?.text(in: .id) == expected.first?.id)
    // A facilitator's own prompts in topics.txt reach the handout, in both languages.
    directory.write(
      "topics.txt",
      """
      [assessment]
      id: Asesmen dan Umpan Balik
      en: Assessment and Feedback
      kw: asesmen; rubrik
      q-id: Rubrik mana yang benar-benar dibaca murid kelas 8?
      q-en: Which rubric do our Year 8 students actually read?

      [literacy]
      id: Literasi
      en: Literacy
      kw: literasi

      """)
    let own = try agenda(topics: directory.file("topics.txt"), language: .en)
    #expect(own.topics.map(\.id) == ["assessment", "literacy"])
    #expect(own.topics[0].prompts.map { $0.text(in: .en) } == ["Which rubric do our Year 8 students actually read?"])
    #expect(own.topics[0].prompts.map { $0.text(in: .id) } == ["Rubrik mana yang benar-benar dibaca murid kelas 8?"])
    // A topic written without prompts takes the built-in topic's, not made-up generic ones.
    #expect(own.topics[1].prompts == TopicsFile.builtIn.topics.first { $0.id == "literacy" }?.prompts)
  }
}

@Suite("The digest by e-mail")
struct DigestMailTests {
  @Test("a written digest goes out as one message with its text and HTML, and a refused server loses nothing")
  func mailsWrittenDigest() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12-02
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let entry = Entry(
      id: "a1", title: "Asesmen formatif: rubrik sederhana", link: "https://guru.example/a1",
      published: now.addingTimeInterval(-86_400), summary: "Rubrik sederhana untuk umpan balik.\n.titik di awal baris")
    try store.seed([entry], time: now)
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"))
    options.since = .days(14)
    options.now = now
    let written = try DigestRun(options: options).run()
    let sink = try SMTPSink()
    defer { sink.stop() }
    let settings = Settings(
      schoolName: "SMP Harapan",
      mail: MailSettings(
        url: sink.url, from: MailAddress(name: "Lingkar", address: "lingkar@contoh.sch.id"),
        to: [MailAddress(name: "Bu Sári", address: "sari@contoh.sch.id")], timeoutSeconds: 20))
    let recipients = try DigestMailer.send(written.digest, settings: settings, now: now)
    #expect(recipients.map(\.address) == ["sari@contoh.sch.id"])
    let raw = try sink.raw(1)
    #expect(raw.contains("Content-Type: multipart/alternative"))
    #expect(raw.contains("Content-Type: text/plain; charset=UTF-8"))
    #expect(raw.contains("Content-Type: text/html; charset=UTF-8"))
    #expect(raw.contains("=?UTF-8?"))  // the non-ASCII display name, encoded

    // The teachers' message has no feeds needing attention, even when some feed needs it; the
    // facilitator (mail.admin) gets that list alone.
    var failing = written.digest
    failing.feeds.append(
      DigestFeed(url: "https://rusak.example/feed", title: "Blog Rusak", status: .gone, error: "gone (HTTP 410)"))
    var withAdmin = settings
    withAdmin.mail?.admin = MailAddress(name: "Bu Fasilitator", address: "fasilitator@contoh.sch.id")
    let both = try DigestMailer.send(failing, settings: withAdmin, now: now)
    #expect(both.map(\.address) == ["sari@contoh.sch.id", "fasilitator@contoh.sch.id"])
    let teachers = try sink.message(2)
    let facilitator = try sink.message(3)
    #expect(teachers["rcpt_tos"] as? [String] == ["sari@contoh.sch.id"])
    #expect(facilitator["rcpt_tos"] as? [String] == ["fasilitator@contoh.sch.id"])
    func bodies(_ message: [String: Any]) -> String {
      ((message["parts"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }.joined(separator: "\n")
    }
    #expect(!bodies(teachers).contains("Sumber yang perlu diperiksa"))
    #expect(!bodies(teachers).contains("rusak.example"))
    #expect(bodies(facilitator).contains("https://rusak.example/feed"))
    #expect((facilitator["subject"] as? String)?.hasPrefix("Lingkar: sumber yang perlu diperiksa") == true)
    // Without mail.admin, nobody is mailed the list.
    let only = try DigestMailer.send(failing, settings: settings, now: now)
    #expect(only.map(\.address) == ["sari@contoh.sch.id"])

    // A server that refuses: reported, and the digest files are still there.
    var refused = settings
    refused.mail?.url = "smtp://127.0.0.1:1"
    #expect(throws: (any Error).self) { try DigestMailer.send(written.digest, settings: refused, now: now) }
    for path in written.paths { #expect(FileManager.default.fileExists(atPath: path)) }
  }
}
