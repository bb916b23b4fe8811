public import Foundation
public import LingkarModel

/// The end of one transfer.
public struct FetchResponse {
  public var request: FetchRequest
  public var outcome: FetchOutcome
  /// The final HTTP status (0 for a local file or when no response came).
  public var status: Int
  /// The address of the last response, after redirects.
  public var finalURL: String
  /// The validators of the final response; a `Last-Modified` in the future is dropped.
  public var validators: Validators
  /// Where the feed moved for good, when the first redirects were all permanent (301/308).
  public var permanentRedirect: String?
  /// When a 429 or 503 asked to wait (Retry-After), the time to wait for.
  public var retryAfter: Date?
  /// Decoded body bytes received.
  public var bodyBytes: Int
}
