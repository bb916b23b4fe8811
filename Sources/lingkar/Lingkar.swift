import ArgumentParser
import Foundation
import LingkarModel

@main
struct Lingkar: AsyncParsableCommand {
  /// Computed, so that the overview is read in the language `main` chose before parsing.
  static var configuration: CommandConfiguration {
    Words.configuration(
      "lingkar", key: "lingkar", version: "0.1.0",
      subcommands: [
        RunCommand.self, FetchCommand.self, DigestCommand.self, TopicsCommand.self, AgendaCommand.self,
        MailCommand.self, FeedsCommand.self, DemoCommand.self, ParseCommand.self, ShareCommand.self,
        BoardCommand.self, InitCommand.self, DoctorCommand.self, ServeCommand.self, PasscodeCommand.self,
      ])
  }

  /// `--lang` here too: the parser reads a parent's options anywhere on the line and hands the value
  /// to every subcommand's `LanguageOption`, so `lingkar --lang en --help` and the `feeds` commands
  /// accept it as well.
  @OptionGroup var language: LanguageOption

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
      // ArgumentParser's help and usage errors, its own words in the process's language (`ParserWords`).
      let message = ParserWords.translate(fullMessage(for: error))
      if !message.isEmpty {
        if code == .success { Output.standard(message + "\n") } else { Output.error(message + "\n") }
      }
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
