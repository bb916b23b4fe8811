import Foundation
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

/// Reads a digest.json and checks it has every key `cli.md` fixes, with the right types.
func checkDigestJSON(_ path: String) throws -> [String: Any] {
  let data = try #require(FileManager.default.contents(atPath: path))
  let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(json["generated"] is String)
  let period = try #require(json["period"] as? [String: Any])
  #expect(period["from"] is String && period["to"] is String)
  #expect(["id", "en"].contains(json["lang"] as? String))
  let items = try #require(json["items"] as? [[String: Any]])
  let keys = Set(items.compactMap { $0["key"] as? String })
  #expect(keys.count == items.count)
  for item in items {
    for key in ["key", "feed", "lang", "summary"] { #expect(item[key] is String, "\(key)") }
    // Social posts have no title; an item may have no link, id or date.
    for key in ["id", "title", "link", "published"] { #expect(item[key] is String || item[key] is NSNull, "\(key)") }
    #expect(item["comments"] is Int || item["comments"] is NSNull)
    #expect(["id", "en", "mixed"].contains(item["lang"] as? String))
    let topics = try #require(item["topics"] as? [[String: Any]])
    for topic in topics {
      #expect(topic["id"] is String && topic["score"] is Double)
      #expect(topic["matched"] is [String])
    }
    #expect(topics.map { $0["score"] as? Double ?? 0 } == topics.map { $0["score"] as? Double ?? 0 }.sorted(by: >))
    let duplicates = try #require(item["duplicates"] as? [String])
    #expect(duplicates.allSatisfy(keys.contains))
  }
  let topics = try #require(json["topics"] as? [[String: Any]])
  for topic in topics {
    #expect(topic["id"] is String && topic["label"] is String && topic["score"] is Double)
    #expect(try #require(topic["items"] as? [String]).allSatisfy(keys.contains))
  }
  #expect(topics.map { $0["score"] as? Double ?? 0 } == topics.map { $0["score"] as? Double ?? 0 }.sorted(by: >))
  let feeds = try #require(json["feeds"] as? [[String: Any]])
  for feed in feeds {
    #expect(feed["url"] is String)
    #expect(feed["title"] is String || feed["title"] is NSNull)
    #expect(
      feed["status"] is NSNull || ["ok", "not-modified", "failed", "gone", "moved"].contains(feed["status"] as? String))
    #expect(feed["error"] is String || feed["error"] is NSNull)
  }
  return json
}

@Suite("lingkar run, end to end")
struct DigestRunTests {
  let day = 86_400.0

  @Test("run twice through the loopback server: the second digest covers only the new items")
  func twoRuns() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let name = "e2e" + UUID().uuidString.prefix(8).lowercased()
    let first = Date(timeIntervalSince1970: 1_794_726_000)  // 2026-11-15T07:00:00Z
    let second = first.addingTimeInterval(7 * day)
    let query = "?first=\(Int(first.timeIntervalSince1970))&second=\(Int(second.timeIntervalSince1970 - 2 * day))"
    directory.write(
      "feeds.txt",
      """
      \(server.url("/gen/\(name)a.xml\(query)"))
      \(server.url("/gen/\(name)b.xml\(query)"))
      \(server.url("/status/404/\(name)"))
      """)
    var clock = first
    func run() throws -> FetchAndDigestRun.Result {
      var digest = DigestRunOptions(
        databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
        topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
      digest.language = .en
      return try FetchAndDigestRun(fetch: options(directory), digest: digest, now: { clock }).run()
    }

    let one = try run()
    #expect(one.fetch.failed == 1)
    #expect(one.digest.itemCount == 6)
    #expect(one.digest.period.to == first && one.digest.period.from == first.addingTimeInterval(-14 * day))
    #expect(
      one.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        == ["digest.html", "digest.md", "digest.txt", "digest-full.txt", "digest.json", "index.html", "feed.xml"])
    #expect(one.paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    #expect(one.digest.feedsNeedingAttention.map(\.feed.url) == [server.url("/status/404/\(name)")])
    #expect(!one.digest.suggestions.isEmpty)
    #expect(one.digest.suggestions.allSatisfy { (2...3).contains($0.prompts.count) && !$0.readings.isEmpty })
    let firstJSON = try checkDigestJSON(directory.file("output/2026-11-15/digest.json"))
    let firstKeys = Set((firstJSON["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String })
    #expect(firstKeys.count == 6)

    _ = server.get("/_generation/\(name)a/2")
    _ = server.get("/_generation/\(name)b/2")
    clock = second
    let two = try run()
    #expect(two.fetch.new == 4)
    #expect(two.digest.period.from == first && two.digest.period.to == second)
    #expect(two.digest.itemCount == 4)
    let secondJSON = try checkDigestJSON(directory.file("output/2026-11-22/digest.json"))
    let items = secondJSON["items"] as? [[String: Any]] ?? []
    #expect(items.count == 4)
    #expect(items.allSatisfy { !firstKeys.contains($0["key"] as? String ?? "") })
    #expect(
      items.allSatisfy {
        ($0["title"] as? String)?.contains(" 3)") == true || ($0["title"] as? String)?.contains(" 4)") == true
      })
    // The volume history carries the first digest's counts; the archive lists both digests.
    #expect(two.digest.volume.periodEnds == [first, second])
    #expect(two.paths.contains(directory.file("output/index.html")))
    let archive = try String(contentsOfFile: directory.file("output/index.html"), encoding: .utf8)
    #expect(archive.contains("2026-11-15/digest.html") && archive.contains("2026-11-22/digest.html"))
    #expect(try FeedStore(path: directory.file("lingkar.db")).digests().map(\.date) == ["2026-11-22", "2026-11-15"])
  }

  @Test("a rerun on the same day replaces that day's digest, and does not count it as the previous one")
  func sameDayRerun() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let name = "rerun" + UUID().uuidString.prefix(8).lowercased()
    let now = Date(timeIntervalSince1970: 1_794_726_000)
    directory.write("feeds.txt", server.url("/gen/\(name).xml?first=\(Int(now.timeIntervalSince1970))&second=0") + "\n")
    var digestOptions = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("topics.txt"), outputDirectory: directory.file("output"))
    _ = try FetchAndDigestRun(fetch: options(directory), digest: digestOptions, now: { now }).run()
    digestOptions.now = now.addingTimeInterval(3600)
    let again = try DigestRun(options: digestOptions).run()
    #expect(again.digest.period.from == now.addingTimeInterval(3600 - 14 * day))
    #expect(again.digest.itemCount == 3)
    #expect(try FeedStore(path: directory.file("lingkar.db")).digests().count == 1)
  }
}
