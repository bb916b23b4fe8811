/// Finds words of the other language in text a person reads: the check behind "no English sentence
/// in Indonesian output" (and the reverse).
///
/// It looks for common function words and Lingkar's own vocabulary, which any sentence of that
/// language is almost sure to contain. Tokens that are names rather than words are skipped: they
/// contain `.`, `/`, `:`, `@`, `_`, `=`, digits, or start with `-` (file names, addresses, options,
/// keys), and so are words inside quotes, angle brackets (what the person typed or a feed's title) or
/// braces (a catalogue template's placeholders).
public enum LanguageCheck {
  /// English words that no Indonesian sentence of Lingkar's should contain.
  public static let englishWords: Set<String> = [
    "the", "and", "of", "to", "is", "are", "was", "were", "not", "this", "that", "these", "with", "for", "from",
    "has", "have", "had", "will", "would", "can", "cannot", "could", "should", "your", "you", "it", "its", "be",
    "been", "by", "an", "at", "on", "in", "or", "if", "no", "new", "none", "feed", "feeds", "digest", "digests",
    "error", "failed", "found", "file", "line", "added", "removed", "items", "item", "topic", "topics",
    "meeting", "see", "use", "help", "usage", "options", "option", "warning", "database", "settings",
    "unknown", "invalid", "missing", "expected", "value", "argument", "arguments", "command", "subcommand",
    "subcommands", "show", "shows", "print", "prints", "write", "writes", "written", "read", "reads", "already",
    "another", "run", "running", "lock", "locked", "wait", "try", "again", "check", "address", "page",
    "default", "which", "when", "what", "there", "than", "then", "only", "all", "every", "each", "more",
    "sources", "source", "readings", "reading", "since", "until", "days", "week", "weeks", "today", "date",
  ]

  /// Indonesian words that no English sentence of Lingkar's should contain.
  public static let indonesianWords: Set<String> = [
    "yang", "dan", "tidak", "dari", "untuk", "dengan", "ini", "itu", "ada", "sumber", "tulisan", "rangkuman",
    "baris", "gagal", "belum", "sudah", "akan", "atau", "pada", "ke", "di", "oleh", "dalam", "bisa", "dapat",
    "harap", "silakan", "berkas", "topik", "pertemuan", "bacaan", "usulan", "perintah", "pilihan", "lihat",
    "tanggal", "minggu", "hari", "baru", "lama", "semua", "setiap", "lagi", "coba", "periksa", "alamat",
  ]

  /// The words of `text` from `words`, in order of appearance (repeated as they repeat).
  public static func words(from words: Set<String>, in text: String) -> [String] {
    var found: [String] = []
    for token in tokens(of: text) where words.contains(token.lowercased()) { found.append(token) }
    return found
  }

  /// English words in `text` (expected to be Indonesian).
  public static func englishWords(in text: String) -> [String] { words(from: englishWords, in: text) }

  /// Indonesian words in `text` (expected to be English).
  public static func indonesianWords(in text: String) -> [String] { words(from: indonesianWords, in: text) }

  /// The candidate words of `text`: quoted spans and `<…>` spans removed, then split on white space
  /// and punctuation, names skipped.
  static func tokens(of text: String) -> [String] {
    var cleaned = ""
    var closing: Character?
    for character in text {
      if let end = closing {
        if character == end { closing = nil }
        continue
      }
      switch character {
      case "\"": closing = "\""
      case "“": closing = "”"
      case "‘": closing = "’"
      case "«": closing = "»"
      case "<": closing = ">"
      // A catalogue template's `{placeholder}` is a name, not a word.
      case "{": closing = "}"
      default: cleaned.append(character)
      }
    }
    var result: [String] = []
    for raw in cleaned.split(whereSeparator: { $0.isWhitespace }) {
      var token = Substring(raw)
      while let first = token.first, "([{'`,;!?…*•·–—".contains(first) { token = token.dropFirst() }
      while let last = token.last, ")]}'`,;!?…*.:•·–—".contains(last) { token = token.dropLast() }
      if token.isEmpty || token.first == "-" { continue }
      if token.contains(where: { "./:@_=\\#%&+".contains($0) || $0.isNumber }) { continue }
      // A word with an apostrophe inside is English ("don't", "feed's"); keep its first part.
      let word = token.split(separator: "'").first.map(String.init) ?? String(token)
      result.append(word)
    }
    return result
  }
}
