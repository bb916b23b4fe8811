import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar demo`: the pipeline, offline, on the bundled sample feeds.
struct DemoCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("demo", key: "demo") }

  @OptionGroup var outputFolder: OutputOption

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var lang: LanguageOption

  @Option(help: Words.help("help.demo.samples"))
  var samples: String?

  func run() throws {
    guard let directory = samples ?? SampleFeeds.locate(from: CommandLine.arguments[0]) else {
      throw LingkarFailure(Message("errors.demo.no-samples-folder"))
    }
    // The school's lingkar.yaml here, when there is one, names the language as for a real digest.
    let language = DigestLanguage.choose(
      flag: lang.language, settings: try? SettingsSource.load(path: "lingkar.yaml"),
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
        Words.text(
          "cli.demo.digest",
          [
            "day": .text(digest.dateStamp), "count": .number(digest.itemCount),
            "sourceCount": .number(digest.sourceCount), "topicCount": .number(digest.topics.count),
          ]))
    }
    print(Words.text("cli.demo.where", ["path": .text(result.page)]))
  }
}
