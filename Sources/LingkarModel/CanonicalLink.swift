import Foundation

/// A link in the form used to spot the same story in several feeds: lower-cased host, `http` and
/// `https` unified, no default port, no fragment, no `utm_*` tracking parameters.
public enum CanonicalLink {
  public static func of(_ link: String) -> String? {
    var link = link
    if let plain = link.withUTF8(plainLink) { return plain }
    return throughComponents(link)
  }

  /// The general case, through `URLComponents`: escapes, user info, international hosts, odd
  /// queries. `of` gives the same for every link.
  static func throughComponents(_ link: String) -> String? {
    guard var components = URLComponents(string: link.trimmingCharacters(in: .whitespacesAndNewlines)),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty
    else { return nil }
    components.scheme = "https"
    components.host = host.lowercased()
    if components.port == 80 || components.port == 443 { components.port = nil }
    components.fragment = nil
    if let items = components.queryItems {
      let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") }
      components.queryItems = kept.isEmpty ? nil : kept
    }
    if components.path.isEmpty { components.path = "/" }
    return components.string
  }

  /// The common case on bytes, without `URLComponents`: `http(s)://host[:port][/path][?query][#fragment]`
  /// with only letters, digits and `-._~:/=&` besides the delimiters (the path also `@!$'()*+,;`), a plain host name and
  /// `name[=value]` query items. Anything else gives nil, and goes the general way.
  private static func plainLink(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var index = 0
    let count = bytes.count
    func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
    func matches(_ text: StaticString) -> Bool {
      guard index + text.utf8CodeUnitCount <= count else { return false }
      for offset in 0..<text.utf8CodeUnitCount where lower(bytes[index + offset]) != text.utf8Start[offset] {
        return false
      }
      index += text.utf8CodeUnitCount
      return true
    }
    guard matches("http://") || matches("https://") else { return nil }
    var output: [UInt8] = Array("https://".utf8)
    output.reserveCapacity(count + 2)

    // Host: labels of letters, digits and inner hyphens, not punycode.
    var labelStart = index
    while index < count, bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: "/"),
      bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#")
    {
      let byte = lower(bytes[index])
      if byte == UInt8(ascii: ".") {
        guard index > labelStart, bytes[index - 1] != UInt8(ascii: "-") else { return nil }
        labelStart = index + 1
      } else if byte == UInt8(ascii: "-") {
        guard index > labelStart else { return nil }
      } else if !((byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)) {
        return nil
      }
      output.append(byte)
      index += 1
    }
    guard index > labelStart, bytes[index - 1] != UInt8(ascii: "-"), !hasPunycode(output[8...]) else { return nil }

    // Port: 1 to 5 digits, no leading zero; the default ports go.
    if index < count, bytes[index] == UInt8(ascii: ":") {
      index += 1
      var port = 0
      let start = index
      while index < count, bytes[index] >= 48, bytes[index] <= 57 {
        port = port * 10 + Int(bytes[index] - 48)
        index += 1
      }
      let digits = index - start
      guard digits >= 1, digits <= 5, bytes[start] != 48, port <= 65535 else { return nil }
      if port != 80 && port != 443 {
        output.append(UInt8(ascii: ":"))
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
      }
    }
    guard index == count || [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[index]) else {
      return nil
    }

    // Path.
    if index == count || bytes[index] != UInt8(ascii: "/") { output.append(UInt8(ascii: "/")) }
    while index < count, bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") {
      guard isPlain(bytes[index]) || isPathOnly(bytes[index]) else { return nil }
      output.append(bytes[index])
      index += 1
    }

    // Query: items without utm_* names.
    if index < count, bytes[index] == UInt8(ascii: "?") {
      index += 1
      var kept = 0
      var itemStart = index
      while true {
        let atEnd = index == count || bytes[index] == UInt8(ascii: "#")
        if atEnd || bytes[index] == UInt8(ascii: "&") {
          let item = UnsafeBufferPointer(rebasing: bytes[itemStart..<index])
          guard let first = item.first, first != UInt8(ascii: "="), item.count(where: { $0 == UInt8(ascii: "=") }) <= 1
          else { return nil }
          let isTracking =
            item.count >= 4 && lower(item[0]) == UInt8(ascii: "u") && lower(item[1]) == UInt8(ascii: "t")
            && lower(item[2]) == UInt8(ascii: "m") && item[3] == UInt8(ascii: "_")
          if !isTracking {
            output.append(kept == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            output.append(contentsOf: item)
            kept += 1
          }
          if atEnd { break }
          itemStart = index + 1
        } else if !isPlain(bytes[index]) || bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "/") {
          return nil
        }
        index += 1
      }
    }

    // Fragment: dropped, but it must be one URLComponents accepts.
    if index < count {
      index += 1
      while index < count {
        guard isPlain(bytes[index]) || bytes[index] == UInt8(ascii: "?") else { return nil }
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// "xn--" anywhere in the host: international names go the general way.
  private static func hasPunycode(_ host: ArraySlice<UInt8>) -> Bool {
    host.indices.dropLast(3).contains {
      host[$0] == UInt8(ascii: "x") && host[($0 + 1)..<($0 + 4)].elementsEqual("n--".utf8)
    }
  }

  /// What a path may hold besides the plain characters (`@` as in Mastodon's `/@name/…`), kept as it is.
  private static func isPathOnly(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "("),
      UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"):
      true
    default: false
    }
  }

  /// Letters, digits and `-._~:/=&`.
  private static func isPlain(_ byte: UInt8) -> Bool {
    switch byte {
    case 48...57, 65...90, 97...122: true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
      UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "&"):
      true
    default: false
    }
  }
}
