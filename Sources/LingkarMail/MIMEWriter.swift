import Foundation
import LingkarModel

/// Writes a `MailMessage` as an Internet message (RFC 5322 + MIME): CRLF line endings, UTF-8,
/// non-ASCII header text as RFC 2047 encoded words, bodies quoted-printable (no line over 76
/// characters), a Date and a Message-ID header. Dot-stuffing is left to the SMTP layer (libcurl).
public struct MIMEWriter: Sendable {
  /// The multipart boundary; random when nil (tests fix it).
  public var boundary: String?

  public init(boundary: String? = nil) {
    self.boundary = boundary
  }

  public func write(_ message: MailMessage) -> String {
    let boundary = self.boundary ?? "lingkar-" + UUID().uuidString.lowercased()
    let messageID = message.messageID ?? "\(UUID().uuidString.lowercased())@\(message.from.domain)"
    var headers: [String] = []
    headers.append(Self.header("From", Self.address(message.from)))
    headers.append(Self.addressHeader("To", message.to.map(Self.address)))
    headers.append(Self.header("Subject", Self.encodedText(message.subject)))
    headers.append("Date: " + Self.date(message.date, utcOffset: message.utcOffset))
    headers.append("Message-ID: <\(messageID)>")
    headers.append("MIME-Version: 1.0")
    headers.append("Auto-Submitted: auto-generated")
    headers.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
    var output = headers.joined(separator: "\r\n") + "\r\n\r\n"
    output += "This is a message in MIME format: a plain-text and an HTML version.\r\n"
    for (type, body) in [("text/plain", message.text), ("text/html", message.html)] {
      output += "\r\n--\(boundary)\r\n"
      output += "Content-Type: \(type); charset=UTF-8\r\n"
      output += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      output += Self.quotedPrintable(body)
    }
    output += "\r\n--\(boundary)--\r\n"
    return output
  }

  // MARK: - Headers

  /// `Name <address>`: the name as a quoted string when it is plain ASCII, else as encoded words.
  static func address(_ address: MailAddress) -> String {
    guard let name = address.name, !name.isEmpty else { return address.address }
    let printable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    if printable {
      let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      return "\"\(quoted)\" <\(address.address)>"
    }
    return encodedWords(name).joined(separator: " ") + " <\(address.address)>"
  }

  /// A header whose value may be long: folded at the spaces between words (encoded words never
  /// hold a space, so folding there keeps them whole).
  static func header(_ name: String, _ value: String) -> String {
    fold(name + ": " + value)
  }

  static func addressHeader(_ name: String, _ addresses: [String]) -> String {
    fold(name + ": " + addresses.joined(separator: ", "))
  }

  /// Folds a header line at spaces so no line exceeds 78 characters where it can be helped.
  static func fold(_ line: String) -> String {
    var lines: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      if current.isEmpty || !current.contains(" ") && lines.isEmpty {
        // The header's name and its first word stay on the first line.
        current += current.isEmpty ? String(word) : " " + word
      } else if current.utf8.count + 1 + word.utf8.count > 78 {
        lines.append(current)
        current = " " + word
      } else {
        current += " " + word
      }
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// The text as is when it is printable ASCII, else as RFC 2047 encoded words.
  static func encodedText(_ text: String) -> String {
    let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !clean.contains("=?") {
      return clean
    }
    return encodedWords(clean).joined(separator: " ")
  }

  /// `=?UTF-8?B?...?=` words of at most 64 characters (39 bytes), never splitting a character, so
  /// `Subject: ` and one word fit in 78.
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in text {
      let bytes = Array(String(character).utf8)
      if chunk.count + bytes.count > 39 {
        words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
    return words
  }

  /// `Thu, 03 Dec 2026 14:00:00 +0700`.
  static func date(_ date: Date, utcOffset: Int) -> String {
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let seconds = Int((date.timeIntervalSince1970 + Double(utcOffset)).rounded(.down))
    let day = CalendarDay(date, utcOffset: utcOffset)
    let clock = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let weekday = names[Weekday.allCases.firstIndex(of: day.weekday) ?? 0]
    let sign = utcOffset < 0 ? "-" : "+"
    let offsetMinutes = abs(utcOffset) / 60
    return "\(weekday), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
      + "\(two(clock / 3600)):\(two(clock / 60 % 60)):\(two(clock % 60)) \(sign)\(two(offsetMinutes / 60))\(two(offsetMinutes % 60))"
  }

  // MARK: - Bodies

  /// Quoted-printable (RFC 2045 §6.7) over UTF-8 with CRLF hard line breaks: lines of at most 76
  /// characters, soft breaks as `=` at a line's end, `=` and non-ASCII bytes as `=XX`, spaces and
  /// tabs before a line break encoded. A line starting with "." is left as it is: the SMTP layer
  /// dot-stuffs it.
  public static func quotedPrintable(_ text: String) -> String {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    var output = ""
    let hex = Array("0123456789ABCDEF")
    for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = Array(line.utf8)
      var current = ""
      for (index, byte) in bytes.enumerated() {
        let last = index == bytes.count - 1
        let token: String
        if (byte == 0x20 || byte == 0x09) && last {
          token = "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
        } else if byte == 0x3D || byte < 0x20 && byte != 0x09 || byte > 0x7E {
          token = "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
        } else {
          token = String(UnicodeScalar(byte))
        }
        // Room for the soft break "=" unless this is the line's last token.
        let limit = last ? 76 : 75
        if current.utf8.count + token.utf8.count > limit {
          output += current + "=\r\n"
          current = ""
        }
        current += token
      }
      output += current + "\r\n"
    }
    return output
  }
}
