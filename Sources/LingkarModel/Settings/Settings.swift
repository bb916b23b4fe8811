public import Foundation

/// The school's settings (`lingkar.yaml`, next to `feeds.txt`). Everything is optional: a school
/// without the file gets Lingkar's defaults.
public struct Settings: Sendable, Hashable {
  /// The school's name, shown on the agenda and in the mail subject.
  public var schoolName: String?
  /// The language of Lingkar's own words when `--lang` is not given.
  public var language: DigestLanguage?
  /// Seconds east of UTC for the school's dates (`+07:00` is 25200).
  public var utcOffset: Int
  /// True when the file gives `utc_offset` (otherwise the machine's zone is the school's).
  public var hasUTCOffset = false
  /// `lookback_days`: how long before now a post fetched late may have been published and still
  /// enter the next digest; nil for Lingkar's default (30).
  public var lookbackDays: Int?
  /// Who prepares and leads the meetings.
  public var facilitator: String?
  public var meeting: MeetingSchedule?
  public var bookClub: BookClub?
  public var mail: MailSettings?

  public init(
    schoolName: String? = nil, language: DigestLanguage? = nil, utcOffset: Int = 0, facilitator: String? = nil,
    meeting: MeetingSchedule? = nil, bookClub: BookClub? = nil, mail: MailSettings? = nil
  ) {
    self.schoolName = schoolName
    self.language = language
    self.utcOffset = utcOffset
    // An offset given in code is the school's as much as one read from the file.
    self.hasUTCOffset = utcOffset != 0
    self.facilitator = facilitator
    self.meeting = meeting
    self.bookClub = bookClub
    self.mail = mail
  }
}

extension Settings {
  /// The school's clock, the one rule for every output people read (the digest's date and footer,
  /// the agenda, the mail, `topics pick`'s next meeting): the settings' `utc_offset` when they give
  /// one, else the machine's zone at `now`.
  public static func schoolOffset(_ settings: Settings?, now: Date) -> Int {
    if let settings, settings.hasUTCOffset { return settings.utcOffset }
    return TimeZone.current.secondsFromGMT(for: now)
  }
}
