import ArgumentParser
import Foundation
import LingkarModel

/// What the command line says, from the message catalogue, in the process's language
/// (`Catalogue.current`, set in `Lingkar.main` before anything is parsed or printed).
enum Words {
  /// The sentence of `key` in the process's language.
  static func text(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> String {
    Catalogue.for(Catalogue.current).text(key, arguments)
  }

  /// An option's or argument's `--help` line. The property wrappers that take it are built when
  /// ArgumentParser makes the command's value, which is after `Lingkar.main` chose the language.
  static func help(_ key: String, visibility: ArgumentVisibility = .default) -> ArgumentHelp {
    ArgumentHelp(text(key), visibility: visibility)
  }

  /// A usage problem (exit 2) in the process's language.
  static func usage(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> ValidationError {
    ValidationError(text(key, arguments))
  }

  /// A command's `--help` overview and discussion. Every command's `configuration` is a computed
  /// property that calls this, so it is read when ArgumentParser asks for it (while parsing, after
  /// `Lingkar.main` chose the language), never once at start-up.
  static func configuration(
    _ name: String, key: String, discussion: Bool = true, version: String = "",
    subcommands: [any ParsableCommand.Type] = [], defaultSubcommand: (any ParsableCommand.Type)? = nil
  ) -> CommandConfiguration {
    CommandConfiguration(
      commandName: name, abstract: text("help.\(key).abstract"),
      discussion: discussion ? text("help.\(key).discussion") : "", version: version, subcommands: subcommands,
      defaultSubcommand: defaultSubcommand)
  }

  /// A decimal number with two places, written as the language writes it (`1,16` in Indonesian).
  static func decimal(_ value: Double, in language: DigestLanguage = Catalogue.current) -> String {
    let text = String(format: "%.2f", value)
    return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}

/// ArgumentParser's own words (`USAGE:`, `OPTIONS:`, `Show help information.`, `Error: Unknown
/// option '--x'`, …) in the process's language.
///
/// The parser has no hook for its fixed words: its help screens and usage errors are English text
/// built inside the library. So the finished text is rewritten, line by line, with a small table of
/// catalogue keys (`help.parser.*`): each key's English template, its `{placeholders}` standing for
/// any text, is the pattern; the same key's template in the process's language is the replacement.
/// In English nothing is rewritten.
enum ParserWords {
  /// The keys, most specific first (a longer sentence before one it starts with).
  static let keys = [
    "help.parser.unknown_option_suggestion", "help.parser.unknown_option", "help.parser.missing_argument",
    "help.parser.missing_one_of", "help.parser.unexpected_arguments", "help.parser.unexpected_argument",
    "help.parser.invalid_value", "help.parser.missing_value", "help.parser.no_value_taken",
    "help.parser.missing_subcommand", "help.parser.invalid_option", "help.parser.see_more",
    "help.parser.see_subcommand", "help.parser.show_help", "help.parser.show_version",
    "help.parser.show_subcommand_help", "help.parser.error", "help.parser.usage_error", "help.parser.help_line",
    "help.parser.overview", "help.parser.usage", "help.parser.arguments", "help.parser.options",
    "help.parser.subcommands", "help.parser.default_value", "help.parser.default_subcommand",
    "help.parser.subcommand_placeholder", "help.parser.options_placeholder",
  ]

  struct Rule {
    var pattern: NSRegularExpression
    var names: [String]
    var key: String
  }

  /// The table for English → `Catalogue.current`: one rule a key.
  static func rules() -> [Rule] {
    let english = Catalogue.for(.en)
    return keys.compactMap { key in
      guard let template = english.entries[key] else { return nil }
      var pattern = ""
      var names: [String] = []
      var rest = Substring(template)
      while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
        names.append(String(rest[rest.index(after: open)..<close]))
        // A placeholder stands for anything on the line, as little as will do.
        pattern += "(.+?)"
        rest = rest[rest.index(after: close)...]
      }
      pattern += NSRegularExpression.escapedPattern(for: String(rest))
      guard let expression = try? NSRegularExpression(pattern: pattern) else {
        return nil
      }
      return Rule(pattern: expression, names: names, key: key)
    }
  }

  /// `text` (help or a usage error from ArgumentParser) in `language`.
  static func translate(_ text: String, to language: DigestLanguage = Catalogue.current) -> String {
    guard language != .en else { return text }
    let catalogue = Catalogue.for(language)
    var result = text
    for rule in rules() {
      var output = ""
      var last = result.startIndex
      let whole = NSRange(result.startIndex..., in: result)
      for match in rule.pattern.matches(in: result, range: whole) {
        guard let range = Range(match.range, in: result) else { continue }
        var arguments: [String: MessageArgument] = [:]
        for (index, name) in rule.names.enumerated() {
          if let captured = Range(match.range(at: index + 1), in: result) {
            arguments[name] = .text(String(result[captured]))
          }
        }
        output += result[last..<range.lowerBound]
        var replacement = catalogue.render(Message(rule.key, arguments: arguments))
        var end = range.upperBound
        // In a help screen's columns (a label, then two or more spaces) the next column keeps its place.
        let spaces = result[end...].prefix { $0 == " " }.count
        let change = replacement.count - result[range].count
        if spaces >= 2 {
          if change < 0 { replacement += String(repeating: " ", count: -change) }
          if change > 0 && spaces - change >= 2 { end = result.index(end, offsetBy: change) }
        }
        output += replacement
        last = end
      }
      output += result[last...]
      result = output
    }
    return result
  }
}
