/// When the teachers meet: a weekday, every `intervalWeeks` weeks, counted from a first meeting.
public struct MeetingSchedule: Sendable, Hashable {
  public var weekday: Weekday
  public var intervalWeeks: Int
  /// A meeting day (on `weekday`) the schedule counts from.
  public var anchor: CalendarDay
  /// The time of day as written (`14:00`), shown on the agenda.
  public var time: String?
  /// Where the teachers meet, shown on the agenda.
  public var place: String?

  public init(weekday: Weekday, intervalWeeks: Int = 2, anchor: CalendarDay, time: String? = nil, place: String? = nil)
  {
    self.weekday = weekday
    self.intervalWeeks = max(1, intervalWeeks)
    self.anchor = anchor
    self.time = time
    self.place = place
  }

  /// Days between two meetings.
  public var intervalDays: Int { intervalWeeks * 7 }

  /// The first meeting on or after `day` (the anchor itself counts; days before it lead to earlier
  /// meetings of the same rhythm).
  public func meeting(onOrAfter day: CalendarDay) -> CalendarDay {
    let offset = day.days(since: anchor)
    let steps = offset <= 0 ? -((-offset) / intervalDays) : (offset + intervalDays - 1) / intervalDays
    return anchor.adding(days: steps * intervalDays)
  }

  /// The last meeting strictly before `day`.
  public func meeting(before day: CalendarDay) -> CalendarDay {
    meeting(onOrAfter: day).adding(days: -intervalDays)
  }

  /// Whether `day` is a meeting day of this schedule.
  public func isMeeting(_ day: CalendarDay) -> Bool {
    meeting(onOrAfter: day) == day
  }
}
