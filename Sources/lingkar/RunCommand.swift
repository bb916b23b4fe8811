import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar run`: fetch, store, rank, write the digest; what cron runs every week.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Fetch the feeds, remember what is new, and write the digest.",
    discussion: """
      Problems with single feeds are printed on stderr and listed in the digest; the digest is written anyway
      (exit code 0). Prints the fetch totals (feeds=N items=M new=K failed=F), then the paths written.
      When (nearly) no feed can be reached while they were fine before, the connection is taken to be down:
      no digest is written, the feeds are not backed off, and the next run includes everything.
      Exit code 1: no digest was written (the message says why); 2: bad usage (e.g. --since in the future);
      3: another run holds the lock.
      """
  )

  @OptionGroup var options: DigestOptions

  @OptionGroup var download: DownloadOptions

  @Flag(help: "Print nothing on stdout and show no progress bar (problems still go to stderr).")
  var quiet = false

  @Flag(help: "Send the digest by e-mail afterwards (settings: mail: in lingkar.yaml; also when mail.send is true).")
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
      if !quiet { print("sent the digest to \(recipients.count) \(recipients.count == 1 ? "address" : "addresses")") }
    } catch {
      throw LingkarFailure(
        Message("errors.mail.written-not-sent", ["reason": .message(LingkarFailure.reason(error))]), cause: error)
    }
  }
}
