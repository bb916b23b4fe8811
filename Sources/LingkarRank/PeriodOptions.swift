/// How a period's topics are ranked from their items.
public struct PeriodOptions: Sendable, Hashable {
  /// One source's stories add at most this much to a topic (a strong item is worth about 0.5–0.8).
  public var perSourceCap = 1.0
  /// An item loses half its weight every this many days before the end of the period.
  public var recencyHalfLifeDays = 7.0
  /// Weight of comment counts: factor 1 + this × ln(1 + comments).
  public var engagementWeight = 0.15
  /// Bonus for breadth: factor 1 + this × ln(distinct sources).
  public var spreadWeight = 0.3
  /// A topic discussed today keeps 1 − this of its score…
  public var noveltyDamping = 0.7
  /// …and the damping fades to nothing over this many days.
  public var noveltyWindowDays = 28.0

  public init() {}
}
