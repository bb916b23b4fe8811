import Foundation
public import LingkarModel

extension FeedList {
  /// The form in which two addresses are compared to spot the same feed twice: `http` and `https`
  /// alike, host in lower case, no default port, fragment or `utm_*` parameters, no trailing slash.
  public static func comparable(_ url: String) -> String {
    guard var canonical = CanonicalLink.of(url) else { return url }
    if let query = canonical.firstIndex(of: "?") {
      let path = canonical[..<query]
      if path.hasSuffix("/") && path.filter({ $0 == "/" }).count > 3 {
        canonical = String(path.dropLast()) + canonical[query...]
      }
    } else if canonical.hasSuffix("/") && canonical.filter({ $0 == "/" }).count > 3 {
      canonical.removeLast()
    }
    return canonical
  }

  /// The first feed whose address, as written or expanded, is the same feed as `url`.
  public func source(matching url: String) -> FeedSource? {
    let wanted = Self.comparable(url)
    return sources.first { $0.written == url || Self.comparable($0.url) == wanted }
  }

  /// The feed on line `number`, if that line holds one.
  public func source(line number: Int) -> FeedSource? {
    sources.first { $0.line == number }
  }

  /// A `feeds.txt` line: the address, each tag in double quotes, then `# note`.
  /// Tags lose double quotes and line breaks (they cannot be written), and empty tags are left out.
  public static func line(address: String, tags: [String], note: String?) -> String {
    var line = address
    var seen: Set<String> = []
    for tag in tags {
      let clean = tag.filter { $0 != "\"" && $0 != "\n" && $0 != "\r" }.trimmingCharacters(in: .whitespaces)
      guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
      line += " \"\(clean)\""
    }
    if let note = note?.filter({ $0 != "\n" && $0 != "\r" }), !note.isEmpty { line += "   # \(note)" }
    return line
  }
}
