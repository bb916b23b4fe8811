/// Which addresses a fetch may connect to. Addresses typed into the web page are fetched by the
/// server, inside the school's network: without this, anyone with the teachers' passcode could make
/// the server read its router's admin page or another service on the machine. The check is made on
/// the address libcurl is about to connect to (its open-socket callback), so a name that resolves
/// to a private address, a DNS answer that changes between checks, and every redirect are covered.
public struct AddressGuard: Sendable, Hashable {
  /// Connections allowed even though their address is private: `IP:PORT` (`127.0.0.1:8080`,
  /// `[::1]:8080`). For tests, whose sites all live on loopback: one site may be allowed while a
  /// redirect from it to another loopback port is still refused.
  public var allowedEndpoints: Set<String>

  public init(allowedEndpoints: Set<String> = []) {
    self.allowedEndpoints = allowedEndpoints
  }

  /// The address in words when a connection to it is refused, nil when it is allowed.
  public func refusal(bytes: [UInt8], port: Int) -> String? {
    let text = Self.text(bytes)
    guard Self.isPrivate(bytes) else { return nil }
    let endpoint = bytes.count == 16 ? "[\(text)]:\(port)" : "\(text):\(port)"
    return allowedEndpoints.contains(endpoint) ? nil : text
  }

  /// Loopback, private, shared (CGNAT), link-local, unique-local, multicast, unspecified, broadcast,
  /// documentation and benchmarking ranges, IPv4 and IPv6 (IPv4-mapped and -compatible IPv6
  /// addresses by their IPv4 part, NAT64 and 6to4 by the IPv4 address they carry).
  public static func isPrivate(_ bytes: [UInt8]) -> Bool {
    if bytes.count == 4 { return isPrivateIPv4(bytes) }
    guard bytes.count == 16 else { return true }
    let first10Zero = bytes[0..<10].allSatisfy { $0 == 0 }
    if first10Zero && bytes[10] == 0xff && bytes[11] == 0xff { return isPrivateIPv4(Array(bytes[12..<16])) }
    if first10Zero && bytes[10] == 0 && bytes[11] == 0 {
      // :: and ::1, and the old IPv4-compatible form ::a.b.c.d.
      return bytes[12..<15].allSatisfy { $0 == 0 } && bytes[15] <= 1 ? true : isPrivateIPv4(Array(bytes[12..<16]))
    }
    // 64:ff9b::/96 (NAT64) carries an IPv4 address.
    if bytes[0..<12] == [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0][...] {
      return isPrivateIPv4(Array(bytes[12..<16]))
    }
    // 2002::/16 (6to4) carries an IPv4 address in bytes 2...5.
    if bytes[0] == 0x20 && bytes[1] == 0x02 { return isPrivateIPv4(Array(bytes[2..<6])) }
    if bytes[0] == 0xff { return true }  // multicast
    if bytes[0] & 0xfe == 0xfc { return true }  // fc00::/7 unique local
    if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true }  // fe80::/10 link-local
    if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0xc0 { return true }  // fec0::/10 site-local (deprecated)
    if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8 { return true }  // documentation
    return false
  }

  private static func isPrivateIPv4(_ b: [UInt8]) -> Bool {
    switch (b[0], b[1]) {
    case (0, _), (10, _), (127, _): return true  // "this network", private, loopback
    case (100, 64...127): return true  // shared address space (carrier-grade NAT)
    case (169, 254): return true  // link-local
    case (172, 16...31): return true
    case (192, 168): return true
    case (192, 0): return b[2] == 0 || b[2] == 2  // IETF assignments, documentation
    case (198, 18...19): return true  // benchmarking
    case (198, 51): return b[2] == 100  // documentation
    case (203, 0): return b[2] == 113  // documentation
    default: return b[0] >= 224  // multicast, reserved, broadcast
    }
  }

  /// The address as people write it (IPv6 without zero compression: plain and unambiguous).
  static func text(_ bytes: [UInt8]) -> String {
    if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
    var groups: [String] = []
    for index in stride(from: 0, to: bytes.count - 1, by: 2) {
      groups.append(String(Int(bytes[index]) << 8 | Int(bytes[index + 1]), radix: 16))
    }
    // The usual short forms for the ones people meet: ::1 and ::.
    if groups.dropLast().allSatisfy({ $0 == "0" }) { return "::" + (groups.last == "0" ? "" : groups.last ?? "") }
    return groups.joined(separator: ":")
  }
}
