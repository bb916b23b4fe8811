public import LingkarModel

/// How a fetch ended. A 304 is an outcome like any other, not an error.
public enum FetchOutcome {
  /// A body arrived (2xx, or a local file) and went into the consumer made for it; nil if it was empty.
  case fetched(consumer: (any BodyConsumer)?)
  /// 304: nothing changed since the validators were given.
  case notModified
  /// 410: the feed is gone for good.
  case gone
  /// Anything else, with the reason in plain words.
  case failed(FetchFailure)
  /// Not asked at all in this run (the run reached its time limit first): nothing is known about
  /// the feed, so it is no failure of its own. The reason in plain words.
  case notFetched(String)
}
