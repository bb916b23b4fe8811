import Foundation
import LingkarModel
import Testing

@testable import LingkarPipeline

/// The rules of `FeedSchedule`: which feeds a run skips, what it says about them, and the wait after
/// a failure.
@Suite("FeedSchedule")
struct FeedScheduleTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

  func state(streak: Int = 0, next: Date? = nil, gone: Bool = false, error: String? = nil) -> FeedState {
    FeedState(
      written: "https://guru.example/feed", resolvedURL: "https://guru.example/feed", error: error,
      failureStreak: streak, nextFetch: next, gone: gone)
  }

  @Test("a feed never fetched, or with no wait set, or whose wait is over, is due")
  func due() {
    #expect(FeedSchedule.skipReason(state: nil, now: now, ignoreBackoff: false) == nil)
    #expect(FeedSchedule.skipReason(state: state(), now: now, ignoreBackoff: false) == nil)
    #expect(FeedSchedule.skipReason(state: state(streak: 3, next: now), now: now, ignoreBackoff: false) == nil)
    let past = now.addingTimeInterval(-1)
    #expect(FeedSchedule.skipReason(state: state(streak: 3, next: past), now: now, ignoreBackoff: false) == nil)
  }

  @Test("a gone feed (410) is never fetched again, not even with --retry-failed, and does not count as failed")
  func gone() throws {
    for ignore in [false, true] {
      let skip = try #require(FeedSchedule.skipReason(state: state(gone: true), now: now, ignoreBackoff: ignore))
      #expect(skip.message.text(in: .en).hasPrefix("gone: the server says this feed no longer exists (HTTP 410)"))
      #expect(!skip.countsAsFailed)
    }
  }

  @Test(
    "a failing feed waits out its backoff (counted as failed, with the reason and the school's clock); --retry-failed tries it now"
  )
  func failing() throws {
    let next = now.addingTimeInterval(3600)
    let failing = state(streak: 2, next: next, error: "timed out")
    let skip = try #require(
      FeedSchedule.skipReason(state: failing, now: now, ignoreBackoff: false, utcOffset: 7 * 3600))
    #expect(skip.countsAsFailed)
    // A reason stored as English words by an older Lingkar is shown as it is.
    #expect(
      skip.message.text(in: .en)
        == "failed 2 times in a row (timed out); next try after 2027-01-15 16:00 WIB (--retry-failed tries it now)")
    let coded = try #require(
      FeedSchedule.skipReason(
        state: state(streak: 2, next: next, error: "timed-out"), now: now, ignoreBackoff: false, utcOffset: 7 * 3600))
    #expect(
      coded.message.text(in: .id)
        == "gagal 2 kali berturut-turut: situsnya terlalu lambat atau tidak menjawab; dicoba lagi sesudah "
        + "2027-01-15 16:00 WIB (--retry-failed mencobanya sekarang)")
    #expect(FeedSchedule.skipReason(state: failing, now: now, ignoreBackoff: true) == nil)
    let unknown = try #require(
      FeedSchedule.skipReason(state: state(streak: 1, next: next), now: now, ignoreBackoff: false))
    #expect(unknown.message.text(in: .en).hasPrefix("failed 1 time in a row; next try after"))
  }

  @Test("a server's Retry-After on a healthy feed is respected even with --retry-failed, and is not a failure")
  func serverAskedToWait() throws {
    let next = now.addingTimeInterval(1800)
    for ignore in [false, true] {
      let skip = try #require(FeedSchedule.skipReason(state: state(next: next), now: now, ignoreBackoff: ignore))
      #expect(!skip.countsAsFailed)
      #expect(skip.message.text(in: .en) == "the server asked Lingkar to wait; next try after 2027-01-15 08:30 UTC")
    }
  }

  @Test("the backoff doubles from the base with each failure in a row, up to the cap, and never overflows")
  func backoff() {
    let base: TimeInterval = 30 * 60
    let cap: TimeInterval = 7 * 24 * 3600
    #expect(FeedSchedule.backoff(streak: 1, base: base, cap: cap) == base)
    #expect(FeedSchedule.backoff(streak: 2, base: base, cap: cap) == 2 * base)
    #expect(FeedSchedule.backoff(streak: 3, base: base, cap: cap) == 4 * base)
    #expect(FeedSchedule.backoff(streak: 9, base: base, cap: cap) == 256 * base)
    #expect(FeedSchedule.backoff(streak: 10, base: base, cap: cap) == cap)  // 512 × 30 min > 7 days
    #expect(FeedSchedule.backoff(streak: 0, base: base, cap: cap) == base)
    #expect(FeedSchedule.backoff(streak: .max, base: base, cap: cap) == cap)
  }
}
