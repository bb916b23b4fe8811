import Foundation
import LingkarDigest
import LingkarModel
import LingkarStore
import LingkarTestSupport
import Synchronization
import Testing

@testable import LingkarPipeline

@Suite("DigestWriter: every file, atomically, replaced on a rerun")
struct DigestWriterTests {
  static func day(_ day: Int, month: Int = 11) -> Date {
    var components = DateComponents(year: 2026, month: month, day: day)
    components.timeZone = TimeZone(identifier: "UTC")
    // Used where nothing can throw (static fixtures): a day that does not exist fails the test instead.
    guard let date = Calendar(identifier: .gregorian).date(from: components) else {
      Issue.record("not a fixture day: 2026-\(month)-\(day)")
      return Date(timeIntervalSince1970: 0)
    }
    return date
  }

  static func digest(ending end: Int, titles: [String], language: DigestLanguage = .id) -> Digest {
    let items = titles.enumerated().map { index, title in
      DigestItem(
        key: "k\(end)-\(index)", feedURL: "https://blog\(index % 2).example/feed", feedTitle: "Blog \(index % 2)",
        title: title, link: "https://blog\(index % 2).example/\(index)", published: day(end - 1), language: "id",
        summary: "Ringkasan \(title)",
        topics: [ItemTopicMatch(topicID: "literacy", score: 0.8, matched: ["literasi"])])
    }
    let topic = DigestTopic(
      id: "literacy", label: BilingualText(id: "Literasi dan Numerasi Siswa", en: "Student Literacy and Numeracy"),
      score: 1.5,
      breakdown: TopicScoreBreakdown(
        relevance: 1.6, capped: 1.2, sources: 2, sourcesAtCap: 0, recency: 0.9, engagement: 1, spread: 1.25, novelty: 1),
      items: items.map(\.key))
    return Digest(
      period: DigestPeriod(from: day(end - 14), to: day(end), generated: day(end)), language: language,
      utcOffset: 7 * 3600,
      suggestions: [TopicSuggestion(topicID: "literacy", readings: items.prefix(2).map(\.key), prompts: [])],
      topics: [topic], items: items,
      feeds: [DigestFeed(url: "https://blog0.example/feed", title: "Blog 0", status: .ok, lastItem: day(end - 1))])
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func leftovers(in directory: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
    return all.filter { $0.contains(".lingkar-tmp-") }
  }

  @Test("writes the five digest files, the archive and the feed, each complete")
  func writesEverything() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    let digest = Self.digest(ending: 29, titles: ["Pojok baca", "Klub buku guru", "Numerasi kelas 3"])
    let paths = try DigestWriter(outputDirectory: output).write(digest)
    let folder = "\(output)/2026-11-29"
    #expect(
      paths == ["digest.html", "digest.md", "digest.txt", "digest-full.txt", "digest.json"].map { "\(folder)/\($0)" }
        + ["\(output)/index.html", "\(output)/feed.xml"])
    #expect(Self.read(paths[0]) == HTMLRenderer().render(digest))
    #expect(Self.read(paths[1]) == MarkdownRenderer().render(digest))
    // The short message sends its readers to the page on this machine (no site address is set).
    let page = URL(fileURLWithPath: folder + "/digest.html").standardizedFileURL.path
    #expect(Self.read(paths[2]) == ShortTextRenderer(fullDigestLink: page).render(digest))
    #expect(Self.read(paths[2])?.hasSuffix(page + "\n") == true)
    #expect(Self.read(paths[3]) == TextRenderer().render(digest))
    #expect(Self.read(paths[4]) == JSONRenderer().render(digest))
    #expect(Self.read(paths[5]) == ArchiveRenderer().render([ArchiveEntry(digest)], language: .id))
    #expect(Self.read(paths[6])?.contains("<entry xml:lang=\"id\">") == true)
    #expect(Self.leftovers(in: output).isEmpty)
  }

  @Test("rerunning for the same date replaces the same files; the archive and feed list every date once")
  func rerunReplaces() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    // The store's records, as `DigestRun` passes them: the writer reads nothing back from output/.
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let writer = DigestWriter(outputDirectory: output)
    let feedIDStored = "urn:uuid:0b7c3e5a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"
    func write(_ digest: Digest) throws -> [String] {
      let paths = try writer.write(digest, earlier: try store.allDigests(), feedID: feedIDStored)
      try store.recordDigest(DigestBuilder.record(digest, files: paths))
      return paths
    }
    _ = try write(Self.digest(ending: 15, titles: ["Asesmen formatif"]))
    let first = try write(Self.digest(ending: 29, titles: ["Pojok baca"]))
    let feedBefore = try #require(Self.read("\(output)/feed.xml"))
    let second = try write(Self.digest(ending: 29, titles: ["Pojok baca", "Literasi digital"]))
    #expect(first == second)
    #expect(Self.read(second[0])?.contains("Literasi digital") == true)
    #expect(Self.read(second[3])?.contains("Literasi digital") == true)

    let folders = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(folders == ["2026-11-15", "2026-11-29", "feed.xml", "index.html"])
    let archive = try store.allDigests().map(ArchiveEntry.init)
    #expect(archive.map(\.date) == ["2026-11-15", "2026-11-29"])
    #expect(archive.map(\.itemCount) == [1, 2])
    #expect(archive.map(\.suggestedTopics) == [["Literasi dan Numerasi Siswa"], ["Literasi dan Numerasi Siswa"]])

    let index = try #require(Self.read("\(output)/index.html"))
    #expect(index.components(separatedBy: "<li>").count - 1 == 2)
    let feed = try #require(Self.read("\(output)/feed.xml"))
    #expect(feed.components(separatedBy: "<entry ").count - 1 == 2)
    // Subscribers keep one feed: its id survives reruns.
    let feedID = { (xml: String) in xml.components(separatedBy: "<id>")[1].components(separatedBy: "</id>")[0] }
    #expect(feedID(feed) == feedID(feedBefore))
    #expect(feedID(feed).hasPrefix("urn:uuid:"))
    #expect(Self.leftovers(in: output).isEmpty)
  }

  @Test("a reader never sees a half-written file while the digest is rewritten")
  func readersSeeWholeFiles() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.file("output")
    let writer = DigestWriter(outputDirectory: output)
    let versions = (1...4).map { n in Self.digest(ending: 29, titles: (0..<(n * 40)).map { "Tulisan \($0) versi \(n)" })
    }
    let expected = Set(versions.map { HTMLRenderer().render($0) })
    try writer.write(versions[0])
    let path = "\(output)/2026-11-29/digest.html"
    let done = Atomic<Bool>(false)
    let partial = Atomic<Int>(0)
    let reads = Atomic<Int>(0)
    let reader = Thread {
      while !done.load(ordering: .acquiring) {
        if let text = Self.read(path) {
          reads.add(1, ordering: .relaxed)
          if !expected.contains(text) { partial.add(1, ordering: .relaxed) }
        }
      }
    }
    reader.start()
    for round in 0..<40 { try writer.write(versions[round % versions.count]) }
    done.store(true, ordering: .releasing)
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    #expect(reads.load(ordering: .relaxed) > 0)
    #expect(partial.load(ordering: .relaxed) == 0)
    #expect(Self.leftovers(in: output).isEmpty)
  }

  @Test("an output path that cannot be a folder fails with a clear error and leaves nothing behind")
  func unwritable() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("output", "not a folder")
    let error = try #require(throws: DigestWriteError.self) {
      try DigestWriter(outputDirectory: directory.file("output")).write(Self.digest(ending: 29, titles: ["x"]))
    }
    #expect(error.description.contains("--output"))
    #expect(Self.leftovers(in: directory.path).isEmpty)
  }
}
