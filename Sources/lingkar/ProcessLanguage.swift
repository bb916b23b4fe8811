import Foundation
import LingkarModel
import LingkarPipeline

/// The language of everything this run prints, chosen before the arguments are parsed so that help,
/// usage errors and every message speak it: `--lang`, else the settings file's `language`
/// (`--settings`, default `lingkar.yaml`), else the environment, else Indonesian
/// (`DigestLanguage.choose`, the one rule).
enum ProcessLanguage {
  static func choose(arguments: [String], environment: [String: String]) -> DigestLanguage {
    let flag = value(of: "--lang", in: arguments).flatMap(DigestLanguage.init(rawValue:))
    // A settings file with errors is reported by the command that reads it.
    let settings =
      flag == nil ? try? SettingsSource.load(path: value(of: "--settings", in: arguments) ?? "lingkar.yaml") : nil
    return DigestLanguage.choose(flag: flag, settings: settings, environment: environment)
  }

  /// The value of `option` (`--lang en` or `--lang=en`); the last one wins, as in the parser.
  static func value(of option: String, in arguments: [String]) -> String? {
    var found: String?
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == "--" { break }
      if argument == option, index + 1 < arguments.endIndex {
        found = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix(option + "=") {
        found = String(argument.dropFirst(option.count + 1))
      }
      index += 1
    }
    return found
  }
}
