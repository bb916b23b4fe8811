import ArgumentParser
import Foundation
import LingkarPipeline

/// `lingkar topics eval FILE`: scores the ranker on a labelled JSON Lines set.
struct TopicsEvalCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("eval", key: "topics_eval") }

  @Argument(help: Words.help("help.topics_eval.file"))
  var file: String

  @Option(help: Words.help("help.topics_eval.topics"))
  var topics: String?

  @Option(
    name: .customLong("set"),
    help: Words.help("help.topics_eval.set", visibility: .hidden))
  var settings: [String] = []

  @Flag(help: Words.help("help.topics_eval.verbose"))
  var verbose = false

  @OptionGroup var language: LanguageOption

  func run() throws {
    for line in try TopicEvaluation.run(path: file, topicsPath: topics, verbose: verbose, settings: settings) {
      print(line)
    }
  }
}
