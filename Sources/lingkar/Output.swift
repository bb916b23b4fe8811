import Foundation

/// Everything the command line prints goes through here, so that nothing read from a feed, a page,
/// the feeds file or the database can drive the terminal: a feed title holding `ESC]0;…BEL` would
/// retitle the window, `ESC[2J` clear the screen, and a bidirectional override turn the rest of a
/// line around. Swift's `print` is shadowed in this module by the one below, and standard error is
/// written with `Output.error`; no other code in the module writes to either.
enum Output {
  /// What becomes of a character that must not reach the terminal.
  enum Mode {
    /// Dropped: the text for people.
    case text
    /// Written as a JSON escape (`\u001b`): the data stays whole, the terminal safe (JSON has such
    /// characters only inside strings, where the escape means the same).
    case json
    /// Written as an XML character reference (`&#x9B;`) where XML allows one; dropped otherwise.
    case xml
  }

  /// Writes `text` to standard output.
  static func standard(_ text: String, mode: Mode = .text) {
    FileHandle.standardOutput.write(Data(clean(text, mode: mode).utf8))
  }

  /// Writes `text` to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(clean(text).utf8))
  }

  /// Writes the progress bar's own terminal controls, which are the only ones Lingkar sends.
  static func control(_ sequence: String) {
    FileHandle.standardError.write(Data(sequence.utf8))
  }

  /// `text` without the characters that can act on a terminal: C0 controls except line feed and
  /// tab (carriage return too, which can overwrite what a line showed), DEL, C1 controls, and the
  /// bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
  static func clean(_ text: String, mode: Mode = .text) -> String {
    // Most output holds none of them; only a byte that can start one is worth a closer look.
    guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
    else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard isUnsafe(scalar) else {
        out.append(scalar)
        continue
      }
      switch mode {
      case .text: continue
      case .json: out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
      case .xml:
        if scalar.value >= 0x7F { out.append(contentsOf: String(format: "&#x%X;", scalar.value).unicodeScalars) }
      }
    }
    return String(out)
  }

  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

/// Swift's `print`, shadowed for the whole module: every line printed is cleaned by `Output`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  Output.standard(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
