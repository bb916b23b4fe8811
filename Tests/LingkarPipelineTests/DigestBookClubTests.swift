import Foundation
import LingkarModel
import LingkarPipeline
import LingkarStore
import LingkarTestSupport
import Testing

@Suite("The digest shows the book club's chapter")
struct DigestBookClubTests {
  @Test("the chapter of the fortnight comes from the settings, with the items its themes match and not the others")
  func chapterAndRelatedItems() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12-02
    let store = try FeedStore(path: directory.file("lingkar.db"))
    let entries = [
      Entry(
        id: "baca", title: "Pojok baca kelas dari kardus bekas", link: "https://guru.example/baca",
        published: now.addingTimeInterval(-86_400),
        summary: "Pojok baca di kelas 4 dan membaca bersama setiap pagi sebelum pelajaran."),
      Entry(
        id: "asesmen", title: "Asesmen formatif dengan rubrik sederhana", link: "https://guru.example/asesmen",
        published: now.addingTimeInterval(-2 * 86_400),
        summary: "Rubrik penilaian dan umpan balik untuk asesmen formatif."),
    ]
    try store.seed(entries, time: now)
    directory.write(
      "lingkar.yaml",
      """
      book_club:
        title: Kelas yang Mendengarkan
        author: Dewi Lestari
        chapters:
          - number: 1
            title: Sudah lewat
            keywords: [asesmen formatif]
            date: 2026-11-19
          - number: 2
            title: Membaca bersama
            keywords: [pojok baca=3, membaca bersama=2]
            date: 2026-12-03
            leads: Bu Ratna

      """)
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("lingkar.yaml"))
    options.since = .days(14)
    options.now = now
    let written = try DigestRun(options: options).run()
    let digest = written.digest
    let club = try #require(digest.bookClub)
    #expect(club.bookTitle == "Kelas yang Mendengarkan" && club.bookAuthor == "Dewi Lestari")
    #expect(club.chapterNumber == 2 && club.chapterTitle == "Membaca bersama")
    #expect(club.date == CalendarDay("2026-12-03") && club.leader == "Bu Ratna")
    let keys = Dictionary(digest.items.map { ($0.entryID, $0.key) }, uniquingKeysWith: { first, _ in first })
    #expect(club.related.map(\.key) == [try #require(keys["baca"])])
    let related = try #require(club.related.first)
    #expect(related.score > 0)
    #expect(related.matched.contains("pojok baca"))
    // The chapter is scored in a ranking of its own: it is not one of the digest's topics.
    #expect(!digest.topics.contains { $0.id.hasPrefix("book-chapter-") })
    #expect(digest.items.allSatisfy { !$0.topics.contains { $0.topicID.hasPrefix("book-chapter-") } })

    // Every file shows it.
    let folder = (written.paths[0] as NSString).deletingLastPathComponent
    let json = try checkDigestJSON(folder + "/digest.json")
    let bookClub = try #require(json["book_club"] as? [String: Any])
    let chapter = try #require(bookClub["chapter"] as? [String: Any])
    #expect(chapter["number"] as? Int == 2 && chapter["date"] as? String == "2026-12-03")
    let relatedJSON = try #require(bookClub["related"] as? [[String: Any]])
    #expect(relatedJSON.compactMap { $0["key"] as? String } == club.related.map(\.key))
    // (Not the short message for the groups, digest.txt: three topics and the meeting, nothing more.)
    for name in ["digest.html", "digest.md", "digest-full.txt"] {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      #expect(text.contains("Membaca bersama") && text.contains("Pojok baca kelas dari kardus bekas"), "\(name)")
    }

    // Without a settings file there is no book-club section.
    options.settingsPath = directory.file("missing.yaml")
    #expect(try DigestRun(options: options).run().digest.bookClub == nil)
  }

  @Test("a settings file with errors stops the digest with the file's problems")
  func badSettings() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write(
      "lingkar.yaml", "book_club:\n  title: B\n  chapters:\n    - number: 1\n      title: A\n      date: 2026-02-30\n")
    var options = DigestRunOptions(
      databasePath: directory.file("lingkar.db"), feedsPath: directory.file("feeds.txt"),
      topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"),
      settingsPath: directory.file("lingkar.yaml"))
    options.now = Date(timeIntervalSince1970: 1_796_000_000)
    #expect { try DigestRun(options: options).run() } throws: { error in
      ((error as? LingkarFailure)?.said.text(in: .en) ?? "").contains("chapters.date must be a date YYYY-MM-DD")
    }
  }
}
