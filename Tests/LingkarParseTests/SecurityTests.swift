import Foundation
import Glibc
import LingkarModel
import LingkarParse
import Testing

/// A TCP socket listening on 127.0.0.1 on a free port, to catch any connection the parser makes.
final class Listener {
  let socket: Int32
  let port: UInt16

  init() throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(bound == 0)
    try #require(listen(socket, 16) == 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    try #require(named == 0)
    _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    self.socket = socket
    self.port = UInt16(bigEndian: address.sin_port)
  }

  deinit { close(socket) }

  /// How many connections are waiting to be accepted (each is accepted and closed).
  func connectionsMade() -> Int {
    var count = 0
    while true {
      let client = accept(socket, nil, nil)
      if client < 0 { break }
      close(client)
      count += 1
    }
    return count
  }
}

@Suite("Security")
struct SecurityTests {
  @Test("does not expand a billion-laughs document, and finishes quickly")
  func billionLaughs() throws {
    let bytes = try Fixture.bytes("billion_laughs.xml")
    let memoryBefore = Self.maxResidentKilobytes()
    let parsed = try FeedParser.parse(bytes)
    #expect(Self.maxResidentKilobytes() - memoryBefore < 100_000)
    #expect(parsed.format == .rss20)
    #expect(parsed.link == "https://lol.example.com/")
    #expect((parsed.title ?? "").count < 1000)
    #expect((parsed.description ?? "").count < 1000)
    #expect(!(parsed.title ?? "").contains("lollol"))
    let item = try entry(parsed, 0)
    #expect((item.title ?? "").count < 1000)
    #expect((item.summary ?? "").count < 1000)
    #expect(item.link == "https://lol.example.com/1")
  }

  @Test("does not expand quadratic blowup (one big entity used many times) beyond a budget")
  func quadraticBlowup() throws {
    let big = String(repeating: "x", count: 100_000)
    let uses = String(repeating: "&big;", count: 5_000)
    let text = """
      <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "\(big)">]>
      <rss version="2.0"><channel><title>Kuis</title><description>\(uses)</description></channel></rss>
      """
    let document: FeedDocument? = try parse(text)
    let description = try #require(document).description ?? ""
    #expect(description.utf8.count < 5_000_000)  // 500 MB if every use were expanded
    #expect(try #require(document).title == "Kuis")
  }

  @Test("never reads a local file named by an external entity or an external DTD")
  func fileEntity() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lingkar-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = "RAHASIA-\(UUID().uuidString)"
    let secretFile = directory.appendingPathComponent("secret.txt")
    try Data(secret.utf8).write(to: secretFile)
    let dtdFile = directory.appendingPathComponent("evil.dtd")
    try Data(#"<!ENTITY fromdtd "\#(secret)">"#.utf8).write(to: dtdFile)

    let fromFixture = try Fixture.text("xxe_file_entity.xml").replacingOccurrences(
      of: "SECRET_URL", with: secretFile.absoluteString)
    let withDTD = """
      <?xml version="1.0"?>
      <!DOCTYPE rss SYSTEM "\(dtdFile.absoluteString)">
      <rss version="2.0"><channel><title>Guru &fromdtd;</title><item><title>a &fromdtd;</title></item></channel></rss>
      """
    let parameterDTD = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY % ext SYSTEM "\(dtdFile.absoluteString)"> %ext;]>
      <rss version="2.0"><channel><title>Guru &fromdtd;</title></channel></rss>
      """
    for text in [fromFixture, withDTD, parameterDTD] {
      let document = try parse(text)
      #expect(document.format == .rss20)
      #expect(!document.normalizedJSON().contains(secret))
      #expect(!document.entries.contains { $0.language?.contains(secret) == true })
    }
    let document = try parse(fromFixture)
    #expect(document.title == "Blog Guru")
    #expect(try entry(document, 0).title == "Kuis hari ini")
    #expect(try entry(document, 0).link == "https://xxe.example.com/kuis")
  }

  @Test("never connects to a server named by an external entity or DTD")
  func networkEntity() throws {
    let listener = try Listener()
    let url = "http://127.0.0.1:\(listener.port)/x"
    let documents = [
      """
      <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY remote SYSTEM "\(url)">]>
      <rss version="2.0"><channel><title>Guru &remote;</title><item><title>&remote;</title></item></channel></rss>
      """,
      """
      <?xml version="1.0"?><!DOCTYPE rss SYSTEM "\(url).dtd">
      <rss version="2.0"><channel><title>Guru &remote;</title></channel></rss>
      """,
      """
      <?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Lingkar//Test//EN" "\(url)-public.dtd">
      <rss version="2.0"><channel><title>Guru</title></channel></rss>
      """,
      """
      <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "\(url)-pe"> %remote;]>
      <rss version="2.0"><channel><title>Guru</title></channel></rss>
      """,
      """
      <?xml version="1.0"?>
      <rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>Guru</title>
      <xi:include href="\(url)-xinclude"/></channel></rss>
      """,
    ]
    for text in documents {
      let document = try parse(text)
      #expect(document.title?.hasPrefix("Guru") == true)
      #expect(try FeedParser.Session().finishing(text).title == document.title)
    }
    // Give any stray connection attempt time to land in the backlog before looking.
    usleep(100_000)
    #expect(listener.connectionsMade() == 0)
  }

  @Test("the listener used above does see a real connection")
  func listenerWorks() throws {
    let listener = try Listener()
    let client = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(client) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = listener.port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    #expect(connected == 0)
    usleep(50_000)
    #expect(listener.connectionsMade() == 1)
  }

  static func maxResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
  }
}

extension FeedParser.Session {
  /// Feeds a whole string in 5-byte chunks and finishes (the incremental path of the same check).
  fileprivate func finishing(_ text: String) throws -> FeedDocument {
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
      let end = min(start + 5, bytes.count)
      bytes[start..<end].withUnsafeBytes { consume($0) }
      start = end
    }
    return try finish()
  }
}
