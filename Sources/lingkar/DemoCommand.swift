import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar demo`: the pipeline, offline, on the bundled sample feeds.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run the whole pipeline offline on the bundled sample feeds (demo/feeds) and write digests.",
    discussion: """
      Reads the samples through libcurl as local files into a temporary database (your lingkar.db is not
      touched), writes the fortnightly digests of 2026-11-01, 2026-11-15 and 2026-11-29 (the samples' dates)
      into the output folder, and prints where the newest digest.html is.
      """
  )

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var topicsFile: TopicsOption

  @Option(
    help: "The language of the digest's own words: id or en (default: lingkar.yaml's language, else LANG, else id).")
  var lang: String?

  @Option(help: "The sample feeds (default: demo/feeds here, or beside the Lingkar build).")
  var samples: String?

  func validate() throws {
    if let lang, DigestLanguage(rawValue: lang) == nil { throw ValidationError(Message("errors.lang").description) }
  }

  func run() throws {
    guard let directory = samples ?? SampleFeeds.locate(from: CommandLine.arguments[0]) else {
      throw LingkarFailure(Message("errors.demo.no-samples-folder"))
    }
    // The school's lingkar.yaml here, when there is one, names the language as for a real digest.
    let language = DigestLanguage.choose(
      flag: lang.flatMap(DigestLanguage.init(rawValue:)), settings: try? SettingsSource.load(path: "lingkar.yaml"),
      environment: ProcessInfo.processInfo.environment)
    let demo = DemoRun(
      samplesDirectory: directory, outputDirectory: outputFolder.output, topicsPath: topicsFile.topics,
      language: language)
    let result = try demo.run(report: { problem in
      let name = URL(fileURLWithPath: problem.subject).lastPathComponent
      Output.error("lingkar: \(name): \(problem.message)\n")
    })
    print(result.fetch)
    for digest in result.digests {
      print(
        "\(digest.dateStamp): \(digest.itemCount) items, \(digest.sourceCount) sources, \(digest.topics.count) topics")
    }
    print("The digest is in \(result.page)")
  }
}
