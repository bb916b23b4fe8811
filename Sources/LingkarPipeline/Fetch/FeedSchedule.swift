import Foundation
import LingkarModel

/// When a feed is due: gone feeds never, failing feeds after a growing wait, feeds whose server
/// asked to wait after that time.
enum FeedSchedule {
  struct Skip {
    /// Why the feed is not fetched now, not yet in a language.
    var message: Message
    var countsAsFailed: Bool
  }

  static func skipReason(state: FeedState?, now: Date, ignoreBackoff: Bool, utcOffset: Int = 0) -> Skip? {
    guard let state else { return nil }
    if state.gone {
      return Skip(message: Message("errors.feed.gone-skipped"), countsAsFailed: false)
    }
    guard let next = state.nextFetch, next > now else { return nil }
    if state.failureStreak > 0 {
      if ignoreBackoff { return nil }
      let time = MessageArgument.text(SchoolTime.text(next, utcOffset: utcOffset))
      let message =
        state.error.map {
          Message(
            "errors.feed.backing-off",
            ["count": .number(state.failureStreak), "reason": .message(FetchFailure(code: $0).message), "time": time])
        } ?? Message("errors.feed.backing-off.no-reason", ["count": .number(state.failureStreak), "time": time])
      return Skip(message: message, countsAsFailed: true)
    }
    return Skip(
      message: Message("errors.feed.waiting-next", ["time": .text(SchoolTime.text(next, utcOffset: utcOffset))]),
      countsAsFailed: false)
  }

  /// The wait after the `streak`-th failure in a row: base, 2 × base, 4 × base, … up to the cap.
  static func backoff(streak: Int, base: TimeInterval, cap: TimeInterval) -> TimeInterval {
    min(cap, base * pow(2, Double(max(0, min(streak - 1, 30)))))
  }
}
