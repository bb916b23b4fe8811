/// A topic's item count this period against the periods before.
public struct TopicTrend: Sendable, Hashable {
  /// Which way the topic is going.
  public enum Direction: String, Sendable, Hashable {
    /// No earlier periods to compare with (the first digest).
    case firstPeriod = "first"
    /// Absent from the earlier periods, present now.
    case new
    /// At least half again the earlier mean (and at least two items more).
    case rising
    /// Within the usual range.
    case steady
    /// At most half the earlier mean.
    case falling
  }

  public var current: Int
  /// Counts of the earlier periods, oldest first.
  public var previous: [Int]

  public init(current: Int, previous: [Int]) {
    self.current = current
    self.previous = previous
  }

  /// The mean of the earlier periods, nil when there are none.
  public var previousMean: Double? {
    previous.isEmpty ? nil : Double(previous.reduce(0, +)) / Double(previous.count)
  }

  public var direction: Direction {
    guard let mean = previousMean else { return .firstPeriod }
    let now = Double(current)
    if mean == 0 { return current > 0 ? .new : .steady }
    if now >= mean * 1.5 && now - mean >= 2 { return .rising }
    if now <= mean * 0.5 { return .falling }
    return .steady
  }
}
