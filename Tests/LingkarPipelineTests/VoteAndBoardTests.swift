import Foundation
import LingkarDigest
import LingkarModel
import LingkarQR
import LingkarStore
import LingkarTestSupport
import Testing

@testable import LingkarPipeline

@Suite("lingkar topics vote: one vote per person per topic per meeting, a second one takes it back")
struct VoteRunTests {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)

  @Test("votes toggle per person (any spelling of the name), per topic and per meeting; names resolve as pick's")
  func toggles() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = VoteRun(databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"))
    let meeting = try #require(CalendarDay("2026-12-10"))
    let next = try #require(CalendarDay("2026-12-24"))
    let first = try run.vote("asesmen", by: "Bu Ani", meeting: meeting, now: Self.now)
    #expect(first.topicID == "assessment")
    #expect(first.counted && first.count == 1)
    #expect(first.message.text(in: .en).contains("1 vote."))
    #expect(try run.vote("assessment", by: "Pak Dedi", meeting: meeting).count == 2)
    #expect(try run.vote("literasi", by: "Pak Dedi", meeting: meeting).count == 1)
    #expect(try run.vote("assessment", by: "Bu Ani", meeting: next).count == 1)
    let back = try run.vote("Assessment", by: "bu  ani", meeting: meeting)
    #expect(!back.counted && back.count == 1)
    #expect(back.message.key == "cli.vote.withdrawn")
    #expect(try run.votes(meeting: meeting).counts == ["assessment": 1, "literacy": 1])
    #expect(try run.votes(meeting: meeting, voter: "PAK DEDI") == ["assessment", "literacy"])
    let again = try run.vote("assessment", by: "Bu Ani", meeting: meeting)
    #expect(again.counted && again.count == 2)
    let unknown = SharingTests.failure { _ = try run.vote("zzzz", by: "Bu Ani", meeting: meeting) }
    #expect(unknown?.kind == .badUsage)
    #expect(unknown?.said.key == "cli.vote.unknown_list")
  }

  @Test("the counts are shown beside the ranking: lingkar topics (text and JSON) and digest.json")
  func shownWhereThePickIsMade() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let database = directory.file("lingkar.db")
    try FeedStore(path: database).seed(
      [
        Entry(
          id: "1", title: "Asesmen formatif dan umpan balik di kelas", link: "https://guru.example/1",
          summary: "Asesmen formatif, rubrik penilaian dan umpan balik untuk siswa."),
        Entry(
          id: "2", title: "Rubrik penilaian asesmen diagnostik", link: "https://guru.example/2",
          summary: "Asesmen diagnostik dan rubrik penilaian di sekolah."),
      ], time: Self.now - 3600)
    let meeting = try #require(CalendarDay("2026-12-10"))
    let run = VoteRun(databasePath: database, topicsPath: directory.file("none.txt"))
    _ = try run.vote("assessment", by: "Bu Ani", meeting: meeting)
    _ = try run.vote("assessment", by: "Pak Dedi", meeting: meeting)

    var topicOptions = TopicRunOptions(databasePath: database, topicsPath: directory.file("none.txt"), now: Self.now)
    topicOptions.votesMeeting = meeting
    let report = try TopicRun(options: topicOptions).run()
    #expect(report.votes?.count("assessment") == 2)
    #expect(report.text(language: .id).contains("2 suara"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let topic = try #require((json["topics"] as? [[String: Any]])?.first { $0["id"] as? String == "assessment" })
    #expect(topic["votes"] as? Int == 2)

    var options = DigestRunOptions(
      databasePath: database, feedsPath: directory.file("feeds.txt"), topicsPath: directory.file("none.txt"),
      outputDirectory: directory.file("output"), settingsPath: directory.file("none.yaml"))
    options.now = Self.now
    options.votesMeeting = meeting
    let written = try DigestRun(options: options).run()
    let path = try #require(written.paths.first { $0.hasSuffix("digest.json") })
    let digest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    let ranked = try #require((digest["topics"] as? [[String: Any]])?.first { $0["id"] as? String == "assessment" })
    #expect(ranked["votes"] as? Int == 2)
    #expect(digest["votes_meeting"] as? String == "2026-12-10")
  }
}

