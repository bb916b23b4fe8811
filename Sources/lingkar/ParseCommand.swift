import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar parse`: parse local feed files and print the normalized form (or only count, for
/// benchmarks).
struct ParseCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("parse", key: "parse") }

  @Option(name: .long, help: Words.help("help.parse.json"))
  var json: String?

  @Flag(name: .long, help: Words.help("help.parse.jsonl"))
  var jsonl = false

  @Flag(name: .long, help: Words.help("help.parse.count"))
  var count = false

  @Option(name: .long, help: Words.help("help.parse.files_from"))
  var filesFrom: String?

  @Option(name: .long, help: Words.help("help.parse.jobs"))
  var jobs: Int?

  @Argument(help: Words.help("help.parse.files"))
  var files: [String] = []

  @OptionGroup var language: LanguageOption

  func validate() throws {
    let modes = [json != nil, jsonl, count].filter { $0 }.count
    guard modes == 1 else { throw Words.usage("cli.usage.parse_mode") }
    if json != nil && (!files.isEmpty || filesFrom != nil) {
      throw Words.usage("cli.usage.parse_json_one")
    }
  }

  func run() throws {
    if let json {
      // A file that cannot be parsed still prints the empty document's JSON, then fails.
      let document: FeedDocument
      do {
        document = try FeedFile.parse(path: json)
      } catch {
        Output.standard(FeedDocument().normalizedJSON() + "\n", mode: .json)
        throw LingkarFailure(
          Message("errors.located.file", ["name": .text(error.path), "problem": .message(error.problem)]), cause: error)
      }
      Output.standard(document.normalizedJSON() + "\n", mode: .json)
      return
    }
    var paths = files
    if let filesFrom {
      guard let list = try? String(contentsOfFile: filesFrom, encoding: .utf8) else {
        throw Words.usage("cli.usage.file_list", ["path": .text(filesFrom)])
      }
      paths += list.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }
    let batch = FeedFileBatch(paths: paths, workers: jobs)
    if count {
      let totals = batch.count()
      for failure in totals.failures { Output.error("\(failure)\n") }
      let failed = totals.failures.isEmpty ? "" : " failed=\(totals.failures.count)"
      print("feeds=\(totals.feeds) items=\(totals.items) bytes=\(totals.bytes)" + failed)
      return
    }
    batch.writeJSONLines { Output.standard($0, mode: .json) }
  }
}
