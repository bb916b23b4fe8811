public import Foundation

/// The stretch of time a digest covers, and when it was made.
public struct DigestPeriod: Sendable, Hashable {
  /// Items placed at or after this instant belong to the digest.
  public var from: Date
  /// Items placed before this instant belong to the digest.
  public var to: Date
  /// When the digest was written.
  public var generated: Date

  public init(from: Date, to: Date, generated: Date) {
    self.from = from
    self.to = to
    self.generated = generated
  }
}
