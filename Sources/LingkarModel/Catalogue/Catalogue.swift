import Synchronization

/// Every sentence Lingkar says to a person, in Indonesian and in English: the message catalogue.
///
/// The sentences live in plain text files, one per language and area
/// (`Resources/messages/<area>.<language>.txt`), embedded in the binary at build time. Lingkar keeps
/// its own catalogue rather than Foundation's String Catalogs: on Linux the package manager does not
/// compile `.xcstrings` (that needs Xcode's tools), and Foundation's lookup reads a resource bundle
/// beside the executable, which a single installed binary (`/usr/bin/lingkar`) does not have.
///
/// The file format, one entry a line:
///
///     # a comment
///     feeds.add.added = Ditambahkan ke {file} baris {line}.
///     digest.items = {count} new {count|item|items}
///       continued on the next line when it starts with two spaces (joined with one space)
///
/// `{name}` is replaced by the argument `name`; `{name|one|other}` by `one` when the number `name` is
/// 1 and by `other` otherwise (English needs it; Indonesian does not); `\n` is a line break; `{{` and
/// `}}` are literal braces. Both languages must have the same keys and the same placeholders: a test
/// holds that.
public struct Catalogue: Sendable {
  public let language: DigestLanguage
  /// Key → sentence template.
  public let entries: [String: String]

  /// The key of `Message.verbatim`.
  static let verbatimKey = "_verbatim"

  public init(language: DigestLanguage, entries: [String: String]) {
    self.language = language
    self.entries = entries
  }

  /// The catalogue of `language`.
  public static func `for`(_ language: DigestLanguage) -> Catalogue {
    switch language {
    case .id: indonesian
    case .en: english
    }
  }

  static let indonesian = Catalogue(language: .id, entries: load(CatalogueFiles.indonesian))
  static let english = Catalogue(language: .en, entries: load(CatalogueFiles.english))

  // MARK: The process's language

  private static let currentLanguage = Mutex(DigestLanguage.id)

  /// The language of everything this process says when no other is asked for: the command line
  /// sets it once, before it parses its arguments (`--lang`, `lingkar.yaml`, the environment).
  public static var current: DigestLanguage {
    get { currentLanguage.withLock { $0 } }
    set { currentLanguage.withLock { $0 = newValue } }
  }

  // MARK: Lookup

  /// Whether the catalogue has a sentence for `key`.
  public func has(_ key: String) -> Bool { entries[key] != nil }

  /// The sentence of `key` with `arguments`: the text of `message` in this language. A key the
  /// catalogue lacks (a test catches that before a release) shows as the key itself, so a person
  /// still sees something to report.
  public func render(_ message: Message) -> String {
    if message.key == Self.verbatimKey, case .text(let text)? = message.arguments["text"] { return text }
    guard let template = entries[message.key] else {
      let arguments = message.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\(argumentText($0.value))" }
      return ([message.key] + arguments).joined(separator: " ")
    }
    return fill(template, message.arguments)
  }

  /// Shorthand: the sentence of `key` with `arguments`.
  public func text(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> String {
    render(Message(key, arguments))
  }

  func argumentText(_ argument: MessageArgument) -> String {
    switch argument {
    case .text(let text): text
    case .number(let number): String(number)
    case .message(let message): render(message)
    }
  }

  /// `template` with its placeholders filled.
  func fill(_ template: String, _ arguments: [String: MessageArgument]) -> String {
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
      result += rest[..<open]
      let after = rest.index(after: open)
      if after < rest.endIndex, rest[after] == rest[open] {
        result.append(rest[open])
        rest = rest[rest.index(after: after)...]
        continue
      }
      guard rest[open] == "{", let close = rest[after...].firstIndex(of: "}") else {
        result.append(rest[open])
        rest = rest[after...]
        continue
      }
      let inside = rest[after..<close].split(separator: "|", omittingEmptySubsequences: false)
      let name = String(inside[0])
      let argument = arguments[name]
      if inside.count == 3 {
        let isOne: Bool
        switch argument {
        case .number(let number)?: isOne = number == 1
        case .text(let text)?: isOne = text == "1"
        default: isOne = false
        }
        result += isOne ? inside[1] : inside[2]
      } else if let argument {
        result += argumentText(argument)
      } else {
        result += "{\(name)}"
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }

  // MARK: Reading the files

  /// Entries of catalogue files; a later file's key replaces an earlier one's (the test forbids it).
  static func load(_ files: [[UInt8]]) -> [String: String] {
    var entries: [String: String] = [:]
    for file in files {
      for (key, value) in parse(String(decoding: file, as: UTF8.self)).pairs { entries[key] = value }
    }
    return entries
  }

  /// The `(key, template)` pairs of one file, in order, and the lines that are neither an entry, a
  /// comment nor blank (for the catalogue's test).
  public static func parse(_ text: String) -> (pairs: [(key: String, template: String)], problems: [String]) {
    var pairs: [(key: String, template: String)] = []
    var problems: [String] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.hasPrefix("  "), !pairs.isEmpty, !line.allSatisfy(\.isWhitespace) {
        let continued = unescape(line.drop(while: { $0 == " " }))
        let last = pairs[pairs.count - 1].template
        pairs[pairs.count - 1].template =
          last.isEmpty || last.hasSuffix("\n") ? last + continued : last + " " + continued
        continue
      }
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let equals = trimmed.firstIndex(of: "=") else {
        problems.append("line \(number + 1): no '=' in \(trimmed)")
        continue
      }
      let key = trimmed[..<equals].trimmingCharacters(in: " \t")
      var value = trimmed[trimmed.index(after: equals)...]
      if value.first == " " { value = value.dropFirst() }
      pairs.append((String(key), unescape(value)))
    }
    return (pairs, problems)
  }

  static func unescape(_ text: Substring) -> String {
    guard text.contains("\\") else { return String(text) }
    var result = ""
    var escaped = false
    for character in text {
      if escaped {
        switch character {
        case "n": result += "\n"
        case "t": result += "\t"
        default: result.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    if escaped { result += "\\" }
    return result
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var text = self
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return text
  }
}
