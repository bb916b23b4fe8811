import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar fetch`: fetch every feed of the feeds file and store what is new.
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch the feeds and remember what they hold (no digest).",
    discussion: """
      Problems with single feeds are printed on stderr and never stop the run. The last line on stdout is
      feeds=N items=M new=K failed=F (M: items held after the run). Exit code 3: another run holds the lock.
      """
  )

  @Option(help: "The feeds file.")
  var feeds = "feeds.txt"

  @Option(help: "The SQLite database.")
  var db = "lingkar.db"

  @OptionGroup var download: DownloadOptions

  @Option(help: "Seconds to wait for another run to finish before giving up (exit 3).")
  var lockWait: Double = 5

  @Flag(help: "Try failing feeds now instead of waiting out their backoff.")
  var retryFailed = false

  func run() throws {
    var options = FetchRunOptions(feedsPath: feeds, databasePath: db)
    download.apply(to: &options)
    options.lockWait = lockWait
    options.ignoreBackoff = retryFailed

    let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
    do {
      let summary = try FetchRun(options: options).run(
        report: { problem in bar.print("lingkar: \(problem)") },
        progress: { done, total in bar.update(done: done, total: total) })
      bar.finish()
      print(summary)
    } catch {
      bar.finish()
      Output.error("lingkar: \(error)\n")
      throw ExitCode(error.isLocked ? 3 : 1)
    }
  }
}
