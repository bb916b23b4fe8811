public import Foundation

/// A topic the teachers discussed at a meeting, and when: recent ones are damped in the ranking.
public struct DiscussedTopic: Sendable, Hashable {
  public var topicID: String
  public var date: Date

  public init(topicID: String, date: Date) {
    self.topicID = topicID
    self.date = date
  }
}
