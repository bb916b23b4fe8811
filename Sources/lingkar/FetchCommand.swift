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
      feeds=N items=M new=K failed=F (M: items held after the run). Exit code 1: (nearly) no feed could be
      reached, the connection seems down (the failures are not held against the feeds); 3: another run holds
      the lock.
      """
  )

  @Option(help: "The feeds file.")
  var feeds = "feeds.txt"

  @Option(help: "The SQLite database.")
  var db = "lingkar.db"

  @OptionGroup var download: DownloadOptions

  @Option(help: "Seconds to wait for another run to finish before giving up (exit 3).")
  var lockWait: Double = 5

  @Option(help: "The settings file (its utc_offset is the clock of the times in messages).")
  var settings = "lingkar.yaml"

  func run() throws {
    var options = FetchRunOptions(feedsPath: feeds, databasePath: db)
    download.apply(to: &options)
    options.lockWait = lockWait
    options.utcOffset = DigestOptions.schoolOffset(settingsPath: settings, now: Date())

    let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
    do {
      let summary = try FetchRun(options: options).run(
        report: { problem in bar.print("lingkar: \(problem)") },
        progress: { done, total in bar.update(done: done, total: total) })
      bar.finish()
      print(summary)
      if summary.connectionProblem {
        Output.error("lingkar: \(summary.connectionMessage(digest: false))\n")
        throw ExitCode.failure
      }
    } catch let error as FetchRunError {
      bar.finish()
      Output.error("lingkar: \(error)\n")
      throw ExitCode(error.isLocked ? 3 : 1)
    }
  }
}
