import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar parse`: parse local feed files and print the normalized form (or only count, for
/// benchmarks).
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Parse local feed files and print them in the normalized JSON form.",
    discussion: """
      --json FILE prints one JSON object; --jsonl FILE... prints one line per file with "file" set to
      the path as given; --count parses everything the same way but prints only the totals.
      """
  )

  @Option(name: .long, help: "Parse one file and print one JSON object.")
  var json: String?

  @Flag(name: .long, help: "Print JSON Lines, one object per file.")
  var jsonl = false

  @Flag(name: .long, help: "Only count feeds, items and bytes (for benchmarks).")
  var count = false

  @Option(name: .long, help: "Read the list of files from this file, one path a line.")
  var filesFrom: String?

  @Option(name: .long, help: "Files parsed at once (default: the number of processors).")
  var jobs: Int?

  @Argument(help: "Feed files.")
  var files: [String] = []

  func validate() throws {
    let modes = [json != nil, jsonl, count].filter { $0 }.count
    guard modes == 1 else { throw ValidationError(Message("errors.usage.parse-mode").description) }
    if json != nil && (!files.isEmpty || filesFrom != nil) {
      throw ValidationError(Message("errors.usage.parse-json").description)
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
        throw ValidationError(Message("errors.parse.file-list", ["path": .text(filesFrom)]).description)
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
