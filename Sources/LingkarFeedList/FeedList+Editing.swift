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
  /// Every value goes through `writable` (no value can start a line of its own); tags also lose the
  /// quotes that would end them, and empty tags are left out.
  public static func line(address: String, tags: [String], note: String?) -> String {
    var line = writable(address)
    var seen: Set<String> = []
    for tag in tags {
      let clean = writable(
        String(String.UnicodeScalarView(tag.unicodeScalars.filter { !"\"“”„«»".unicodeScalars.contains($0) })))
      guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
      line += " \"\(clean)\""
    }
    if let note = note.map(writable), !note.isEmpty { line += "   # \(note)" }
    return line
  }

  /// A value as it may be written into the feeds file (an address, a tag, a name, a title): every
  /// control character (C0 with `\r` and `\n`, DEL, C1 with NEL) and the Unicode line and paragraph
  /// separators become one space, the bidirectional embeddings, overrides and isolates are dropped,
  /// and the ends are trimmed. Judged
  /// on Unicode scalars, since `"\r\n"` is one `Character` that equals neither `"\r"` nor `"\n"`.
  public static func writable(_ value: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in value.unicodeScalars {
      if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
      if isUnwritable(scalar) || scalar == " " {
        pendingSpace = true
        continue
      }
      if pendingSpace && !out.isEmpty { out.append(" ") }
      pendingSpace = false
      out.append(scalar)
    }
    return String(out)
  }

  /// `text` kept on one line: every character `writable` takes out becomes a space, and nothing
  /// else changes (the spacing of a whole line stays as it is). The last guard of every edit.
  static func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnwritable) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnwritable($0) ? " " : $0 }))
  }

  /// Characters that can break a line or change how it reads.
  static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
