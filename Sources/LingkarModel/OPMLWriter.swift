public import Foundation

/// Writes OPML 2.0. Feeds are grouped into folders by their first tag, which is what most readers
/// import; every tag is also kept in the `category` attribute, so nothing is lost on the way back.
///
/// ```xml
/// <outline text="blog" title="blog">
///   <outline type="rss" text="Guru Kreatif" title="Guru Kreatif" xmlUrl="https://…/feed/" category="blog,id"/>
/// </outline>
/// ```
public enum OPMLWriter {
  public static func write(_ document: OPMLDocument, dateCreated: Date) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head>
          <title>\(escape(document.title ?? "Lingkar feeds"))</title>
          <dateCreated>\(rfc822(dateCreated))</dateCreated>
        </head>
        <body>

      """
    var folders: [String] = []
    var byFolder: [String: [OPMLFeed]] = [:]
    var loose: [OPMLFeed] = []
    for feed in document.feeds {
      guard let folder = feed.tags.first else {
        loose.append(feed)
        continue
      }
      if byFolder[folder] == nil { folders.append(folder) }
      byFolder[folder, default: []].append(feed)
    }
    for folder in folders {
      out += "    <outline text=\"\(escape(folder))\" title=\"\(escape(folder))\">\n"
      for feed in byFolder[folder] ?? [] { out += "      " + outline(feed) + "\n" }
      out += "    </outline>\n"
    }
    for feed in loose { out += "    " + outline(feed) + "\n" }
    out += "  </body>\n</opml>\n"
    return out
  }

  private static func outline(_ feed: OPMLFeed) -> String {
    let title = escape(feed.title ?? feed.xmlURL)
    var out = "<outline type=\"rss\" text=\"\(title)\" title=\"\(title)\" xmlUrl=\"\(escape(feed.xmlURL))\""
    if let html = feed.htmlURL { out += " htmlUrl=\"\(escape(html))\"" }
    if !feed.tags.isEmpty {
      // Commas and slashes separate categories and their levels in OPML 2.0; inside a tag they become spaces.
      let tags = feed.tags.map { $0.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "/", with: " ") }
      out += " category=\"\(escape(tags.joined(separator: ",")))\""
    }
    return out + "/>"
  }

  /// Escapes text for an attribute value or element content; drops characters XML 1.0 cannot hold.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default:
        let value = scalar.value
        if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `Sun, 29 Nov 2026 07:00:00 GMT`, as OPML 2.0 asks (RFC 822), computed without a formatter.
  static func rfc822(_ date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let (year, month, day) = Timestamp.civil(fromDays: days)
    let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let weekday = weekdays[Int(((days % 7) + 7) % 7)]
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(weekday), \(two(day)) \(months[Int(month - 1)]) \(year) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) GMT"
  }
}
