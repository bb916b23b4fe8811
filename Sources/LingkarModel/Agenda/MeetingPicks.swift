public import Foundation

/// The topics a facilitator picked for one meeting, in the order given.
public struct MeetingPicks: Sendable, Hashable {
  public var meeting: CalendarDay
  public var topicIDs: [String]
  /// When the pick was recorded.
  public var recorded: Date

  public init(meeting: CalendarDay, topicIDs: [String], recorded: Date) {
    self.meeting = meeting
    self.topicIDs = topicIDs
    self.recorded = recorded
  }
}
