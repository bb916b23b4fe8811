import Foundation
import LingkarModel

/// Times as the people of the school read them: their own clock, with its zone named, never a bare
/// UTC timestamp ("2026-12-07 18:41 WIB", "2026-12-07 16:11 UTC+05:30").
enum SchoolTime {
  static func text(_ date: Date, utcOffset: Int) -> String {
    let local = Timestamp.iso8601(date.addingTimeInterval(TimeInterval(utcOffset)))
    // `YYYY-MM-DDTHH:MM:SSZ` → `YYYY-MM-DD HH:MM`
    let day = local.prefix(10)
    let clock = local.dropFirst(11).prefix(5)
    return "\(day) \(clock) \(zone(utcOffset))"
  }

  /// `WIB`, `WITA`, `WIT` for Indonesia's zones, `UTC` for 0, else `UTC+HH:MM` (`SchoolZone`).
  static func zone(_ utcOffset: Int) -> String { SchoolZone.label(utcOffset) }
}
