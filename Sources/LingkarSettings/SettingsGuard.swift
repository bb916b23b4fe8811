internal import CYaml
import Foundation
import LingkarModel

/// Checks a settings text before it is composed into a tree: its size, and that it uses no YAML
/// anchors or aliases.
///
/// Settings never need `&anchor` and `*alias`, and an alias is where YAML turns dangerous: nine
/// levels of nine-element sequences, each made of aliases to the one before, are 442 bytes that
/// stand for 9^9 scalars, and an alias used as a mapping key makes Yams hash the whole expansion
/// (40 s at nine levels, nine times longer per level, with the run lock held). libyaml's scanner
/// (inside Yams) finds them as tokens, so a `*` or `&` inside a quoted or plain value is no match;
/// the scan never builds anything, so it takes time in proportion to the text.
enum SettingsGuard {
  /// More than any school's settings need, far less than anything that could hurt.
  static let maximumBytes = 256 * 1024

  static func tooLarge(_ size: Int, file: String) -> SettingsError {
    SettingsError(
      file: file, line: 0,
      problem: Message(
        "errors.settings.too-large", ["size": .number(size / 1024), "limit": .number(maximumBytes / 1024)]))
  }

  /// The first problem of the text, as a settings error; nil when the tree may be composed.
  static func problem(in text: String, file: String) -> SettingsError? {
    let size = text.utf8.count
    if size > maximumBytes { return tooLarge(size, file: file) }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return SettingsError(file: file, line: 0, problem: Message("errors.settings.unreadable"))
    }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> SettingsError? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      while true {
        var token = yaml_token_t()
        // A scanner error is left for the composer, which reports it with its context.
        guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
        defer { yaml_token_delete(&token) }
        let line = Int(token.start_mark.line) + 1
        switch token.type {
        case YAML_STREAM_END_TOKEN:
          return nil
        case YAML_ALIAS_TOKEN, YAML_ANCHOR_TOKEN:
          let key = token.type == YAML_ALIAS_TOKEN ? "errors.settings.alias" : "errors.settings.anchor"
          return SettingsError(file: file, line: line, problem: Message(key))
        default:
          continue
        }
      }
    }
  }
}
