import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics bench FILE...`: parses feed files, then times the ranking of all their items.
struct TopicsBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the ranking (CPU seconds) of all items in the given feed files; parsing is not timed.",
    discussion: "Last line: files=N items=M topics=T dup_items=D rank_cpu=S rank_wall=S"
  )

  @Option(help: "A file listing feed files, one per line.")
  var filesFrom: String?

  @Argument(help: "Feed files.")
  var files: [String] = []

  func validate() throws {
    guard !files.isEmpty || filesFrom != nil else {
      throw ValidationError(Message("errors.usage.bench-files").description)
    }
  }

  func run() throws {
    var paths = files
    if let filesFrom {
      guard let list = try? String(contentsOfFile: filesFrom, encoding: .utf8) else {
        throw LingkarFailure(Message("errors.parse.file-list", ["path": .text(filesFrom)]))
      }
      paths += list.split(whereSeparator: \.isNewline).map(String.init)
    }
    print(TopicBenchmark.run(paths: paths))
  }
}
