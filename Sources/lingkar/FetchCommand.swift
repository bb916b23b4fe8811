import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar fetch`: fetch every feed of the feeds file and store what is new.
struct FetchCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("fetch", key: "fetch") }

  @OptionGroup var feedsFile: FeedsFileOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var download: DownloadOptions

  @OptionGroup var lock: LockWaitOption

  @OptionGroup var settingsFile: SettingsOption

  @OptionGroup var language: LanguageOption

  func run() throws {
    var options = FetchRunOptions(feedsPath: feedsFile.feeds, databasePath: database.db)
    download.apply(to: &options)
    options.lockWait = lock.lockWait
    options.utcOffset = DigestOptions.schoolOffset(settingsPath: settingsFile.settings, now: Date())

    let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0)
    defer { bar.finish() }
    let summary = try FetchRun(options: options).run(
      report: { problem in bar.print("lingkar: \(problem)") },
      progress: { done, total in bar.update(done: done, total: total) })
    bar.finish()
    print(summary)
    if summary.connectionProblem {
      throw LingkarFailure(summary.connectionMessage(digest: false), cause: ConnectionDown(summary: summary))
    }
  }
}
