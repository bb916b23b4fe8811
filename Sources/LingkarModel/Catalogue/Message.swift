/// Something Lingkar says to a person, not yet in a language: the key of its sentence in the message
/// catalogue and the values of the sentence's placeholders.
///
/// Lower layers build and throw these; the front end (the command line, later the web) puts them
/// into words in the reader's language at the last moment, so one failure can be printed in
/// Indonesian for cron and in English for a browser that asks for it.
public struct Message: Sendable, Hashable, CustomStringConvertible {
  /// The sentence's key in the catalogue (`feeds.add.added`).
  public var key: String
  /// The values of its `{placeholders}`, by name.
  public var arguments: [String: MessageArgument]

  public init(_ key: String, _ arguments: KeyValuePairs<String, MessageArgument> = [:]) {
    self.key = key
    self.arguments = Dictionary(arguments.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
  }

  public init(_ key: String, arguments: [String: MessageArgument]) {
    self.key = key
    self.arguments = arguments
  }

  /// The sentence in `language`.
  public func text(in language: DigestLanguage) -> String {
    Catalogue.for(language).render(self)
  }

  /// The sentence in the process's language (`Catalogue.current`): for the command line, where one
  /// person reads everything a run prints.
  public var description: String { text(in: Catalogue.current) }

  /// A message that is already words and needs no catalogue (text a person typed, a file name):
  /// shown as it is in every language.
  public static func verbatim(_ text: String) -> Message {
    Message(Catalogue.verbatimKey, ["text": .text(text)])
  }
}

/// The value of one placeholder.
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByStringInterpolation
{
  /// Text shown as it is (an address, a file name, a title): never translated.
  case text(String)
  /// A whole number; `{name|one|other}` chooses a word by it.
  case number(Int)
  /// Another message, put into words in the same language (a reason inside a sentence).
  case message(Message)

  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int) { self = .number(value) }
  public init(stringInterpolation: DefaultStringInterpolation) {
    self = .text(String(stringInterpolation: stringInterpolation))
  }
}
