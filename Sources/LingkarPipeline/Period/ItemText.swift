import LingkarParse

/// The plain text the ranker reads for an entry: its summary (plain text already), then the start
/// of its content as plain text through libxml2's HTML parser (`HTMLText`: tags and `script`/`style`
/// dropped, every character reference decoded, a space only where a block element begins or ends,
/// so an address Mastodon splits over several `span`s stays whole).
///
/// One instance keeps one parser for a batch of entries; it is not thread-safe.
final class ItemText {
  /// Characters of content read after the summary.
  static let contentLimit = 1000

  private let html = HTMLText()

  func plain(summary: String?, content: String?) -> String {
    var text = summary ?? ""
    if let content, !content.isEmpty {
      // Markup takes room: twice the bytes wanted are read.
      let stripped = html.text(of: content, byteLimit: Self.contentLimit * 2) ?? ""
      if text.isEmpty || stripped.hasPrefix(String(text.prefix(60))) {
        text = String(stripped.prefix(Self.contentLimit))
      } else if !stripped.isEmpty {
        text += "\n" + stripped.prefix(Self.contentLimit)
      }
    }
    return text
  }
}
