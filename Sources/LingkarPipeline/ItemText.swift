/// The plain text the ranker reads for an entry: its summary, then the start of its content with
/// the markup removed (tags dropped, the commonest entities decoded).
enum ItemText {
  /// Characters of content read after the summary.
  static let contentLimit = 1000

  static func plain(summary: String?, content: String?) -> String {
    var text = summary ?? ""
    if let content, !content.isEmpty {
      let stripped = stripTags(String(content.prefix(contentLimit * 2)))
      if !text.isEmpty, stripped.hasPrefix(String(text.prefix(60))) {
        text = String(stripped.prefix(contentLimit))
      } else {
        text += "\n" + stripped.prefix(contentLimit)
      }
    }
    return text
  }

  static func stripTags(_ html: String) -> String {
    var output = ""
    output.reserveCapacity(html.utf8.count)
    var inTag = false
    var entity = ""
    var inEntity = false
    for character in html {
      if inTag {
        if character == ">" {
          inTag = false
          output.append(" ")
        }
      } else if inEntity {
        if character == ";" || entity.count > 8 {
          output += entities[entity] ?? " "
          inEntity = false
        } else {
          entity.append(character)
        }
      } else if character == "<" {
        inTag = true
      } else if character == "&" {
        inEntity = true
        entity = ""
      } else {
        output.append(character)
      }
    }
    return output
  }

  static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ", "hellip": "…",
    "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "mdash": "—", "ndash": "–",
  ]
}
