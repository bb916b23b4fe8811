import Foundation
import LingkarStore
import LingkarTestSupport
import Testing

/// Issue 14: every command of the real `lingkar` binary, with `language:` in lingkar.yaml and no
/// LANG or LC_* in the environment (cron's usual case), says nothing in the other language: its
/// normal output, its `--help`, ArgumentParser's own words and its errors.
@Suite("every command speaks the school's language")
struct CommandLanguageTests {
  /// What one command printed.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var both: String { stdout + "\n" + stderr }
  }

  /// One command line to try.
  struct Case {
    var arguments: [String]
    /// The exit code it must end with.
    var status: Int32 = 0
  }

  /// The school: a loopback site with one good feed (Indonesian posts of the last days), a 404, a
  /// mail sink, and `lingkar.yaml` saying `language` and a meeting schedule.
  final class School {
    let directory = TemporaryDirectory()
    let site = TestSite("lang")
    let sink: SMTPSink
    let language: String

    init(language: String) throws {
      self.language = language
      sink = try SMTPSink()
      site.feed("/feed.xml", Self.feed(link: site.url("/")))
      site.serve("/gone.xml", status: 404, body: Array("not here".utf8))
      site.page(
        "/artikel",
        "<html><head><title>Pojok baca kelas empat</title><meta name=\"description\" content=\"Buku dari kardus.\">"
          + "</head><body><p>Isi tulisan.</p></body></html>")
      directory.write("feeds.txt", site.url("/feed.xml") + "\n")
      directory.write(
        "lingkar.yaml",
        """
        language: \(language)
        utc_offset: WIB
        facilitator: Bu Sari
        meeting:
          weekday: thursday
          every_weeks: 1
          first: 2026-11-05
        mail:
          url: \(sink.url)
          from: "Lingkar <lingkar@contoh.sch.id>"
          to:
            - "Guru <guru@contoh.sch.id>"

        """)
      directory.write(
        "labelled.jsonl",
        """
        {"id":"a","title":"Literasi membaca di kelas","text":"Murid membaca buku cerita setiap pagi untuk literasi.",\
        "source":"s1","link":"https://example.org/a","labels":"literacy","dup_group":""}
        {"id":"b","title":"Asesmen formatif","text":"Asesmen formatif dan umpan balik untuk murid.",\
        "source":"s2","link":"https://example.org/b","labels":"assessment","dup_group":""}

        """)
      directory.write("sample.xml", Self.feed(link: "https://example.org/"))
    }

    deinit {
      sink.stop()
      directory.remove()
    }

    /// Three Indonesian posts of the last three days (literacy and assessment).
    static func feed(link: String) -> String {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
      let posts = [
        ("Literasi membaca murid kelas tujuh", "Kegiatan literasi membaca lima belas menit setiap pagi dan numerasi."),
        ("Asesmen formatif yang sederhana", "Asesmen formatif dengan umpan balik tertulis untuk murid di kelas."),
        ("Pojok baca dan literasi keluarga", "Orang tua ikut kegiatan literasi membaca bersama anak di rumah."),
      ]
      let items = posts.enumerated().map { index, post in
        let date = formatter.string(from: Date().addingTimeInterval(-Double(index + 1) * 86_400))
        return """
          <item><title>\(post.0)</title><link>\(link)p\(index)</link><guid>\(link)p\(index)</guid>\
          <pubDate>\(date)</pubDate><description>\(post.1)</description></item>
          """
      }
      return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Blog Guru</title><link>\(link)</link>
        \(items.joined(separator: "\n"))
        </channel></rss>
        """
    }

    /// Runs the binary here with no LANG, LANGUAGE or LC_* in its environment.
    func run(_ arguments: [String]) throws -> Result {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: lingkarBinary())
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
      let name = UUID().uuidString
      let out = directory.file("out-\(name)")
      let err = directory.file("err-\(name)")
      _ = FileManager.default.createFile(atPath: out, contents: nil)
      _ = FileManager.default.createFile(atPath: err, contents: nil)
      process.standardOutput = FileHandle(forWritingAtPath: out)
      process.standardError = FileHandle(forWritingAtPath: err)
      var environment = ProcessInfo.processInfo.environment.filter { key, _ in
        !(key == "LANG" || key == "LANGUAGE" || key.hasPrefix("LC_"))
      }
      environment["SWIFT_BACKTRACE"] = "enable=no"
      process.environment = environment
      try process.run()
      process.waitUntilExit()
      let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
      defer {
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: err)
      }
      return Result(status: process.terminationStatus, stdout: read(out), stderr: read(err))
    }
  }

  /// Lingkar's command names (and `help`) where they stand as names: after `lingkar` on a command
  /// line (`lingkar topics pick`), and as the first word of a help screen's list of subcommands.
  /// They are names, as `--since` is, whatever the language around them.
  static func withoutCommandNames(_ text: String) -> String {
    let names = [
      "run", "fetch", "digest", "topics", "list", "pick", "eval", "bench", "agenda", "mail", "feeds", "add",
      "check", "remove", "import", "export", "demo", "parse", "help", "share", "board", "vote", "teachers", "init",
      "doctor",
    ]
    let alternatives = names.joined(separator: "|")
    var result = text
    for (pattern, replacement) in [
      ("lingkar(?: (?:\(alternatives)))+\\b", "lingkar"),
      ("(?m)^  (?:\(alternatives))(?: \\((?:default|bawaan)\\))?(?=\\s{2,}|$)", "  ·"),
    ] {
      guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
      result = expression.stringByReplacingMatches(
        in: result, range: NSRange(result.startIndex..., in: result), withTemplate: replacement)
    }
    return result
  }

  /// The words of the other language in what a command printed.
  static func otherLanguage(_ result: Result, language: String) -> [String] {
    let text = withoutCommandNames(result.both)
    return language == "id" ? LanguageCheck.englishWords(in: text) : LanguageCheck.indonesianWords(in: text)
  }

  /// Every command, subcommand and `--help`, in the order a school would meet them.
  static func cases(samples: String, articleURL: String) -> [Case] {
    var cases: [Case] = []
    // Help of everything, from the root down, and ArgumentParser's own help command.
    // The root's list of commands shows the feeds command's overview.
    cases.append(Case(arguments: ["--help"]))
    cases.append(Case(arguments: ["help"]))
    cases.append(Case(arguments: ["--version"]))
    for command in [
      ["run"], ["fetch"], ["digest"], ["topics"], ["topics", "list"], ["topics", "pick"], ["topics", "eval"],
      ["topics", "bench"], ["topics", "vote"], ["agenda"], ["mail"], ["demo"], ["parse"], ["share"], ["board"],
      ["init"], ["doctor"],
    ] {
      cases.append(Case(arguments: command + ["--help"]))
    }
    cases.append(Case(arguments: ["help", "topics", "pick"]))
    for command in [["feeds"], ["feeds", "add"], ["feeds", "list"], ["feeds", "check"], ["feeds", "remove"]] {
      cases.append(Case(arguments: command + ["--help"]))
    }
    for command in [["feeds", "import"], ["feeds", "export"], ["feeds", "teachers"]] {
      cases.append(Case(arguments: command + ["--help"]))
    }
    // The weekly work.
    cases += [
      Case(arguments: ["run"]),
      Case(arguments: ["fetch"]),
      Case(arguments: ["fetch", "--lang", "id"]),
      Case(arguments: ["digest"]),
      Case(arguments: ["topics"]),
      Case(arguments: ["topics", "list", "--json"]),
      Case(arguments: ["topics", "pick", "1", "--meeting", "2099-01-01"]),
      Case(arguments: ["topics", "pick", "literasi", "asesmen", "--meeting", "2099-01-01"]),
      Case(arguments: ["topics", "pick", "literasi", "--meeting", "2099-01-01"]),
      Case(arguments: ["topics", "pick", "literasi", "--meeting", "2020-01-02", "--force"]),
      Case(arguments: ["topics", "pick", "--list"]),
      Case(arguments: ["agenda", "--meeting", "2099-01-01"]),
      Case(arguments: ["agenda", "--meeting", "2099-01-08"]),
      Case(arguments: ["mail"]),
      Case(arguments: ["topics", "eval", "labelled.jsonl", "--verbose"]),
      Case(arguments: ["topics", "bench", "sample.xml"]),
      Case(arguments: ["parse", "--json", "sample.xml"]),
      Case(arguments: ["parse", "--jsonl", "sample.xml"]),
      Case(arguments: ["parse", "--count", "sample.xml"]),
      Case(arguments: ["demo", "--samples", samples, "--output", "demo-output"]),
      Case(arguments: ["feeds", "list"]),
      Case(arguments: ["topics", "vote", "literasi", "--by", "Bu Sari", "--meeting", "2099-01-01"]),
      Case(arguments: ["topics", "vote", "literasi", "--by", "Bu Sari", "--meeting", "2099-01-01"]),
      Case(arguments: ["share", articleURL, "--by", "Bu Sari", "--note", "Bagus untuk kelas empat"]),
      Case(arguments: ["board"]),
      Case(arguments: ["init", "sekolah-baru", "--school", "SD Negeri 1", "--yes"]),
      Case(arguments: ["init", "sekolah-baru", "--school", "SD Negeri 1", "--yes"], status: 1),
      Case(arguments: ["doctor", "--settings", "sekolah-baru/lingkar.yaml", "--db", "nowhere/x.db"], status: 1),
      Case(arguments: ["feeds", "teachers"]),
    ]
    // Usage mistakes: ArgumentParser's words and Lingkar's own.
    cases += [
      Case(arguments: ["digest", "--since", "yesterday"], status: 2),
      Case(arguments: ["run", "--bogus"], status: 2),
      Case(arguments: ["run", "--sinc", "14d"], status: 2),
      Case(arguments: ["topics", "pick", "--meeting"], status: 2),
      Case(arguments: ["topics", "pick"], status: 2),
      Case(arguments: ["topics", "pick", "literasy", "--meeting", "2099-01-01"], status: 2),
      Case(arguments: ["topics", "pick", "literasi", "--meeting", "2020-01-02"], status: 2),
      Case(arguments: ["topics", "eval"], status: 2),
      Case(arguments: ["fetch", "--jobs", "many"], status: 2),
      Case(arguments: ["fetch", "--jobs", "0"], status: 2),
      Case(arguments: ["parse", "sample.xml", "extra"], status: 2),
      Case(arguments: ["agenda", "--lang", "fr"], status: 2),
      Case(arguments: ["nonsense"], status: 2),
      // Errors of Lingkar's own, whose words another branch brings.
      Case(arguments: ["mail", "--date", "2001-01-01"], status: 1),
      Case(arguments: ["topics", "eval", "missing.jsonl"], status: 1),
    ]
    return cases
  }

  @Test(
    "with language: id (or en) in lingkar.yaml and no LANG, no command says a word of the other language",
    arguments: ["id", "en"])
  func everyCommand(language: String) throws {
    let school = try School(language: language)
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("demo/feeds").path
    for test in Self.cases(samples: samples, articleURL: school.site.url("/artikel")) {
      let result = try school.run(test.arguments)
      let shown = "lingkar \(test.arguments.joined(separator: " ")) → \(result.status)\n\(result.both)"
      #expect(result.status == test.status, "\(shown)")
      #expect(!result.both.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(shown)")
      let words = Self.otherLanguage(result, language: language)
      #expect(words.isEmpty, "\(words): \(shown)")
    }
  }

  @Test("the errors of a run: a bad line, a 404 feed, a held lock (exit 3)", arguments: ["id", "en"])
  func runErrors(language: String) throws {
    let school = try School(language: language)
    // A bad line and a feed that answers 404, beside the good feed.
    school.directory.write(
      "feeds.txt", school.site.url("/feed.xml") + "\nBlog Bu Rina tanpa alamat\n" + school.site.url("/gone.xml") + "\n")
    let fetched = try school.run(["fetch"])
    #expect(fetched.status == 0, "\(fetched.both)")
    #expect(fetched.stdout.contains("feeds=2"), "\(fetched.both)")
    #expect(fetched.stderr.contains("feeds.txt:2"), "\(fetched.both)")
    #expect(fetched.stderr.contains("gone.xml"), "\(fetched.both)")
    // The lock another run holds.
    let lock = try RunLock(path: school.directory.file("lingkar.db.lock"), wait: 0)
    let locked = try school.run(["run", "--lock-wait", "0"])
    withExtendedLifetime(lock) {}
    #expect(locked.status == 3, "\(locked.both)")
    for result in [fetched, locked] {
      let words = Self.otherLanguage(result, language: language)
      #expect(words.isEmpty, "\(words): \(result.both)")
    }
  }

  @Test("--lang is taken by every command, the feeds commands and the root included, and wins over lingkar.yaml")
  func langEverywhere() throws {
    let school = try School(language: "id")
    for arguments in [
      ["--help"], ["run", "--help"], ["topics", "pick", "--list"], ["topics", "--since", "14d"], ["feeds", "list"],
      ["feeds", "export"], ["parse", "--count", "sample.xml"], ["topics", "bench", "sample.xml"], ["agenda", "--help"],
    ] {
      for placed in [arguments + ["--lang", "en"], ["--lang", "en"] + arguments] {
        let result = try school.run(placed)
        #expect(result.status == 0, "\(placed): \(result.both)")
        let words = Self.otherLanguage(result, language: "en")
        #expect(words.isEmpty, "\(placed): \(words): \(result.both)")
      }
    }
    #expect(try school.run(["topics", "pick", "--list"]).stdout == "Belum ada topik yang dipilih.\n")
    #expect(try school.run(["topics", "pick", "--list", "--lang", "en"]).stdout == "No topics picked yet.\n")
    let wrong = try school.run(["feeds", "list", "--lang", "fr"])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("--lang harus id atau en, bukan 'fr'"), "\(wrong.stderr)")
  }

  @Test("the command names are taken out only where they stand as names")
  func commandNames() {
    #expect(
      Self.withoutCommandNames("Lihat 'lingkar topics pick --help' dan run the feeds")
        == "Lihat 'lingkar --help' dan run the feeds")
    #expect(Self.withoutCommandNames("PERINTAH:\n  run        Mengambil") == "PERINTAH:\n  ·        Mengambil")
    #expect(Self.withoutCommandNames("  list (default)   Mencetak") == "  ·   Mencetak")
    #expect(Self.withoutCommandNames("lingkar runner") == "lingkar runner")
  }
}
