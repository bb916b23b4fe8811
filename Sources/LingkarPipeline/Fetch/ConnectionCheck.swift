import LingkarModel

/// Tells a run in which the school's own connection was down from a run in which some feeds failed.
///
/// The rule: of the feeds the run tried over the network (local files and feeds waiting out a
/// backoff do not count), at least 80 % failed at the transport level (host not found, no
/// connection, timed out, broken off, TLS), and this is new: more than half of those were read
/// fine on their previous fetch, or every feed tried failed so and there were at least two.
/// Such a run writes no digest and backs no feed off (see `FetchRun`).
struct ConnectionCheck: Sendable, Equatable {
  /// Feeds tried over the network.
  var tried = 0
  /// Of those, the ones that failed at the transport level.
  var transportFailures = 0
  /// Of those, the ones that were read fine on their previous fetch.
  var failedAfterSuccess = 0

  /// A failure that says nothing about the feed itself when the connection is down.
  static func isTransport(_ failure: FetchFailure) -> Bool {
    switch failure {
    case .hostNotFound, .connectionRefused, .timedOut, .connectionBroken, .tls: true
    default: false
    }
  }

  var isConnectionProblem: Bool {
    guard tried > 0, transportFailures * 5 >= tried * 4 else { return false }
    return failedAfterSuccess * 2 > transportFailures || (transportFailures == tried && tried >= 2)
  }

  /// What the run says on stderr; `digest`: whether the run would have written a digest.
  func message(digest: Bool) -> Message {
    let outcome = Message(digest ? "errors.connection.no-digest" : "errors.connection.fetch-again")
    return transportFailures == tried
      ? Message("errors.connection.none", ["outcome": .message(outcome)])
      : Message(
        "errors.connection.few",
        ["readable": .number(tried - transportFailures), "tried": .number(tried), "outcome": .message(outcome)])
  }
}
