import Foundation
import LingkarFetch
import LingkarModel
import LingkarTestSupport
import Testing

/// The web's guard against fetching into the school's network: every connection, redirects
/// included, checked on the address libcurl is about to connect to. All on loopback.
@Suite struct AddressGuardTests {
  static func bytes(_ text: String) -> [UInt8] {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
    return []
  }

  @Test(
    "private, loopback, link-local, unique-local, multicast and unspecified addresses are private",
    arguments: [
      "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
      "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
      "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1",
    ])
  func privateAddresses(address: String) {
    #expect(AddressGuard.isPrivate(Self.bytes(address)))
  }

  @Test("public addresses are not", arguments: ["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111"])
  func publicAddresses(address: String) {
    #expect(!AddressGuard.isPrivate(Self.bytes(address)))
  }

  @Test(
    "connections to loopback are refused, by address or by a name resolving to it",
    arguments: ["127.0.0.1", "localhost", "[::1]", "lingkar-guard.localhost"])
  func refusedLoopback(host: String) throws {
    let url = "http://\(host):\(server.port)/feed/plain.xml"
    let response = try fetch(url) { $0.addressGuard = AddressGuard() }
    guard case .privateAddress(let address)? = failure(response) else {
      Issue.record("not refused: \(response.outcome)")
      return
    }
    #expect(address == "127.0.0.1" || address == "::1")
    // Without the guard (the command line, cron), the same address is fetched.
    if host == "127.0.0.1" || host == "localhost" { #expect(body(try fetch(url)) != nil) }
  }

  @Test("an allowed endpoint is fetched; a redirect from it to another loopback port is refused")
  func redirectFromAllowedSite() throws {
    let root = NSTemporaryDirectory() + "lingkar-guard-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let other = try PythonPeer(script: "test_server.py", arguments: [root])
    defer { other.stop() }
    let site = TestSite("guarded")
    site.feed("/feed", TestSite.rss(title: "Allowed", items: 2))
    site.redirect("/away", to: "http://127.0.0.1:\(other.port)/feed/plain.xml", status: 302)
    let allowed: Set<String> = ["127.0.0.1:\(server.port)"]

    #expect(body(try fetch(site.url("/feed")) { $0.addressGuard = AddressGuard(allowedEndpoints: allowed) }) != nil)
    let refused = try fetch(site.url("/away")) { $0.addressGuard = AddressGuard(allowedEndpoints: allowed) }
    #expect(failure(refused) == .privateAddress("127.0.0.1"))
    // The refusal is the guard's: with the other port allowed too, the redirect is followed.
    let both = allowed.union(["127.0.0.1:\(other.port)"])
    #expect(body(try fetch(site.url("/away")) { $0.addressGuard = AddressGuard(allowedEndpoints: both) }) != nil)
  }
}
