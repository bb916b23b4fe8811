import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import LingkarWeb

/// `/` answered before the router (`ReadyPages`): the same page as the router's, and never one made
/// for a session that has since changed.
@Suite struct WebReadyPagesTests {
  /// The request a browser holding `visitor`'s cookie sends for `path`.
  static func request(_ path: String, _ visitor: Visitor) -> Request {
    Request(
      head: HTTPRequest(
        method: .get, scheme: "http", authority: "127.0.0.1", path: path, headerFields: [.cookie: visitor.cookie]),
      body: .init(buffer: ByteBuffer()))
  }

  @Test("a reader's second / is her first one, byte for byte, headers included")
  func sameAsTheRouters() async throws {
    let fixture = try WebFixture()
    _ = try fixture.recordHostileDigest()
    let server = try WebServer(configuration: fixture.configuration)
    try await Application(responder: server.responder()).test(.router) { client in
      let sari = try await client.login(WebFixture.teacherCode)
      #expect(server.readyPage(Self.request("/", sari)) == nil)
      let first = try await client.get("/", sari)
      #expect(first.status == .ok)
      #expect(server.readyPage(Self.request("/", sari)) != nil)
      // Only `/` itself: a query or another page goes to the router.
      #expect(server.readyPage(Self.request("/?lang=en", sari)) == nil)
      #expect(server.readyPage(Self.request("/topics", sari)) == nil)
      let second = try await client.get("/", sari)
      #expect(second.status == .ok)
      #expect(second.body == first.body)
      let names: [HTTPField.Name] = [
        .contentType, .contentLength, .cacheControl, .contentSecurityPolicy, .xContentTypeOptions,
        HTTPField.Name("Referrer-Policy")!, .setCookie,
      ]
      for name in names { #expect(second.headers[name] == first.headers[name], "\(name)") }
      #expect(second.headers[.contentLength] == "\(second.body.readableBytes)")
      // Another teacher gets her own page (her name and form token are in it), not Bu Sari's.
      let ani = try await client.login(WebFixture.teacherCode, name: "Bu Ani")
      let hers = text(try await client.get("/", ani))
      #expect(hers.contains("Bu Ani") && !hers.contains("Bu Sari"))
      #expect(text(try await client.get("/", ani)) == hers)
    }
  }

  @Test("a kept / is not sent once the session changed: another language, a logout")
  func followsTheSession() async throws {
    let fixture = try WebFixture()
    _ = try fixture.recordHostileDigest()
    let server = try WebServer(configuration: fixture.configuration)
    try await Application(responder: server.responder()).test(.router) { client in
      let sari = try await client.login(WebFixture.teacherCode)
      #expect(text(try await client.get("/", sari)).contains("Usulan topik"))
      #expect(server.readyPage(Self.request("/", sari)) != nil)
      // English chosen on another page: the Indonesian page kept for `/` is no longer sent.
      _ = try await client.get("/topics?lang=en", sari)
      #expect(server.readyPage(Self.request("/", sari)) == nil)
      let english = text(try await client.get("/", sari))
      #expect(english.contains("Suggested topics") && english.contains("<html lang=\"en\""))
      #expect(text(try await client.get("/", sari)) == english)
      // Logged out: the way to the login, not the page kept for her.
      let logout = try await client.post("/logout", [("csrf", sari.csrf)], sari)
      #expect(logout.status == .seeOther)
      #expect(server.readyPage(Self.request("/", sari)) == nil)
      let after = try await client.get("/", sari)
      #expect(after.status == .seeOther && after.headers[.location] == "/login")
    }
  }

  @Test("a kept / lasts until the end of the school's day")
  func endOfDay() {
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30 ~ 00:53 UTC, 07:53 in Jakarta
    let end = ReadyPages.endOfDay(now, offset: 7 * 3600)
    #expect(end.timeIntervalSince1970 == 1_796_058_000)  // 2026-12-01 00:00 in Jakarta
    #expect(ReadyPages.endOfDay(end, offset: 7 * 3600) == end.addingTimeInterval(86_400))
    #expect(ReadyPages.endOfDay(now, offset: 0).timeIntervalSince1970 == 1_796_083_200)
  }
}
