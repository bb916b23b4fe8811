import ArgumentParser
import Foundation
import LingkarModel

@main
struct Lingkar: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lingkar",
    abstract: "Keeps a school's teachers learning together: reads the feeds they follow and writes a digest.",
    version: "0.1.0",
    subcommands: [
      RunCommand.self, FetchCommand.self, DigestCommand.self, TopicsCommand.self, AgendaCommand.self,
      MailCommand.self, FeedsCommand.self, DemoCommand.self, ParseCommand.self, ServeCommand.self, PasscodeCommand.self,
    ]
  )

  /// Runs the command, with the exit codes of the command-line contract: 0 success, 1 failure,
  /// 2 bad usage (ArgumentParser's own default would be 64), 3 another run holds the lock. The one
  /// place a failure is printed: commands throw `LingkarFailure` and neither print it nor choose
  /// its exit code.
  static func main() async {
    Catalogue.current = ProcessLanguage.choose(
      arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let failure as LingkarFailure {
      Output.error((failure.isListing ? "" : "lingkar: ") + failure.message + "\n")
      Foundation.exit(failure.kind.exitCode)
    } catch {
      // The message may quote what was typed or read (an option, a value), so it is cleaned like
      // everything else printed; help goes to standard output, as ArgumentParser would send it.
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { Output.standard(message + "\n") } else { Output.error(message + "\n") }
      }
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
