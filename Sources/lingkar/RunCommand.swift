import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar run`: fetch, store, rank, write the digest; what cron runs every week.
struct RunCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("run", key: "run") }

  @OptionGroup var options: DigestOptions

  @OptionGroup var download: DownloadOptions

  @Flag(help: Words.help("help.run.quiet"))
  var quiet = false

  @Flag(help: Words.help("help.run.mail"))
  var mail = false

  func run() throws {
    var fetch = FetchRunOptions(feedsPath: options.feeds, databasePath: options.db)
    download.apply(to: &fetch)
    fetch.lockWait = options.lockWait
    let digestOptions = options.runOptions()
    fetch.utcOffset = digestOptions.utcOffset

    let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    let result: FetchAndDigestRun.Result
    do {
      result = try FetchAndDigestRun(fetch: fetch, digest: digestOptions).run(
        report: { problem in bar.print("lingkar: \(problem)") },
        progress: { done, total in bar.update(done: done, total: total) })
      bar.finish()
    } catch {
      bar.finish()
      // What the fetch did is still worth the totals line when the connection was down.
      if let down = error.cause as? ConnectionDown, !quiet { print(down.summary) }
      throw error
    }
    if !quiet {
      print(result.fetch)
      for path in result.paths { print(path) }
    }
    try sendIfAsked(result.digest)
  }

  /// Sends the digest just written when `--mail` or `mail.send` asks for it. A failure is reported
  /// and exits 1, but the digest is already on disk and stays there.
  private func sendIfAsked(_ digest: Digest) throws {
    let loaded = try SettingsLoader.load(options.settings)
    guard mail || loaded?.mail?.send == true else { return }
    guard let loaded, loaded.mail != nil else {
      throw LingkarFailure(Message("errors.mail.run-no-settings", ["path": .text(options.settings)]))
    }
    do {
      let recipients = try DigestMailer.send(digest, settings: loaded)
      if !quiet { print(Words.text("cli.run.mail_sent", ["count": .number(recipients.count)])) }
    } catch {
      throw LingkarFailure(
        Message("errors.mail.written-not-sent", ["reason": .message(LingkarFailure.reason(error))]), cause: error)
    }
  }
}
