import ArgumentParser
import Foundation
import LingkarPipeline

/// `lingkar digest`: write the digest from what is stored (no fetching).
struct DigestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "Write the digest of a period from the stored items (no fetching).",
    discussion: """
      Writes output/YYYY-MM-DD/digest.{html,md,txt,json}, output/index.html and output/feed.xml, and prints the
      paths written. Exit code 3: another run holds the lock.
      """
  )

  @OptionGroup var options: DigestOptions

  func run() throws {
    let result = try DigestRun(options: options.runOptions()).run()
    for path in result.paths { print(path) }
  }
}
