import Foundation

/// The pieces of one `feeds.txt` line: address, tags, note. Blank and comment lines have none.
///
/// A line as typed by hand, or pasted from a chat or a word processor, is cleaned where what was
/// meant is plain (see README, "feeds.txt"):
/// - invisible characters (zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen,
///   direction marks) are dropped before the note: they show as nothing, so the line means what it shows;
/// - any Unicode space (no-break space, narrow no-break space, ideographic space...) counts as a blank;
/// - quotes and angle brackets around the address (`"…"`, `“…”`, `‘…’`, `«…»`, `<…>`) are taken off;
/// - typographic double quotes (`“blog”`, `„blog“`, `«blog»`) around a tag count as `"`;
/// - free text before a single http(s) address (`Blog Pak Dedi https://…`) is a label: it goes into
///   the note, in front of what follows `#`.
/// Anything else that is not address, tags and note is an error with its reason.
struct FeedListLine {
  var address: String
  var tags: [String]
  var note: String?
  /// Where the address is in the line as given (for edits that replace it).
  var addressRange: Range<String.Index>

  private typealias Scalars = String.UnicodeScalarView

  /// A run of the line before the note: a bare word or a quoted one.
  private struct Token {
    var text: String
    var quoted: Bool
    /// The token's characters in the line (inside the quotes for a quoted one), invisible ones included.
    var range: Range<String.Index>
  }

  /// Returns nil for a blank or comment line.
  init?(parsing line: String) throws(FeedListError) {
    let (tokens, note) = try Self.tokenize(line)
    guard let first = tokens.first else {
      // A line that is blank, or a note alone (`# ...`), is a comment.
      return nil
    }
    let firstAddress = Self.unwrapped(first, in: line)
    let webIndices = tokens.indices.filter { Self.isWebAddress(Self.unwrapped(tokens[$0], in: line).text) }
    if Self.isWebAddress(firstAddress.text) || !Self.looksLikeLabel(first.text) || webIndices.isEmpty {
      var tags: [String] = []
      for token in tokens.dropFirst() {
        guard token.quoted else {
          // Words alone, none of them an address: a comment without its #, or a name without its feed.
          if tokens.allSatisfy({ !$0.quoted && Self.looksLikeLabel($0.text) }) { throw .noAddress }
          throw Self.strayText(token)
        }
        let tag = token.text.trimmingCharacters(in: .whitespaces)
        if !tag.isEmpty { tags.append(tag) }
      }
      try self.init(address: firstAddress, tags: tags, note: note)
      return
    }
    // Free text first: a label, if exactly one http(s) address follows it and only tags after that.
    guard webIndices.count == 1, let at = webIndices.first,
      tokens[1..<at].allSatisfy({ !$0.quoted && !$0.text.contains("://") })
    else {
      throw webIndices.count > 1 ? .severalAddresses : Self.strayText(tokens[1])
    }
    var tags: [String] = []
    for token in tokens[(at + 1)...] {
      guard token.quoted else { throw Self.strayText(token) }
      let tag = token.text.trimmingCharacters(in: .whitespaces)
      if !tag.isEmpty { tags.append(tag) }
    }
    var label = String(
      line[tokens[0].range.lowerBound..<tokens[at - 1].range.upperBound].unicodeScalars.filter {
        !Self.isInvisible($0)
      })
    label = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t:-–—|").union(.whitespaces))
    let combined = [label.isEmpty ? nil : label, note].compactMap { $0 }.joined(separator: "; ")
    try self.init(address: Self.unwrapped(tokens[at], in: line), tags: tags, note: combined.isEmpty ? nil : combined)
  }

  private init(address: (text: String, range: Range<String.Index>), tags: [String], note: String?) throws(FeedListError)
  {
    if address.text.unicodeScalars.contains("\u{FFFD}") { throw .undecodable }
    self.address = address.text
    self.tags = tags
    self.note = note
    self.addressRange = address.range
  }

  /// Where the address is in `line`, as `init(parsing:)` finds it; nil when the line has none.
  static func addressRange(in line: String) -> Range<String.Index>? {
    (try? FeedListLine(parsing: line))?.addressRange
  }

  // MARK: - Characters

