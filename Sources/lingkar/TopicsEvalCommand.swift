import ArgumentParser
import Foundation
import LingkarPipeline

/// `lingkar topics eval FILE`: scores the ranker on a labelled JSON Lines set.
struct TopicsEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the ranker on a labelled set: top-1 accuracy, macro-F1, duplicate-pair precision/recall.",
    discussion: """
      FILE is JSON Lines with id, title, text, source, link, labels (a topic id or "none") and dup_group;
      an optional split field (e.g. tune/test) is scored on its own as well.
      """
  )

  @Argument(help: "The labelled set (JSON Lines).")
  var file: String

  @Option(help: "The topics file (default: the built-in topics).")
  var topics: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a scoring knob, e.g. threshold=0.8 (repeatable).", visibility: .hidden))
  var settings: [String] = []

  @Flag(help: "Also list per-topic F1 and every wrong prediction.")
  var verbose = false

  func run() throws {
    for line in try TopicEvaluation.run(path: file, topicsPath: topics, verbose: verbose, settings: settings) {
      print(line)
    }
  }
}
