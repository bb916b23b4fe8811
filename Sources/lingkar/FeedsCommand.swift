import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar feeds`: manage the feeds file.
struct FeedsCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    Words.configuration(
      "feeds", key: "feeds",
      subcommands: [Add.self, List.self, Check.self, Remove.self, Import.self, Export.self, FeedsTeachersCommand.self])
  }

  /// `--feeds` and `--db`, as every command takes them.
  struct Files: ParsableArguments {
    @OptionGroup var feedsFile: FeedsFileOption

    @OptionGroup var database: DatabaseOption

    var feeds: String { feedsFile.feeds }
    var options: FeedsOptions { FeedsOptions(feedsPath: feeds, databasePath: database.db) }
  }

  /// The name for `# added by NAME DATE`: `--by`, else the login name.
  static func addedBy(_ by: String?) -> String? {
    if let by, !by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      return by.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static func warn(_ message: Message) {
    Output.error("lingkar: \(message)\n")
  }

  /// A line of the command's output, from the message catalogue in the process's language.
  static func say(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) {
    print(Message(key, arguments).description)
  }

  static func validate(tags: [String]) throws {
    for tag in tags where tag.contains("\"") || tag.contains("\n") || tag.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(Message("errors.feeds.tag", ["tag": .text(tag)]).description)
    }
  }

  static func date(_ date: Date?) -> String { date.map { String(Timestamp.iso8601($0).prefix(10)) } ?? "-" }

  // MARK: - add

  struct Add: ParsableCommand {
    static var configuration: CommandConfiguration { Words.configuration("add", key: "feeds_add") }

    @Argument(help: Words.help("help.feeds_add.input"))
    var input: String

    @Option(name: .customLong("tag"), help: Words.help("help.feeds_add.tag"))
    var tags: [String] = []

    @Option(help: Words.help("help.feeds_add.by"))
    var by: String?

    @Flag(help: Words.help("help.feeds_add.no_check"))
    var noCheck = false

    @OptionGroup var files: Files

    func validate() throws { try FeedsCommand.validate(tags: tags) }

    func run() throws {
      let request = FeedAdder.Request(input: input, tags: tags, addedBy: FeedsCommand.addedBy(by), check: !noCheck)
      let result = try FeedAdder(options: files.options).add(request)
      if result.candidates.count > 1 {
        FeedsCommand.say("cli.feeds.add.found", ["count": .number(result.candidates.count)])
        for candidate in result.candidates {
          let status = candidate.problem.map {
            "  " + Message("cli.feeds.add.broken", ["reason": .message($0)]).description
          }
          print("  \(candidate.url)  \(candidate.title ?? "")\(status ?? "")")
        }
        FeedsCommand.say("cli.feeds.add.another")
      }
      if let title = result.title { print("\(title)") }
      for entry in result.latest {
        let when = entry.published ?? entry.updated
        let title = entry.title ?? entry.link ?? Message("cli.feeds.add.untitled").description
        print("  \(FeedsCommand.date(when))  \(title)")
      }
      result.notes.forEach(FeedsCommand.warn)
      FeedsCommand.say(
        "cli.feeds.add.added",
        [
          "name": .text(URL(fileURLWithPath: files.feeds).lastPathComponent), "lineNumber": .number(result.lineNumber),
          "text": .text(result.line),
        ])
    }
  }

  // MARK: - list

  struct List: ParsableCommand {
    static var configuration: CommandConfiguration {
      Words.configuration("list", key: "feeds_list", discussion: false)
    }

    @OptionGroup var files: Files

    func run() throws {
      let result = try FeedsOverview(options: files.options).rows()
      let rows = result.rows
      for diagnostic in result.diagnostics { Output.error("lingkar: \(diagnostic)\n") }
      let header = [
        "line", "title", "tags", "added-by", "last-ok", "items", "newest", "status", "address",
      ].map { Message("cli.feeds.list.column." + $0).description }
      let table = rows.map { row -> [String] in
        var status =
          row.status.map { Message("cli.feeds.list.status." + $0.rawValue).description }
          ?? Message("cli.feeds.list.status.not-fetched").description
        if row.status == .failed {
          let reason = row.error.map { MessageArgument.message(FetchFailure(code: $0).message) } ?? .text("")
          status =
            Message("cli.feeds.list.failed", ["count": .number(row.failureStreak), "reason": reason]).description
        }
        if let moved = row.movedTo { status += " → \(moved)" }
        return [
          "\(row.line)", Self.cut(row.title ?? "-", 32), Self.cut(row.tags.joined(separator: ","), 20),
          Self.cut([row.addedBy, row.addedOn].compactMap { $0 }.joined(separator: " "), 24),
          FeedsCommand.date(row.lastSuccess), "\(row.items)", FeedsCommand.date(row.newestItem), Self.cut(status, 48),
          row.written,
        ]
      }
      let widths = header.indices.map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
      for line in [header] + table {
        let cells = line.enumerated().map { index, cell in
          index == line.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }
        print(cells.joined(separator: "  "))
      }
      print("feeds=\(rows.count)")
    }

    /// A table cell: one line (line breaks and tabs in a title become spaces), at most `width` long.
    static func cut(_ text: String, _ width: Int) -> String {
      let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 }))
      let clean = flat.isEmpty ? "-" : flat
      return clean.count <= width ? clean : String(clean.prefix(width - 1)) + "…"
    }
  }

  // MARK: - check

  struct Check: ParsableCommand {
    static var configuration: CommandConfiguration { Words.configuration("check", key: "feeds_check") }

    @Flag(help: Words.help("help.feeds_check.fix"))
    var fix = false

    @Flag(help: Words.help("help.feeds_check.no_fetch"))
    var noFetch = false

    @Option(help: Words.help("help.feeds_check.silent_days"))
    var silentDays = 60

    @OptionGroup var files: Files

    func run() throws {
      let report = try FeedsChecker(options: files.options).check(
        FeedsChecker.Request(fetch: !noFetch, fix: fix, silentDays: silentDays))
      report.notes.forEach(FeedsCommand.warn)
      let name = URL(fileURLWithPath: files.feeds).lastPathComponent
      for finding in report.findings {
        print("\(name):\(finding.line): \(finding.written.map { "\($0): " } ?? "")\(finding.message)")
      }
      for change in report.fixed {
        FeedsCommand.say("cli.feeds.check.fixed", ["name": .text(name), "change": .message(change)])
      }
      var counts = "feeds=\(report.feeds) healthy=\(report.healthy)"
      for kind in FeedsChecker.Finding.Kind.allCases {
        counts += " \(kind.rawValue)=\(report.findings.filter { $0.kind == kind }.count)"
      }
      print(counts)
    }
  }

  // MARK: - remove

  struct Remove: ParsableCommand {
    static var configuration: CommandConfiguration {
      Words.configuration("remove", key: "feeds_remove", discussion: false)
    }

    @Argument(help: Words.help("help.feeds_remove.feed"))
    var target: String

    @OptionGroup var files: Files

    func run() throws {
      let removed = try FeedsRemover(options: files.options).remove(target)
      FeedsCommand.say("cli.feeds.remove.removed", ["lineNumber": .number(removed.line), "text": .text(removed.text)])
    }
  }

  // MARK: - import / export

  struct Import: ParsableCommand {
    static var configuration: CommandConfiguration { Words.configuration("import", key: "feeds_import") }

    @Argument(help: Words.help("help.feeds_import.file"))
    var file: String

    @Option(name: .customLong("tag"), help: Words.help("help.feeds_import.tag"))
    var tags: [String] = []

    @Option(help: Words.help("help.feeds_import.by"))
    var by: String?

    @OptionGroup var files: Files

    func validate() throws { try FeedsCommand.validate(tags: tags) }

    func run() throws {
      let result = try FeedsOPML(options: files.options).importFile(file, tags: tags, addedBy: FeedsCommand.addedBy(by))
      for line in result.added { FeedsCommand.say("cli.feeds.import.added", ["text": .text(line)]) }
      for skipped in result.skipped {
        FeedsCommand.say("cli.feeds.import.skipped", ["url": .text(skipped.url), "reason": .message(skipped.reason)])
      }
      print("added=\(result.added.count) skipped=\(result.skipped.count)")
    }
  }

  struct Export: ParsableCommand {
    static var configuration: CommandConfiguration {
      Words.configuration("export", key: "feeds_export", discussion: false)
    }

    @Option(name: .shortAndLong, help: Words.help("help.feeds_export.output"))
    var output: String?

    @OptionGroup var files: Files

    func run() throws {
      let result = try FeedsOPML(options: files.options).export()
      for path in result.skipped {
        FeedsCommand.warn(Message("cli.feeds.export.local", ["path": .text(path)]))
      }
      if let output {
        try Data(result.opml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } else {
        Output.standard(result.opml, mode: .xml)
      }
    }
  }
}
