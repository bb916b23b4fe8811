import ArgumentParser
import Foundation
import LingkarModel
import LingkarWeb

/// `lingkar passcode set teacher|facilitator`: the web's passcodes, read from standard input only
/// (a passcode on the command line would stay in the shell's history and in `ps`).
struct PasscodeCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    Words.configuration("passcode", key: "passcode", discussion: false, subcommands: [Set.self])
  }

  struct Set: ParsableCommand {
    static var configuration: CommandConfiguration { Words.configuration("set", key: "passcode_set") }

    @Argument(help: Words.help("help.passcode_set.role"))
    var role: String

    @OptionGroup var database: DatabaseOption

    func validate() throws {
      guard Passcodes.roles.contains(role) else {
        throw ValidationError(Message("web.passcode.role", ["role": .text(role)]).description)
      }
    }

    func run() throws {
      // The first line of standard input, without its line break.
      let line = readLine(strippingNewline: true) ?? ""
      guard !line.isEmpty else { throw LingkarFailure(Message("web.passcode.empty"), kind: .badUsage) }
      try Passcodes.set(role: role, passcode: line, databasePath: database.db)
      print(Message("web.passcode.saved", ["role": .text(role), "db": .text(database.db)]).description)
    }
  }
}