  /// Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner,
  /// byte-order mark, soft hyphen, Mongolian vowel separator, direction marks and embeddings.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Tabs, spaces of every width, and the other control characters a line may hold.
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }  // most lines: no table lookup
    let category = scalar.properties.generalCategory
    return category == .spaceSeparator || category == .control
  }

  /// Quotes that open or close a tag.
  private static func isTagQuote(_ scalar: Unicode.Scalar) -> Bool {
    "\"“”„«»".unicodeScalars.contains(scalar)
  }

  /// What may be wrapped around an address: quotes of every kind, angle brackets, backticks.
  private static func isWrapper(_ scalar: Unicode.Scalar) -> Bool {
    "\"'`“”„‟‘’‚‛«»‹›<>「」".unicodeScalars.contains(scalar)
  }

  // MARK: - Reading

  /// The tokens before the note, and the note (after a `#` that starts a token).
  private static func tokenize(_ line: String) throws(FeedListError) -> ([Token], String?) {
    let scalars = line.unicodeScalars
    var tokens: [Token] = []
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if isBlank(scalar) || isInvisible(scalar) {
        index = scalars.index(after: index)
        continue
      }
      if scalar == "#" {
        let text = String(scalars[scalars.index(after: index)...]).trimmingCharacters(in: .whitespaces)
        return (tokens, text.isEmpty ? nil : text)
      }
      // A quoted token; the first one may be an address in quotes, whose closing quote is then optional.
      if isTagQuote(scalar) {
        let start = scalars.index(after: index)
        var end = start
        while end < scalars.endIndex && !isTagQuote(scalars[end]) { end = scalars.index(after: end) }
        if end == scalars.endIndex {
          guard tokens.isEmpty else { throw .unclosedTag }
          // `"https://…` without its closing quote: a bare word with a stray quote in front.
          let bareEnd = scalars[start...].firstIndex(where: isBlank) ?? scalars.endIndex
          tokens.append(Token(text: clean(scalars[index..<bareEnd]), quoted: false, range: index..<bareEnd))
          index = bareEnd
          continue
        }
        tokens.append(Token(text: clean(scalars[start..<end]), quoted: true, range: start..<end))
        index = scalars.index(after: end)
        continue
      }
      let start = index
      while index < scalars.endIndex && !isBlank(scalars[index]) { index = scalars.index(after: index) }
      tokens.append(Token(text: clean(scalars[start..<index]), quoted: false, range: start..<index))
    }
    return (tokens, nil)
  }

  /// The characters without the invisible ones.
  private static func clean(_ scalars: Substring.UnicodeScalarView) -> String {
    // Nearly every line is ASCII, which holds none of them.
    if Substring(scalars).utf8.allSatisfy({ $0 < 0x80 }) || !scalars.contains(where: isInvisible) {
      return String(Substring(scalars))
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars.lazy.filter { !isInvisible($0) })
    return String(out)
  }

  /// A token as an address: quotes and angle brackets around it taken off, with its range narrowed
  /// to the address itself.
  private static func unwrapped(_ token: Token, in line: String) -> (text: String, range: Range<String.Index>) {
    let scalars = line.unicodeScalars
    var lower = token.range.lowerBound
    var upper = token.range.upperBound
    func skipsAtStart(_ scalar: Unicode.Scalar) -> Bool { isInvisible(scalar) || (!token.quoted && isWrapper(scalar)) }
    func skipsAtEnd(_ scalar: Unicode.Scalar) -> Bool { isInvisible(scalar) || isWrapper(scalar) }
    while lower < upper, skipsAtStart(scalars[lower]) { lower = scalars.index(after: lower) }
    while lower < upper, skipsAtEnd(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
    return (clean(scalars[lower..<upper]), lower..<upper)
  }

  /// An http or https address.
  private static func isWebAddress(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// A word of free text rather than an address of any kind (`name:`, `@handle`, a path).
  private static func looksLikeLabel(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, !"@/.~".unicodeScalars.contains(first) else { return false }
    let body = word.hasSuffix(":") ? word.dropLast() : Substring(word)
    return !body.contains(":") && !body.contains("/")
  }

  private static func strayText(_ token: Token) -> FeedListError {
    .unexpectedText(token.text)
  }
}
