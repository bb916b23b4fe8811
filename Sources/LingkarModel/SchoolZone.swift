/// The name people at the school give their clock, used wherever Lingkar prints a time for them
/// (the digest's footer, the fetch's messages), so one zone never reads "WIB" in one place and
/// "UTC+7" in another.
public enum SchoolZone {
  /// `WIB`, `WITA`, `WIT` for Indonesia's zones, `UTC` for 0, else `UTC+HH:MM`.
  public static func label(_ utcOffset: Int) -> String {
    switch utcOffset {
    case 7 * 3600: return "WIB"
    case 8 * 3600: return "WITA"
    case 9 * 3600: return "WIT"
    case 0: return "UTC"
    default:
      let minutes = abs(utcOffset) / 60
      let hours = minutes / 60
      let rest = minutes % 60
      return "UTC\(utcOffset < 0 ? "-" : "+")\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }
  }
}
