import ArgumentParser
import Foundation
import LingkarPipeline

/// `lingkar digest`: write the digest from what is stored (no fetching).
struct DigestCommand: ParsableCommand {
  static var configuration: CommandConfiguration { Words.configuration("digest", key: "digest") }

  @OptionGroup var options: DigestOptions

  func run() throws {
    let result = try DigestRun(options: options.runOptions()).run()
    for path in result.paths { print(path) }
  }
}
