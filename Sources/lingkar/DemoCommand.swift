import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar demo`: the pipeline, offline, on the bundled sample feeds.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run Lingkar offline on the bundled sample feeds (demo/feeds)."
  )

  func run() throws {
    guard let directory = SampleFeeds.locate(from: CommandLine.arguments[0]) else {
      throw ValidationError("the sample feeds (demo/feeds) were not found; run this from the Lingkar folder")
    }
    let reports = SampleFeeds.read(directory: directory)
    var items = 0
    var failed = 0
    for report in reports {
      if let document = report.document {
        items += document.entries.count
        let title = document.title ?? "(untitled)"
        let format = document.format?.rawValue ?? "?"
        let newest = document.entries.compactMap { $0.published ?? $0.updated }.max()
        let newestText = newest.map { " · newest \(Timestamp.iso8601($0).prefix(10))" } ?? ""
        print("ok      \(title) [\(format)] \(document.entries.count) items\(newestText)  (\(report.file))")
        for entry in document.entries.prefix(2) {
          let line = entry.title ?? entry.summary ?? entry.link ?? "(no title)"
          print("          - \(line.prefix(90))")
        }
      } else {
        failed += 1
        print("failed  \(report.file): \(report.problem ?? "unknown problem")")
      }
    }
    print("feeds=\(reports.count) items=\(items) failed=\(failed)")
  }
}
