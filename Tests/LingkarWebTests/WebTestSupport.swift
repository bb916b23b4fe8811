import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import NIOCore
import Testing

@testable import LingkarWeb

/// One school's files in a temporary folder, with both passcodes set, and the server over them.
struct WebFixture {
  static let teacherCode = "guru-kelas"
  static let facilitatorCode = "fasil-rapat"

  let directory = TemporaryDirectory()
  var configuration = WebServer.Configuration()

  init() throws {
    configuration.databasePath = directory.file("lingkar.db")
    configuration.feedsPath = directory.file("feeds.txt")
    configuration.topicsPath = directory.file("topics.txt")
    configuration.settingsPath = directory.file("lingkar.yaml")
    configuration.outputDirectory = directory.file("output")
    // Tests' sites live on the loopback test server: that one endpoint is allowed, nothing else.
    configuration.allowedEndpoints = ["127.0.0.1:\(TestServer.shared.port)"]
    directory.write("feeds.txt", "# the school's feeds\n")
    try Passcodes.set(role: "teacher", passcode: Self.teacherCode, databasePath: configuration.databasePath, cost: 4)
    try Passcodes.set(
      role: "facilitator", passcode: Self.facilitatorCode, databasePath: configuration.databasePath, cost: 4)
  }

  func app() throws -> some ApplicationProtocol {
    Application(responder: try WebServer(configuration: configuration).responder())
  }

  var feedsText: String { (try? String(contentsOfFile: configuration.feedsPath, encoding: .utf8)) ?? "" }

  /// A digest recorded in the store, its items and feed titled with markup and a `javascript:` link.
  func recordHostileDigest() throws -> String {
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30
    let store = try FeedStore(path: configuration.databasePath)
    let entries = [
      Entry(
        id: "a", title: "<script>alert('a')</script> Literasi membaca di kelas", link: "javascript:alert(1)",
        published: now.addingTimeInterval(-86_400),
        summary: "Pojok baca <img src=x onerror=alert(1)> dan membaca bersama setiap pagi."),
      Entry(
        id: "b", title: "Asesmen formatif \"rubrik\" <b>sederhana</b>", link: "https://guru.example/asesmen",
        published: now.addingTimeInterval(-2 * 86_400), summary: "Rubrik penilaian untuk asesmen formatif."),
      Entry(
        id: "c", title: "Literasi: membaca nyaring", link: "https://guru.example/literasi",
        published: now.addingTimeInterval(-3 * 86_400), summary: "Membaca nyaring dan literasi anak."),
    ]
    try store.seed(entries, time: now, title: "<script>alert('feed')</script>Guru")
    var options = DigestRunOptions(
      databasePath: configuration.databasePath, feedsPath: configuration.feedsPath,
      topicsPath: configuration.topicsPath, outputDirectory: configuration.outputDirectory,
      settingsPath: configuration.settingsPath)
    options.since = .days(14)
    options.now = now
    return try DigestRun(options: options).run().digest.dateStamp
  }
}

/// A logged-in browser: its cookie and the form token of its session.
struct Visitor {
  var cookie: String
  var csrf: String
}

let formType = "application/x-www-form-urlencoded"

func form(_ fields: [(String, String)]) -> ByteBuffer {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  return ByteBuffer(
    string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(
      separator: "&"))
}

extension TestClientProtocol {
  func get(_ uri: String, _ visitor: Visitor? = nil) async throws -> TestResponse {
    var headers = HTTPFields()
    if let visitor { headers[.cookie] = visitor.cookie }
    return try await execute(uri: uri, method: .get, headers: headers)
  }

  func post(_ uri: String, _ fields: [(String, String)], _ visitor: Visitor? = nil, headers extra: HTTPFields = [:])
    async throws -> TestResponse
  {
    var headers = extra
    headers[.contentType] = formType
    if let visitor { headers[.cookie] = visitor.cookie }
    return try await execute(uri: uri, method: .post, headers: headers, body: form(fields))
  }

  /// Logs in and reads the session's form token from a page with a form.
  func login(_ passcode: String, name: String = "Bu Sari") async throws -> Visitor {
    let response = try await post("/login", [("passcode", passcode), ("name", name)])
    #expect(response.status == .seeOther)
    let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
    let page = try await get("/feeds/new", Visitor(cookie: cookie, csrf: ""))
    let csrf = try #require(csrfToken(in: String(buffer: page.body)))
    return Visitor(cookie: cookie, csrf: csrf)
  }
}

func csrfToken(in html: String) -> String? {
  guard let start = html.range(of: "name=\"csrf\" value=\"") else { return nil }
  let rest = html[start.upperBound...]
  return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }
