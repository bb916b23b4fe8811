import Foundation
public import LingkarModel
import Yams

/// Reads the school's settings file, `lingkar.yaml` (YAML through Yams and libyaml, which give
/// every value its line). Every problem is reported with its line; unknown keys are problems too,
/// so a misspelt setting is never silently ignored.
public enum SettingsFile {
  /// The file's usual name, next to `feeds.txt`.
  public static let defaultName = "lingkar.yaml"

  /// The settings at `path`; nil when the file does not exist. Throws the first problem (all of
  /// them are in `SettingsProblems.errors`).
  public static func load(path: String) throws(SettingsProblems) -> Settings? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let name = (path as NSString).lastPathComponent
    // Judged before reading: a huge file (or the wrong one) is not read into memory at all.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
      size.intValue > SettingsGuard.maximumBytes
    {
      throw SettingsProblems(errors: [SettingsGuard.tooLarge(size.intValue, file: name)])
    }
    // Opened without blocking and judged as a regular file: a FIFO would wait for a writer for ever.
    let read: Data?
    do {
      read = try RegularFile.read(path)
    } catch {
      var problem = Message("errors.settings.unreadable")
      if case .notRegular(_, let what) = error {
        problem = Message("errors.settings.not-regular", ["kind": .message(RegularFile.kindMessage(what))])
      }
      throw SettingsProblems(errors: [SettingsError(file: name, line: 0, problem: problem)])
    }
    guard let data = read else {
      throw SettingsProblems(errors: [
        SettingsError(file: name, line: 0, problem: Message("errors.settings.unreadable"))
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SettingsProblems(errors: [SettingsError(file: name, line: 0, problem: Message("errors.settings.not-utf8"))])
    }
    return try parse(text, file: name)
  }

  /// Parses a settings text; throws every problem found.
  public static func parse(_ text: String, file: String = defaultName) throws(SettingsProblems) -> Settings {
    let (settings, errors) = parseCollectingErrors(text, file: file)
    if !errors.isEmpty { throw SettingsProblems(errors: errors) }
    return settings
  }

  /// Parses a settings text and returns all the problems found, so every bad line shows at once.
  public static func parseCollectingErrors(_ text: String, file: String = defaultName) -> (Settings, [SettingsError]) {
    if let problem = SettingsGuard.problem(in: text, file: file) { return (Settings(), [problem]) }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      return (Settings(), [syntaxError(error, file: file, text: text)])
    } catch {
      return (Settings(), [SettingsError(file: file, line: 0, problem: Message("errors.settings.unreadable"))])
    }
    var reader = SettingsReader(file: file)
    let settings = reader.settings(root)
    return (settings, reader.errors)
  }

  static func syntaxError(_ error: YamlError, file: String, text: String) -> SettingsError {
    switch error {
    // libyaml's own words (the problem and its context) are English and for developers: the
    // sentence is ours, with the line libyaml marks.
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return SettingsError(file: file, line: mark.line, problem: Message("errors.settings.yaml"))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return SettingsError(
        file: file,
        line: secondOccurrence(of: duplicates.sorted().first ?? "", in: text, after: context.mark.line)
          ?? context.mark.line,
        problem: Message("errors.settings.twice", ["keys": .text(duplicates.sorted().joined(separator: ", "))]))
    case .reader:
      return SettingsError(file: file, line: 0, problem: Message("errors.settings.unreadable"))
    default:
      return SettingsError(file: file, line: 0, problem: Message("errors.settings.yaml"))
    }
  }
}

extension SettingsFile {
  /// The line of the second `key:` at the same indentation from `after` on (libyaml marks only the
  /// group that holds the duplicate).
  static func secondOccurrence(of key: String, in text: String, after line: Int) -> Int? {
    var seen: Set<Int> = []
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where offset + 1 >= line {
      let indent = raw.prefix { $0 == " " }.count
      var rest = raw.dropFirst(indent)
      if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
      guard rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
      if !seen.insert(indent).inserted { return offset + 1 }
    }
    return nil
  }
}

/// Every problem of a settings file; its description lists them one a line.
public struct SettingsProblems: Error, Sendable, CustomStringConvertible {
  public var errors: [SettingsError]

  public init(errors: [SettingsError]) {
    self.errors = errors
  }

  /// The problems one a line, in `language`.
  public func text(in language: DigestLanguage) -> String {
    errors.map { $0.text(in: language) }.joined(separator: "\n")
  }

  public var description: String { text(in: Catalogue.current) }
}
