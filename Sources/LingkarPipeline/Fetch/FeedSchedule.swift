import Foundation
import LingkarModel

/// When a feed is due: gone feeds never, failing feeds after a growing wait, feeds whose server
/// asked to wait after that time.
enum FeedSchedule {
  struct Skip {
    /// Why the feed is not fetched now, not yet in a language.
    var said: Message
    var countsAsFailed: Bool
    /// `said` in the process's language (what the command line prints).
    var message: String { said.description }
  }

  static func skipReason(state: FeedState?, now: Date, ignoreBackoff: Bool, utcOffset: Int = 0) -> Skip? {
    guard let state else { return nil }
    if state.gone {
      return Skip(said: Message("cli.skip.gone"), countsAsFailed: false)
    }
    guard let next = state.nextFetch, next > now else { return nil }
    if state.failureStreak > 0 {
      if ignoreBackoff { return nil }
      let problem: MessageArgument = state.error.map { .text($0) } ?? .message(Message("cli.skip.unknown_problem"))
      return Skip(
        said: Message(
          "cli.skip.failing",
          [
            "count": .number(state.failureStreak), "reason": problem,
            "next": .text(SchoolTime.text(next, utcOffset: utcOffset)),
          ]),
        countsAsFailed: true)
    }
    return Skip(
      said: Message("cli.skip.wait", ["next": .text(SchoolTime.text(next, utcOffset: utcOffset))]),
      countsAsFailed: false)
  }

  /// The wait after the `streak`-th failure in a row: base, 2 × base, 4 × base, … up to the cap.
  static func backoff(streak: Int, base: TimeInterval, cap: TimeInterval) -> TimeInterval {
    min(cap, base * pow(2, Double(max(0, min(streak - 1, 30)))))
  }
}
