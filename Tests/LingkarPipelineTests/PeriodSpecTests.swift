import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

/// The rules of `PeriodSpec`: how `--since` is read, where a period starts, and which stored items
/// it holds. (The end-to-end runs over several periods are in `PeriodTests`.)
@Suite("PeriodSpec")
struct PeriodSpecTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
  let day = 86_400.0

  @Test(
    "--since reads last, Nd (1 to 3660) and a real YYYY-MM-DD; anything else is refused",
    arguments: [
      ("last", PeriodSpec.last), (" LAST ", .last), ("14d", .days(14)), ("1d", .days(1)), ("3660d", .days(3660)),
      ("2026-12-01", .date(Date(timeIntervalSince1970: 1_796_083_200))),
      ("2024-02-29", .date(Date(timeIntervalSince1970: 1_709_164_800))),
    ])
  func reads(_ text: String, _ expected: PeriodSpec) {
    #expect(PeriodSpec(text) == expected)
  }

  @Test(
    "refused", arguments: ["", "0d", "-3d", "3661d", "d", "14", "2026-02-29", "2026-13-01", "2026-1-01", "yesterday"])
  func refused(_ text: String) {
    #expect(PeriodSpec(text) == nil)
  }

  @Test("where a period starts: last after a digest is its end, else 14 days; Nd is N days; a date is its midnight UTC")
  func start() {
    let previous = now.addingTimeInterval(-10 * day)
    #expect(PeriodSpec.last.start(now: now, previousDigest: previous) == previous)
    #expect(PeriodSpec.last.start(now: now) == now.addingTimeInterval(-14 * day))
    #expect(PeriodSpec.days(3).start(now: now, previousDigest: previous) == now.addingTimeInterval(-3 * day))
    let date = Date(timeIntervalSince1970: 1_796_083_200)
    #expect(PeriodSpec.date(date).start(now: now, previousDigest: previous) == date)
  }

  @Test("a date in the future cannot start a period, and says what to give instead")
  func future() {
    let tomorrow = PeriodSpec("2027-01-16")!
    #expect(
      tomorrow.problem(now: now)?.text(in: .en) == "--since 2027-01-16 is in the future; give a past date, Nd or last")
    #expect(PeriodSpec("2027-01-15")!.problem(now: now) == nil)
    #expect(PeriodSpec.days(3).problem(now: now) == nil && PeriodSpec.last.problem(now: now) == nil)
  }

  /// A store with a previous digest ten days ago and items seen before and after it.
  func store(_ directory: TemporaryDirectory) throws -> FeedStore {
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let previous = now.addingTimeInterval(-10 * day)
    // Seen before the previous digest.
    try store.seed(
      [Entry(id: "shown", title: "Shown", published: previous.addingTimeInterval(-day))],
      time: previous.addingTimeInterval(-day / 2))
    // Seen since: a new post, a late one (published before the period, inside the look-back), a
    // new feed's old backlog, and one without a date.
    try store.seed(
      [
        Entry(id: "new", title: "New", published: now.addingTimeInterval(-2 * day)),
        Entry(id: "late", title: "Late", published: now.addingTimeInterval(-20 * day)),
        Entry(id: "backlog", title: "Backlog", published: now.addingTimeInterval(-400 * day)),
        Entry(id: "undated", title: "Undated"),
      ], time: now.addingTimeInterval(-day))
    return store
  }

  @Test("last after a digest: everything first seen since it, but a backlog older than the look-back stays out")
  func lastAfterDigest() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let previous = now.addingTimeInterval(-10 * day)
    let (start, items) = try PeriodSpec.last.items(in: store, now: now, previousDigest: previous, lookbackDays: 30)
    #expect(start == previous)
    #expect(Set(items.map(\.entry.id)) == ["new", "late", "undated"])
    // A shorter look-back leaves the late post out too.
    let short = try PeriodSpec.last.items(in: store, now: now, previousDigest: previous, lookbackDays: 5).items
    #expect(Set(short.map(\.entry.id)) == ["new", "undated"])
  }

  @Test("Nd, a date, and last before any digest: the items placed in those days, whenever they were seen")
  func byPlacement() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let week = try PeriodSpec.days(14).items(in: store, now: now, previousDigest: nil, lookbackDays: 30)
    #expect(Set(week.items.map(\.entry.id)) == ["shown", "new", "undated"])
    let first = try PeriodSpec.last.items(in: store, now: now, previousDigest: nil, lookbackDays: 30)
    #expect(first.start == now.addingTimeInterval(-14 * day))
    #expect(Set(first.items.map(\.entry.id)) == ["shown", "new", "undated"])
    // An explicit period ignores the previous digest.
    let explicit = try PeriodSpec.days(14).items(
      in: store, now: now, previousDigest: now.addingTimeInterval(-10 * day), lookbackDays: 30)
    #expect(Set(explicit.items.map(\.entry.id)) == ["shown", "new", "undated"])
  }
}
