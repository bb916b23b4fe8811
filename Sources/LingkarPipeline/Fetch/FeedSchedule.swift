import Foundation
import LingkarModel

/// When a feed is due: gone feeds never, failing feeds after a growing wait, feeds whose server
/// asked to wait after that time.
enum FeedSchedule {
  struct Skip {
    var message: String
    var countsAsFailed: Bool
  }

  static func skipReason(state: FeedState?, now: Date, ignoreBackoff: Bool, utcOffset: Int = 0) -> Skip? {
    guard let state else { return nil }
    if state.gone {
      return Skip(
        message:
          "gone: the server says this feed no longer exists (HTTP 410); it is not fetched any more, remove it from the feeds file",
        countsAsFailed: false)
    }
    guard let next = state.nextFetch, next > now else { return nil }
    if state.failureStreak > 0 {
      if ignoreBackoff { return nil }
      let problem = state.error ?? "unknown problem"
      return Skip(
        message: "failed \(state.failureStreak) time(s) in a row (\(problem)); next try after "
          + "\(SchoolTime.text(next, utcOffset: utcOffset)) (--retry-failed tries it now)",
        countsAsFailed: true)
    }
    return Skip(
      message: "the server asked Lingkar to wait; next try after \(SchoolTime.text(next, utcOffset: utcOffset))",
      countsAsFailed: false)
  }

  /// The wait after the `streak`-th failure in a row: base, 2 × base, 4 × base, … up to the cap.
  static func backoff(streak: Int, base: TimeInterval, cap: TimeInterval) -> TimeInterval {
    min(cap, base * pow(2, Double(max(0, min(streak - 1, 30)))))
  }
}
