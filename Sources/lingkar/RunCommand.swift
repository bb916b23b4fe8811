import ArgumentParser
import Foundation
import LingkarPipeline

/// `lingkar run`: fetch, store, rank, write the digest; what cron runs every week.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Fetch the feeds, remember what is new, and write the digest.",
    discussion: """
      Problems with single feeds are printed on stderr and listed in the digest; the digest is written anyway
      (exit code 0). Prints the fetch totals (feeds=N items=M new=K failed=F), then the paths written.
      Exit code 1: no digest was written (the message says why); 3: another run holds the lock.
      """
  )

  @OptionGroup var options: DigestOptions

  @Option(help: "Downloads at once.")
  var jobs = 16

  @Option(help: "Connections to one host at once.")
  var maxPerHost = 4

  @Option(help: "Largest feed accepted, after decompression (e.g. 10MB, 500KB, or bytes).")
  var maxSize = "10MB"

  @Option(help: "Seconds a whole download may take.")
  var timeout = 60

  @Flag(help: "Print nothing on stdout and show no progress bar (problems still go to stderr).")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
    guard maxPerHost >= 1 else { throw ValidationError("--max-per-host must be at least 1") }
    guard FetchCommand.bytes(maxSize) != nil else { throw ValidationError("--max-size must look like 10MB, 500KB or 1000000") }
    guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
  }

  func run() throws {
    var fetch = FetchRunOptions(feedsPath: options.feeds, databasePath: options.db)
    fetch.jobs = jobs
    fetch.maxHostConnections = maxPerHost
    fetch.maxBodyBytes = FetchCommand.bytes(maxSize) ?? fetch.maxBodyBytes
    fetch.totalTimeoutSeconds = timeout
    fetch.lockWait = options.lockWait

    let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    do {
      let result = try FetchAndDigestRun(fetch: fetch, digest: options.runOptions()).run(
        report: { problem in bar.print("lingkar: \(problem)") },
        progress: { done, total in bar.update(done: done, total: total) })
      bar.finish()
      guard !quiet else { return }
      print(result.fetch)
      for path in result.paths { print(path) }
    } catch {
      bar.finish()
      FileHandle.standardError.write(Data("lingkar: \(error)\n".utf8))
      throw ExitCode(error.isLocked ? 3 : 1)
    }
  }
}
