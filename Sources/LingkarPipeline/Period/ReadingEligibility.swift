import Foundation
import LingkarModel

/// Whether an item may be recommended as a reading (digest suggestions, agenda topics, the book
/// club's related items). An item stays in the digest's lists either way; it is only never put
/// forward as one of the best readings when a teacher could not open it or its title is broken.
///
/// The rule: the link must be an http or https address with a host, and the title (when there is
/// one: social posts have none) must look like a title: at most `maximumTitleLength` characters,
/// no web address in it, and no clock time (`10:00:00`) or ISO date-time (`2026-12-07T10`), the
/// marks of a title that swallowed the link and the date after an unclosed `<title>`.
enum ReadingEligibility {
  static let maximumTitleLength = 200

  static func isEligible(title: String?, link: String?) -> Bool {
    guard let link, let url = URLComponents(string: link), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
    else { return false }
    guard let title else { return true }
    if title.count > maximumTitleLength { return false }
    let lower = title.lowercased()
    if lower.contains("http://") || lower.contains("https://") { return false }
    return !hasDateTime(Array(title.utf8))
  }

  /// `DD:DD:DD` (a clock time with seconds) or `DDDD-DD-DDTDD` (an ISO 8601 date-time).
  private static func hasDateTime(_ bytes: [UInt8]) -> Bool {
    func digits(_ start: Int, _ count: Int) -> Bool {
      start >= 0 && start + count <= bytes.count && bytes[start..<start + count].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    for index in bytes.indices {
      switch bytes[index] {
      case UInt8(ascii: ":"):
        if digits(index - 2, 2), digits(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
          digits(index + 4, 2)
        {
          return true
        }
      case UInt8(ascii: "T"):
        if digits(index - 10, 4), digits(index + 1, 2), bytes[index - 6] == UInt8(ascii: "-"),
          bytes[index - 3] == UInt8(ascii: "-"), digits(index - 5, 2), digits(index - 2, 2)
        {
          return true
        }
      default: break
      }
    }
    return false
  }
}
