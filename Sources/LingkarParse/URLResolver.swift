import Foundation

/// Resolves relative references the way feed readers have always done (RFC 3986 section 5.2, with
/// the leniencies of Python's `urljoin`, which the conformance reference uses): a reference with
/// another scheme is taken as it is; `http:///x` is read as `http://x`.
enum URLResolver {
  private static let relativeSchemes: Set<String> = [
    "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero", "rtsp",
    "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
  ]
  private static let netlocSchemes: Set<String> = [
    "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
    "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
  ]
  /// Schemes a base URI may have; anything else (`javascript:`, `data:`) is not used as a base.
  static let acceptableSchemes: Set<String> = [
    "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet", "mailto", "mms", "news", "nntp",
    "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip", "sips", "snews", "svn", "svn+ssh", "telnet",
    "wais", "aim", "callto", "cvs", "facetime", "feed", "git", "gtalk", "irc", "ircs", "irc6", "itms", "mms",
    "msnim", "skype", "ssh", "smb", "svn", "ymsg",
  ]

  struct Parts {
    var scheme: String
    var netloc: String?
    var path: Substring
    var query: Substring?
    var fragment: Substring?

    var string: String {
      var out = ""
      if !scheme.isEmpty { out += scheme + ":" }
      if let netloc { out += "//" + netloc } else if !scheme.isEmpty, path.hasPrefix("//") { out += "//" }
      out += path
      if let query { out += "?" + query }
      if let fragment { out += "#" + fragment }
      return out
    }
  }

  /// The scheme of a reference (`http`, `mailto`), lower-cased; nil for a relative reference.
  static func scheme(of reference: String) -> String? {
    let utf8 = reference.utf8
    guard let first = utf8.first, isASCIILetter(first) else { return nil }
    var length = 0
    for byte in utf8 {
      if byte == 0x3A { break }  // :
      guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
      else { return nil }
      length += 1
    }
    guard length < utf8.count else { return nil }
    return String(decoding: utf8.prefix(length), as: UTF8.self).lowercased()
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  static func split(_ reference: String, defaultScheme: String) -> Parts {
    var rest = Substring(reference)
    var scheme = defaultScheme
    // A scheme is only found before a colon, so the colon is always there.
    if let found = self.scheme(of: reference), let colon = rest.firstIndex(of: ":") {
      scheme = found
      rest = rest[rest.index(after: colon)...]
    }
    var netloc: String?
    if netlocSchemes.contains(scheme), rest.hasPrefix("//") {
      let afterSlashes = rest.dropFirst(2)
      let end = afterSlashes.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterSlashes.endIndex
      netloc = String(afterSlashes[..<end])
      rest = afterSlashes[end...]
    }
    var fragment: Substring?
    if let hash = rest.firstIndex(of: "#") {
      fragment = rest[rest.index(after: hash)...]
      rest = rest[..<hash]
    }
    var query: Substring?
    if let question = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: question)...]
      rest = rest[..<question]
    }
    return Parts(scheme: scheme, netloc: netloc, path: rest, query: query, fragment: fragment)
  }

  /// `reference` resolved against `base`; either may be empty.
  static func join(_ base: String, _ reference: String) -> String {
    let reference = fixSlashes(reference)
    if base.isEmpty { return reference }
    if reference.isEmpty { return base }
    if isPlainAbsolute(reference) { return reference }
    let baseParts = split(base, defaultScheme: "")
    var parts = split(reference, defaultScheme: baseParts.scheme)
    if parts.scheme != baseParts.scheme || !relativeSchemes.contains(parts.scheme) { return reference }
    if netlocSchemes.contains(parts.scheme) {
      if parts.netloc != nil { return parts.string }
      parts.netloc = baseParts.netloc
    }
    if parts.path.isEmpty {
      parts.path = baseParts.path
      if parts.query == nil { parts.query = baseParts.query }
      return parts.string
    }
    var baseSegments = baseParts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if baseSegments.last != "" { baseSegments.removeLast() }
    var segments: [String]
    if parts.path.hasPrefix("/") {
      segments = parts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    } else {
      segments = baseSegments + parts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      if segments.count > 2 {
        let middle = segments[1..<(segments.count - 1)].filter { !$0.isEmpty }
        segments = [segments[0]] + middle + [segments[segments.count - 1]]
      }
    }
    var resolved: [String] = []
    for segment in segments {
      if segment == ".." {
        if !resolved.isEmpty { resolved.removeLast() }
      } else if segment != "." {
        resolved.append(segment)
      }
    }
    if let last = segments.last, last == "." || last == ".." { resolved.append("") }
    let path = resolved.joined(separator: "/")
    parts.path = Substring(path.isEmpty ? "/" : path)
    return parts.string
  }

  /// An absolute `http://` or `https://` reference that resolving would give back unchanged (the
  /// common case in feeds): lower-case scheme, no empty query or fragment to drop.
  static func isPlainAbsolute(_ reference: String) -> Bool {
    let utf8 = reference.utf8
    guard utf8.starts(with: "http://".utf8) || utf8.starts(with: "https://".utf8) else { return false }
    guard let last = utf8.last, last != 0x3F, last != 0x23 else { return false }  // ? #
    return !reference.containsBytes("?#")
  }

  /// `http:///example.com/` → `http://example.com/`.
  static func fixSlashes(_ reference: String) -> String {
    guard reference.containsBytes(":///") else { return reference }
    let utf8 = Array(reference.utf8)
    // Find "://" right after a scheme.
    guard let colon = utf8.firstIndex(of: 0x3A), colon > 0, colon + 3 < utf8.count, utf8[colon + 1] == 0x2F,
      utf8[colon + 2] == 0x2F, utf8[colon + 3] == 0x2F, scheme(of: reference) != nil
    else { return reference }
    var end = colon + 3
    while end < utf8.count, utf8[end] == 0x2F { end += 1 }
    return String(decoding: utf8[...(colon + 2)], as: UTF8.self) + String(decoding: utf8[end...], as: UTF8.self)
  }

  /// Resolves `reference` against `base`, refusing results whose scheme is not acceptable.
  static func safeJoin(_ base: String?, _ reference: String?) -> String? {
    guard let base, !base.isEmpty else { return reference ?? "" }
    guard let reference, !reference.isEmpty else {
      let scheme = self.scheme(of: base) ?? ""
      return scheme.isEmpty || acceptableSchemes.contains(scheme) ? base : ""
    }
    let joined = join(base, reference)
    let scheme = joined.trimmingASCIISpace().split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    return acceptableSchemes.contains(scheme) ? joined : ""
  }
}
