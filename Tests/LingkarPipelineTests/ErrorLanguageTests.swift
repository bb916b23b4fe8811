import Foundation
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

/// Every failure and problem Lingkar shows a person speaks the school's language, as cron runs it
/// (`language:` in lingkar.yaml, `LANG` unset): no English word in Indonesian output, no Indonesian
/// word in English output (issue 14).
@Suite("errors and the feeds commands speak the school's language")
struct ErrorLanguageTests {
  /// Runs the real binary in `directory`, `LANG` unset, with `language` in its lingkar.yaml.
  static func run(_ arguments: [String], in directory: TemporaryDirectory) throws
    -> (status: Int32, out: String, err: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.environment = SchoolLanguageTests.environment()
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
  }

  /// The words of the other language in `text`, which should be in `language`.
  static func foreign(_ text: String, _ language: DigestLanguage) -> [String] {
    language == .id ? LanguageCheck.englishWords(in: text) : LanguageCheck.indonesianWords(in: text)
  }

  /// `text` up to the quoted line of feeds.txt that starts with `address`.
  static func sentence(_ text: String, quoting address: String) -> String {
    text.range(of: address).map { String(text[..<$0.lowerBound]) } ?? text
  }

  static func folder(_ language: DigestLanguage) -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    directory.write("lingkar.yaml", "language: \(language.rawValue)\nutc_offset: WIB\n")
    return directory
  }

  @Test(
    "a bad line of feeds.txt and a 404 feed in lingkar run: stderr and the digest's feeds needing attention",
    arguments: [DigestLanguage.id, .en])
  func badLineAnd404(language: DigestLanguage) throws {
    let directory = Self.folder(language)
    defer { directory.remove() }
    let site = TestSite("errors")
    site.feed("/feed/", TestSite.rss(title: "Blog Bu Sari", items: 2))
    directory.write(
      "feeds.txt", "\(site.url("/feed/"))\nBlog Pak Dedi tanpa alamat\n\(site.url("/hilang.xml"))\n")
    let result = try Self.run(["run", "--quiet"], in: directory)
    #expect(result.status == 0, "\(result.err)")
    let lines = result.err.split(separator: "\n").map(String.init)
    let badLine = try #require(lines.first { $0.contains("feeds.txt:2") }, "\(result.err)")
    let missing = try #require(lines.first { $0.contains("/hilang.xml") }, "\(result.err)")
    #expect(missing.contains("404"))
    for line in [badLine, missing] { #expect(Self.foreign(line, language).isEmpty, "\(line)") }
    if language == .id {
      #expect(missing.contains("tidak ditemukan"), "\(missing)")
    } else {
      #expect(missing.contains("not found"), "\(missing)")
    }

    // The stored reason is a code, the digest says it in its own language.
    let store = try FeedStore(path: directory.file("lingkar.db"))
    #expect(try store.feedStates()[site.url("/hilang.xml")]?.error == "http:404")
    let folders = try FileManager.default.contentsOfDirectory(atPath: directory.file("output")).filter {
      CalendarDay($0) != nil
    }
    let folder = try #require(folders.first)
    let text = String(
      decoding: try #require(FileManager.default.contents(atPath: directory.file("output/\(folder)/digest.md"))),
      as: UTF8.self)
    let attention = text.split(separator: "\n").filter { $0.contains("404") || $0.contains("feeds.txt:2") }
    #expect(attention.count >= 2, "\(text)")
    for line in attention { #expect(Self.foreign(String(line), language).isEmpty, "\(line)") }
  }

  @Test(
    "a second run while another holds the lock: exit 3, in the school's language", arguments: [DigestLanguage.id, .en])
  func locked(language: DigestLanguage) throws {
    let directory = Self.folder(language)
    defer { directory.remove() }
    directory.write("feeds.txt", "# none yet\n")
    let lock = try RunLock(path: directory.file("lingkar.db.lock"), wait: 0)
    defer { withExtendedLifetime(lock) {} }
    let result = try Self.run(["run", "--quiet", "--lock-wait", "0"], in: directory)
    #expect(result.status == 3, "\(result.err)")
    #expect(!result.err.isEmpty)
    #expect(Self.foreign(result.err, language).isEmpty, "\(result.err)")
  }

  @Test("feeds add of a listed feed and feeds remove of an unknown one", arguments: [DigestLanguage.id, .en])
  func feedsCommands(language: DigestLanguage) throws {
    let directory = Self.folder(language)
    defer { directory.remove() }
    let site = TestSite("dua")
    site.feed("/feed/", TestSite.rss(title: "Blog Guru", items: 3))
    directory.write("feeds.txt", "# sumber sekolah\n")
    let added = try Self.run(["feeds", "add", site.url("/feed/"), "--by", "Sari"], in: directory)
    #expect(added.status == 0, "\(added.err)")
    let addedLine = try #require(added.out.split(separator: "\n").last.map(String.init))
    #expect(addedLine.contains("feeds.txt") && addedLine.contains(" 2"), "\(added.out)")
    // The sentence, not the line of feeds.txt it quotes after ": " (the file's own words and note).
    #expect(Self.foreign(Self.sentence(addedLine, quoting: site.url("/feed/")), language).isEmpty, "\(addedLine)")

    let twice = try Self.run(["feeds", "add", site.url("/feed/")], in: directory)
    #expect(twice.status == 1)
    #expect(twice.err.contains("feeds.txt") && twice.err.contains(" 2"), "\(twice.err)")
    #expect(Self.foreign(Self.sentence(twice.err, quoting: site.url("/feed/")), language).isEmpty, "\(twice.err)")

    let unknown = try Self.run(["feeds", "remove", "https://tidak-ada.example/feed/"], in: directory)
    #expect(unknown.status == 1)
    #expect(!unknown.err.isEmpty)
    #expect(Self.foreign(unknown.err, language).isEmpty, "\(unknown.err)")

    let line = try Self.run(["feeds", "remove", "1"], in: directory)
    #expect(line.status == 1)
    #expect(Self.foreign(line.err, language).isEmpty, "\(line.err)")

    let refused = try Self.run(["feeds", "add", "twitter:@guru"], in: directory)
    #expect(refused.status == 1)
    #expect(Self.foreign(refused.err, language).isEmpty, "\(refused.err)")
  }

  @Test(
    "a broken lingkar.yaml: file:line: problem, in the language the command line chose",
    arguments: [DigestLanguage.id, .en])
  func brokenSettings(language: DigestLanguage) throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("feeds.txt", "# none yet\n")
    directory.write("lingkar.yaml", "utc_offset: Jakarta\nmeeting:\n  weekday: someday\n")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lingkarBinary())
    process.arguments = ["run", "--quiet", "--lang", language.rawValue]
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.environment = SchoolLanguageTests.environment()
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "\(stderr)")
    // The first line may carry the program's name, as every failure of `run` does.
    let lines = stderr.split(separator: "\n").map { $0.hasPrefix("lingkar: ") ? String($0.dropFirst(9)) : String($0) }
    #expect(lines.contains { $0.hasPrefix("lingkar.yaml:1: ") }, "\(stderr)")
    #expect(lines.contains { $0.hasPrefix("lingkar.yaml:3: ") }, "\(stderr)")
    #expect(Self.foreign(stderr, language).isEmpty, "\(stderr)")
  }

  @Test("a bad --since is bad usage (exit 2) said in the school's language", arguments: [DigestLanguage.id, .en])
  func badSince(language: DigestLanguage) throws {
    let directory = Self.folder(language)
    defer { directory.remove() }
    directory.write("feeds.txt", "# none yet\n")
    let unknown = try Self.run(["digest", "--since", "kemarin"], in: directory)
    #expect(unknown.status == 2, "\(unknown.err)")
    #expect(unknown.err.contains(Message("cli.usage.since").text(in: language)), "\(unknown.err)")
    let future = try Self.run(["digest", "--since", "2099-01-01"], in: directory)
    #expect(future.status == 2, "\(future.err)")
    let said = Message("errors.since.future", ["day": "2099-01-01"]).text(in: language)
    #expect(future.err.contains(said), "\(future.err)")
    #expect(Self.foreign(said, language).isEmpty, "\(said)")
  }

  @Test("a feed's failure is stored as a code, read back as the same failure; older English rows stay as they were")
  func storedCodes() {
    let failures: [FetchFailure] = [
      .hostNotFound, .connectionRefused, .timedOut, .tls, .http(404), .http(418), .webPage, .tooLarge(limit: 4_000_000),
      .unreadable("empty"), .unreadable("not-a-feed:html"), .connectionBroken, .tooManyRedirects, .forbiddenAddress,
      .fileNotReadable, .waiting, .invalidAddress, .addressTooLong(limit: 8192), .notRegularFile(kind: "pipe"),
      .downloadFailed(curlCode: 56), .notFetched,
    ]
    for failure in failures {
      #expect(FetchFailure(code: failure.code) == failure, "\(failure.code)")
      for language in DigestLanguage.allCases {
        let text = failure.message.text(in: language)
        #expect(!text.contains("errors."), "\(failure.code): \(text)")
        #expect(Self.foreign(text, language).isEmpty, "\(failure.code) in \(language): \(text)")
      }
    }
    let old = "HTTP 404 (not found: the address may have changed)"
    #expect(FetchFailure(code: old) == .other(old))
    #expect(FetchFailure(code: old).message.text(in: .id) == old)
    #expect(
      DigestFeed(url: "x", status: .failed, error: "http:404").attention(asOf: Date()) == .failed(reason: .http(404)))
  }
}