@Suite("lingkar board: an A4 page of shared and best articles, each with a QR code that decodes to its address")
struct BoardTests {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)

  /// The text a QR code in `svg` holds, read back by zbar after librsvg drew it (nil when unreadable).
  static func decode(_ svg: String, in directory: TemporaryDirectory) throws -> String? {
    let file = directory.file("code-\(UUID().uuidString).svg")
    try svg.write(toFile: file, atomically: true, encoding: .utf8)
    let png = file + ".png"
    let drawn = try runProgram("/usr/bin/env", ["rsvg-convert", "-w", "400", "-h", "400", "-o", png, file])
    guard drawn.status == 0 else { return nil }
    let read = try runProgram("/usr/bin/env", ["zbarimg", "--quiet", "--raw", png])
    guard read.status == 0 else { return nil }
    return read.output.trimmingCharacters(in: .newlines)
  }

  @Test("a QR code (level M, quiet zone, one path) decodes back to the address, query and all")
  func qrRoundTrip() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    for link in [
      "https://guru.example/asesmen", "https://guru.example/2026/11/literasi-numerasi?ref=wa&x=%C3%A9#bagian-2",
    ] {
      let svg = try #require(BoardRun.qr(link)).svg(size: 120, label: link)
      #expect(svg.components(separatedBy: "<path").count == 2)
      #expect(try Self.decode(svg, in: directory) == link)
    }
    #expect(BoardRun.qr("javascript:alert(1)") == nil)
  }

  @Test("shared articles first, then the topics' best readings; titles escaped; every code decodes to its article")
  func board() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let database = directory.file("lingkar.db")
    let store = try FeedStore(path: database)
    let posts = [
      ("Asesmen formatif yang memberi umpan balik", "Rubrik penilaian dan umpan balik asesmen formatif di kelas."),
      ("Asesmen diagnostik di awal semester", "Mengenali kemampuan awal siswa lewat asesmen diagnostik dan penilaian."),
      ("Membangun budaya literasi membaca", "Program literasi membaca lima belas menit dan pojok baca kelas."),
      ("Numerasi lewat permainan pasar", "Kegiatan numerasi dan berhitung dengan permainan jual beli."),
      ("Kesejahteraan guru dan beban kerja", "Menjaga kesehatan mental dan kesejahteraan guru di sekolah."),
      ("Mencegah perundungan di sekolah", "Langkah mencegah perundungan dan menjaga kesejahteraan siswa."),
      ("Kecerdasan buatan untuk menyusun soal", "Memakai kecerdasan buatan dan teknologi digital di kelas."),
      ("Literasi digital bagi siswa SMP", "Mengajarkan literasi digital, hoaks dan keamanan internet."),
      ("Pembelajaran berdiferensiasi di kelas besar", "Strategi pembelajaran berdiferensiasi sesuai kebutuhan siswa."),
      ("Projek penguatan profil pelajar Pancasila", "Merancang projek P5 dan kurikulum merdeka di sekolah."),
      ("Komunitas belajar guru di sekolah", "Pengembangan profesional guru lewat komunitas belajar."),
      ("Pendidikan inklusif untuk siswa berkebutuhan khusus", "Kelas inklusif dan pendampingan siswa disabilitas."),
    ]
    try store.seed(
      posts.enumerated().map { index, post in
        Entry(
          id: "\(index)", title: post.0, link: "https://guru.example/tulisan-\(index)", summary: post.1)
      }, time: Self.now - 7200)
    let hostile = "Mading <img src=x onerror=alert(1)>"
    _ = try store.recordShare(
      Entry(id: "https://berita.example/artikel", title: hostile, link: "https://berita.example/artikel"),
      share: ArticleShare(name: "Bu <b>Ani</b>", note: "Wajib baca", time: Self.now - 600))
    let run = BoardRun(
      databasePath: database, topicsPath: directory.file("none.txt"), outputDirectory: directory.file("output"),
      language: .id, now: Self.now)
    let (board, path) = try run.run()
    #expect(board.articles.count == 8)
    #expect(board.articles.first?.link == "https://berita.example/artikel")
    #expect(board.articles.first?.sharedBy == ["Bu <b>Ani</b>"])
    #expect(board.articles.dropFirst().allSatisfy { $0.topic != nil })
    #expect(Set(board.articles.map(\.link)).count == 8)
    #expect(path.hasSuffix("/board.html"))
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("@page { size: A4"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>Ani"))
    #expect(html.contains("Dibagikan oleh Bu &lt;b&gt;Ani&lt;/b&gt;"))
    #expect(html.components(separatedBy: "<svg").count == 9)
    #expect(html.contains("Halaman 1 dari 1"))
    #expect(BoardRun.message(board, path: path).text(in: .id).contains("8 tulisan, 1 halaman"))
    // Each code on the page opens its own article.
    for article in board.articles.prefix(3) {
      let start = try #require(html.range(of: "<figure class=\"qr\">" + article.qrSVG))
      #expect(
        try Self.decode(String(html[start].dropFirst("<figure class=\"qr\">".count)), in: directory) == article.link)
    }
  }

  @Test("an empty period writes a board that says so")
  func empty() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let run = BoardRun(
      databasePath: directory.file("lingkar.db"), topicsPath: directory.file("none.txt"),
      outputDirectory: directory.file("output"), language: .en, now: Self.now)
    let (board, path) = try run.run()
    #expect(board.articles.isEmpty)
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("No articles for this period yet."))
    #expect(BoardRun.message(board, path: path).key == "cli.board.empty")
  }
}

@Suite("our teachers: the feeds tagged as a teacher's own, with their latest posts")
struct TeacherFeedsTests {
  @Test("only feeds tagged guru (any case), in the file's order, newest posts first")
  func teachers() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write(
      "feeds.txt",
      """
      https://ani.example/feed "guru" # added by Bu Ani 2026-11-01
      https://berita.example/feed "berita"
      https://dedi.example/feed "blog" "Guru" # Blog Pak Dedi
      """)
    let database = directory.file("lingkar.db")
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    try FeedStore(path: database).seed(
      (1...5).map {
        Entry(
          id: "\($0)", title: "Tulisan \($0)", link: "https://ani.example/\($0)",
          published: now - Double(10 - $0) * 86_400)
      },
      time: now, feed: "https://ani.example/feed", title: "Catatan Bu Ani")
    let teachers = try TeacherFeeds(
      options: FeedsOptions(feedsPath: directory.file("feeds.txt"), databasePath: database)
    ).teachers()
    #expect(teachers.map(\.written) == ["https://ani.example/feed", "https://dedi.example/feed"])
    #expect(teachers[0].title == "Catatan Bu Ani")
    #expect(teachers[0].addedBy == "Bu Ani")
    #expect(teachers[0].posts.map(\.title) == ["Tulisan 5", "Tulisan 4", "Tulisan 3"])
    #expect(teachers[1].title == "Blog Pak Dedi")
    #expect(teachers[1].posts.isEmpty)
  }
}
