import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LingkarModel
import LingkarPipeline
import LingkarTestSupport
import NIOCore
import Testing

@testable import LingkarWeb

/// Login, sessions, roles, form tokens and the headers of docs/web.md, "Safety".
@Suite struct WebSecurityTests {
  static let memberPages = [
    "/", "/archive", "/archive/2026-11-30", "/feeds", "/feeds/new", "/topics", "/meeting", "/meeting/agenda",
    "/share", "/board",
  ]
  static let changingForms = ["/logout", "/feeds/new", "/feeds/confirm", "/share", "/topics/vote", "/meeting"]

  @Test("/healthz answers ok without a login, with the safety headers")
  func healthz() async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let response = try await client.get("/healthz")
      #expect(response.status == .ok && text(response) == "ok\n")
      let policy = try #require(response.headers[.contentSecurityPolicy])
      #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("script-src"))
      #expect(policy.contains("default-src 'none'"))
      #expect(response.headers[.xContentTypeOptions] == "nosniff")
    }
  }

  @Test("without a session every page leads to /login", arguments: memberPages)
  func noSession(path: String) async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let response = try await client.get(path)
      #expect(response.status == .seeOther)
      #expect(response.headers[.location] == "/login")
    }
  }

  @Test("a POST without a session changes nothing and leads to /login", arguments: changingForms)
  func noSessionPost(path: String) async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let response = try await client.post(path, [("url", "https://guru.example/feed"), ("csrf", "x")])
      #expect(response.status == .seeOther && response.headers[.location] == "/login")
    }
    #expect(fixture.feedsText == "# the school's feeds\n")
  }

  @Test("a wrong passcode gets the form again with 401; the right one a session cookie")
  func login() async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let page = try await client.get("/login")
      #expect(page.status == .ok && text(page).contains("name=\"passcode\"") && text(page).contains("name=\"name\""))
      let wrong = try await client.post("/login", [("passcode", "salah-kode"), ("name", "Bu Sari")])
      #expect(wrong.status == .unauthorized)
      #expect(text(wrong).contains("Kode salah") && text(wrong).contains("name=\"passcode\""))
      #expect(wrong.headers[.setCookie] == nil)
      let right = try await client.post("/login", [("passcode", WebFixture.teacherCode), ("name", "Bu Sari")])
      #expect(right.status == .seeOther && right.headers[.location] == "/")
      let cookie = try #require(right.headers[.setCookie])
      #expect(cookie.hasPrefix("lingkar_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
      #expect(!cookie.contains("Secure"))
      let visitor = Visitor(cookie: String(cookie.split(separator: ";")[0]), csrf: "")
      let home = try await client.get("/feeds", visitor)
      #expect(home.status == .ok && text(home).contains("Bu Sari"))
    }
  }

  @Test("behind https (--public-url) the session cookie is Secure")
  func secureCookie() async throws {
    var fixture = try WebFixture()
    fixture.configuration.publicURL = "https://lingkar.sekolah.sch.id"
    try await fixture.app().test(.router) { client in
      let right = try await client.post("/login", [("passcode", WebFixture.teacherCode), ("name", "Bu Sari")])
      #expect(try #require(right.headers[.setCookie]).contains("Secure"))
    }
  }

  @Test("the 11th wrong passcode in a minute from one client gets 429, even when right; others are not held up")
  func loginLimit() async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let proxy: HTTPFields = [try #require(HTTPField.Name("X-Forwarded-For")): "203.0.113.7"]
      for _ in 0..<10 {
        let wrong = try await client.post("/login", [("passcode", "tebak"), ("name", "x")], headers: proxy)
        #expect(wrong.status == .unauthorized)
      }
      let eleventh = try await client.post("/login", [("passcode", "tebak"), ("name", "x")], headers: proxy)
      #expect(eleventh.status == .tooManyRequests)
      let right = try await client.post(
        "/login", [("passcode", WebFixture.teacherCode), ("name", "x")], headers: proxy)
      #expect(right.status == .tooManyRequests && right.headers[.setCookie] == nil)
      let other: HTTPFields = [try #require(HTTPField.Name("X-Forwarded-For")): "203.0.113.8"]
      let elsewhere = try await client.post(
        "/login", [("passcode", WebFixture.teacherCode), ("name", "x")], headers: other)
      #expect(elsewhere.status == .seeOther)
    }
  }

  @Test("a POST without the session's csrf is refused with 403 and changes nothing", arguments: changingForms)
  func csrf(path: String) async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let visitor = try await client.login(WebFixture.facilitatorCode)
      let fields = [("url", "https://guru.example/feed"), ("topic", "literacy"), ("date", "2026-12-03")]
      let missing = try await client.post(path, fields, visitor)
      #expect(missing.status == .forbidden)
      let wrong = try await client.post(path, fields + [("csrf", "not-the-token")], visitor)
      #expect(wrong.status == .forbidden)
      // Still logged in (the refused /logout ended nothing), nothing picked.
      #expect(try await client.get("/feeds", visitor).status == .ok)
      #expect(try PickRun(databasePath: fixture.configuration.databasePath).list().isEmpty)
    }
    #expect(fixture.feedsText == "# the school's feeds\n")
  }

  @Test("a teacher may not pick topics or open the facilitator's pages (403)")
  func teacherRole() async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode)
      let post = try await client.post(
        "/meeting", [("topic", "literacy"), ("date", "2026-12-03"), ("csrf", teacher.csrf)], teacher)
      #expect(post.status == .forbidden)
      for path in ["/meeting", "/meeting/agenda", "/board"] {
        #expect(try await client.get(path, teacher).status == .forbidden)
      }
      #expect(!text(try await client.get("/", teacher)).contains("href=\"/meeting\""))
    }
    #expect(try PickRun(databasePath: fixture.configuration.databasePath).list().isEmpty)
  }

  @Test("logging out ends the session")
  func logout() async throws {
    let fixture = try WebFixture()
    try await fixture.app().test(.router) { client in
      let visitor = try await client.login(WebFixture.teacherCode)
      let out = try await client.post("/logout", [("csrf", visitor.csrf)], visitor)
      #expect(out.status == .seeOther && out.headers[.location] == "/login")
      #expect(try await client.get("/feeds", visitor).status == .seeOther)
    }
  }

  @Test("a session survives a restart of the server (the same database)")
  func sessionSurvivesRestart() async throws {
    let fixture = try WebFixture()
    let kept = try await fixture.app().test(.router) { client in
      try await client.login(WebFixture.teacherCode)
    }
    // A new server: its own connection to the same file, nothing in memory carried over.
    try await fixture.app().test(.router) { client in
      let page = try await client.get("/feeds/new", kept)
      #expect(page.status == .ok)
      #expect(csrfToken(in: text(page)) == kept.csrf)
    }
  }

  @Test("with no passcode set the server refuses to start and says how to set one")
  func noPasscode() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    var configuration = WebServer.Configuration()
    configuration.databasePath = directory.file("lingkar.db")
    configuration.settingsPath = directory.file("lingkar.yaml")
    let server = try WebServer(configuration: configuration)
    #expect { try server.checkPasscodes() } throws: { error in
      ((error as? LingkarFailure)?.said.text(in: .en) ?? "").contains("lingkar passcode set teacher")
    }
  }

  @Test("passcodes are stored hashed, never as typed")
  func hashed() throws {
    let fixture = try WebFixture()
    let hashes = try WebStore(path: fixture.configuration.databasePath).passcodeHashes()
    #expect(Set(hashes.keys) == ["teacher", "facilitator"])
    #expect(hashes.values.allSatisfy { $0.hasPrefix("$2") && !$0.contains(WebFixture.teacherCode) })
    let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.configuration.databasePath))
    #expect(bytes.range(of: Data(WebFixture.teacherCode.utf8)) == nil)
  }
}
