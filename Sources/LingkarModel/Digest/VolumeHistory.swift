public import Foundation

/// How many items each topic had in the last periods, oldest first; the last period is the
/// digest's own. Feeds the volume chart and the trend of each topic.
public struct VolumeHistory: Sendable, Hashable {
  /// One topic's item counts, one per period of `periodEnds`.
  public struct Series: Sendable, Hashable {
    public var topicID: String
    public var counts: [Int]

    public init(topicID: String, counts: [Int]) {
      self.topicID = topicID
      self.counts = counts
    }
  }

  /// The end of each period, oldest first.
  public var periodEnds: [Date]
  /// One series per topic, in the digest's topic order.
  public var series: [Series]

  public init(periodEnds: [Date] = [], series: [Series] = []) {
    self.periodEnds = periodEnds
    self.series = series
  }

  /// The trend of a topic: this period against the mean of the earlier ones.
  public func trend(of topicID: String) -> TopicTrend {
    guard let counts = series.first(where: { $0.topicID == topicID })?.counts, let current = counts.last else {
      return TopicTrend(current: 0, previous: [])
    }
    return TopicTrend(current: current, previous: Array(counts.dropLast()))
  }
}
