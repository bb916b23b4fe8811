import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LingkarTestSupport
import NIOCore
import Testing

@testable import LingkarWeb

/// Teachers adding feeds on the web while someone runs `lingkar feeds add` on the server: every
/// line arrives (both go through the feeds file's lock).
@Suite struct WebConcurrencyTests {
  static func binary() -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "lingkar")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/lingkar").path
  }

  @Test("concurrent adds from the web and the command line never lose a line of feeds.txt")
  func concurrentAdds() async throws {
    let fixture = try WebFixture()
    let count = 6
    let site = TestSite("many")
    for index in 0..<count { site.feed("/web-\(index).xml", TestSite.rss(title: "Web \(index)", items: 1)) }
    let cliURLs = (0..<count).map { "https://guru\($0).example/feed.xml" }
    try await fixture.app().test(.router) { client in
      let teacher = try await client.login(WebFixture.teacherCode)
      let processes = try cliURLs.map { url in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary())
        process.arguments = [
          "feeds", "add", url, "--no-check", "--by", "cron", "--feeds", fixture.configuration.feedsPath, "--db",
          fixture.configuration.databasePath,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<count {
          group.addTask {
            let response = try await client.post(
              "/feeds/confirm", [("url", site.url("/web-\(index).xml")), ("csrf", teacher.csrf)], teacher)
            #expect(response.status == .ok)
          }
        }
        try await group.waitForAll()
      }
      for process in processes {
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
      }
    }
    let lines = fixture.feedsText.split(separator: "\n")
    for index in 0..<count {
      #expect(lines.filter { $0.contains(site.url("/web-\(index).xml")) }.count == 1)
      #expect(lines.filter { $0.contains(cliURLs[index]) }.count == 1)
    }
    #expect(lines.count == 1 + 2 * count)
  }
}
