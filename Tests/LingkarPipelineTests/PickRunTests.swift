import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

@Suite("lingkar topics pick: names, replacement, meeting days")
struct PickRunTests {
  static func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(text)) }
  /// Thursdays, every two weeks from 2026-11-26: 2026-12-10 is a meeting, 2026-12-03 and 2026-12-11 are not.
  static func schedule() throws -> MeetingSchedule {
    MeetingSchedule(weekday: .thursday, intervalWeeks: 2, anchor: try day("2026-11-26"))
  }

  /// The failure `body` ends with, nil when it succeeds.
  static func failure(_ body: () throws -> Void) -> LingkarFailure? {
    do {
      try body()
      return nil
    } catch {
      return error as? LingkarFailure
    }
  }

  static func kind(_ body: () throws -> Void) -> LingkarFailure.Kind? { failure(body)?.kind }

  @Test("labels, prefixes and rank numbers are recorded as ids, and a second pick says what it replaces")
  func replaces() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
    try FeedStore(path: run.databasePath).recordDigest(
      DigestRecord(
        date: "2026-12-05", generated: Date(), from: Date(), to: Date(), language: "id", itemCount: 3, sourceCount: 2,
        topics: [
          .init(id: "wellbeing", rank: 1, score: 3, itemKeys: []),
          .init(id: "literacy", rank: 2, score: 2, itemKeys: []),
        ]))
    let today = try Self.day("2026-12-07")
    let meeting = try Self.day("2026-12-10")
    let first = try run.pick(
      ["2", "asesmen"], meeting: meeting, today: today, schedule: Self.schedule(), language: .id)
    #expect(first.picks.topicIDs == ["literacy", "assessment"])
    #expect(first.replaced == nil)
    #expect(
      first.text
        == "Picked for the meeting of 2026-12-10: Literasi dan Numerasi Siswa (literacy), Asesmen dan Penilaian (assessment)."
    )
    let second = try run.pick(["Assess", "1"], meeting: meeting, today: today, schedule: Self.schedule())
    #expect(second.replaced?.topicIDs == ["literacy", "assessment"])
    #expect(
      second.text
        == "Picked for the meeting of 2026-12-10: Assessment and Feedback (assessment), Student and Teacher Wellbeing"
        + " (wellbeing). It replaces the earlier pick: Student Literacy and Numeracy (literacy), Assessment and"
        + " Feedback (assessment).")
    #expect(try run.list().map(\.topicIDs) == [["assessment", "wellbeing"]])
  }

  @Test("unknown, ambiguous and out-of-range names are bad usage that say why, and record nothing")
  func badNames() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
    let today = try Self.day("2026-12-07")
    let meeting = try Self.day("2026-12-10")
    for (names, message) in [
      (["literasy"], "no topic \"literasy\"; did you mean literacy?"),
      (["pendidikan"], "\"pendidikan\" could be inclusion, early-childhood, character; say which one"),
      (["2"], "no topic number 2: no digest is recorded yet; name the topic instead"),
    ] {
      let schedule = try Self.schedule()
      let error = Self.failure {
        try run.pick(["literacy"] + names, meeting: meeting, today: today, schedule: schedule)
      }
      #expect(error?.kind == .badUsage)
      #expect(error?.said.text(in: .en) == message)
    }
    #expect(try run.list().isEmpty)
  }

  @Test("a day off the schedule or in the past is refused without --force, recorded with it, with the warning")
  func meetingDays() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = PickRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
    let today = try Self.day("2026-12-07")
    let friday = Self.failure {
      try run.pick(["literacy"], meeting: Self.day("2026-12-11"), today: today, schedule: Self.schedule())
    }
    #expect(friday?.kind == .badUsage)
    #expect(
      friday?.said.text(in: .en)
        == "2026-12-11 is not a meeting day (the meetings around it are 2026-12-10 and 2026-12-24); nothing recorded (add --force to"
        + " record it anyway)")
    #expect(
      Self.kind { try run.pick(["literacy"], meeting: Self.day("2026-11-26"), today: today, schedule: Self.schedule()) }
        == .badUsage)
    // Without a schedule only the past is refused.
    #expect(
      Self.kind { try run.pick(["literacy"], meeting: Self.day("2026-12-06"), today: today, schedule: nil) }
        == .badUsage)
    #expect(try run.list().isEmpty)
    try run.pick(["literacy"], meeting: Self.day("2026-12-07"), today: today, schedule: nil)
    let forced = try run.pick(
      ["literacy"], meeting: Self.day("2026-12-03"), today: today, schedule: Self.schedule(), force: true)
    #expect(
      forced.warnings == [
        "2026-12-03 is in the past (today is 2026-12-07)",
        "2026-12-03 is not a meeting day (the meetings around it are 2026-11-26 and 2026-12-10)",
      ])
    #expect(try run.list().map(\.meeting) == [Self.day("2026-12-03"), Self.day("2026-12-07")])
  }

  @Test("the binary: a past date exits 2 and records nothing; --force records it with a warning")
  func binary() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let refused = try runLingkar(["topics", "pick", "literasi", "--meeting", "2020-01-02"], in: directory, seconds: 20)
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(refused.stderr.contains("2020-01-02 is in the past"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
    #expect(try FeedStore(path: directory.file("lingkar.db")).picks().isEmpty)
    let unknown = try runLingkar(["topics", "pick", "literasy", "--meeting", "2099-01-01"], in: directory, seconds: 20)
    #expect(unknown.status == 2, "\(unknown.stderr)")
    #expect(unknown.stderr.contains("did you mean literacy?"), "\(unknown.stderr)")
    let forced = try runLingkar(
      ["topics", "pick", "literasi", "--meeting", "2020-01-02", "--force"], in: directory, seconds: 20)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stderr.contains("warning: 2020-01-02 is in the past"), "\(forced.stderr)")
    #expect(try FeedStore(path: directory.file("lingkar.db")).picks().map(\.topicIDs) == [["literacy"]])
  }
}
