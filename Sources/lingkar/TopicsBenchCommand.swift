import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics bench FILE...`: parses feed files, then times the ranking of all their items.
struct TopicsBenchCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("bench", key: "topics_bench") }

  @Option(help: Words.help("help.topics_bench.files_from"))
  var filesFrom: String?

  @Argument(help: Words.help("help.topics_bench.files"))
  var files: [String] = []

  @Option(
    name: .customLong("set"),
    help: Words.help("help.topics_eval.set", visibility: .hidden))
  var settings: [String] = []

  @OptionGroup var language: LanguageOption

  func validate() throws {
    guard !files.isEmpty || filesFrom != nil else { throw Words.usage("cli.usage.bench_files") }
  }

  func run() throws {
    var paths = files
    if let filesFrom {
      guard let list = try? String(contentsOfFile: filesFrom, encoding: .utf8) else {
        throw LingkarFailure(Message("errors.parse.file-list", ["path": .text(filesFrom)]))
      }
      paths += list.split(whereSeparator: \.isNewline).map(String.init)
    }
    print(try TopicBenchmark.run(paths: paths, settings: settings))
  }
}
