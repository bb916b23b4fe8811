public import LingkarModel

/// The digest's "Dibagikan guru / Shared by teachers" section, in every format: the articles
/// teachers shared this period (`lingkar share`, the web's `/share`), in rank order, each with
/// "dibagikan oleh NAME". Nothing at all when nobody shared anything, so a digest without shares
/// is byte for byte what it was. Kept apart from the renderers so each calls it in one line.
public enum SharedSection {
  /// The shared items of `digest`, in its order.
  static func items(_ digest: Digest) -> [DigestItem] { digest.shared.compactMap { digest.item($0) } }

  /// "dibagikan oleh Bu Ani, Pak Dedi".
  static func sharedBy(_ item: DigestItem, _ words: Catalogue) -> String {
    words.text(
      "digest.shared.by", ["names": .text(item.sharedBy.map { Escaping.clean($0.name) }.joined(separator: ", "))])
  }

  static func title(_ item: DigestItem, _ words: Catalogue) -> String {
    item.title.map { Escaping.clean($0) }.flatMap { $0.isEmpty ? nil : $0 }
      ?? item.link.flatMap(Escaping.safeLink).map { Escaping.shortLink($0) } ?? words.text("digest.shared.untitled")
  }

  /// A `<section id="shared">` for `digest.html`.
  public static func html(_ digest: Digest) -> String {
    let shared = items(digest)
    guard !shared.isEmpty else { return "" }
    let words = Catalogue.for(digest.language)
    var html = "<section id=\"shared\" aria-labelledby=\"shared-h\">\n"
    html += "<h2 id=\"shared-h\">\(Escaping.html(words.text("digest.shared.heading")))</h2>\n<ul class=\"shared\">\n"
    for item in shared {
      let title = Escaping.html(self.title(item, words))
      html += "<li>"
      if let link = item.link.flatMap(Escaping.safeLink) {
        html += "<a href=\"\(Escaping.attribute(link))\">\(title)</a>"
      } else {
        html += title
      }
      html += " <span class=\"source\">— \(Escaping.html(sharedBy(item, words)))</span>"
      if let note = item.sharedBy.first(where: { $0.note != nil })?.note {
        html += "<br /><q>\(Escaping.html(Escaping.excerpt(note, limit: 240)))</q>"
      }
      html += "</li>\n"
    }
    return html + "</ul>\n</section>\n"
  }

  /// A `## Dibagikan guru` part for `digest.md`.
  public static func markdown(_ digest: Digest) -> String {
    let shared = items(digest)
    guard !shared.isEmpty else { return "" }
    let words = Catalogue.for(digest.language)
    var md = "\n## \(Escaping.markdown(words.text("digest.shared.heading")))\n\n"
    for item in shared {
      let title = Escaping.markdown(self.title(item, words))
      if let link = item.link.flatMap(Escaping.safeLink) {
        md += "- [\(title)](\(Escaping.markdownLink(link)))"
      } else {
        md += "- \(title)"
      }
      md += " — \(Escaping.markdown(sharedBy(item, words)))\n"
    }
    return md
  }

  /// The lines for `digest.txt` (WhatsApp, Telegram).
  public static func text(_ digest: Digest) -> [String] {
    let shared = items(digest)
    guard !shared.isEmpty else { return [] }
    let words = Catalogue.for(digest.language)
    var lines = ["", "*\(words.text("digest.shared.heading").uppercased())*"]
    for item in shared {
      lines.append("• " + title(item, words) + " — " + sharedBy(item, words))
      if let link = item.link.flatMap(Escaping.safeLink) { lines.append("  " + link) }
    }
    return lines
  }

  /// `"shared"` in digest.json: each shared item's key with its sharers (name, time, note), in rank
  /// order; only when there are some (an addition to the keys cli.md fixes).
  public static func json(_ digest: Digest, into json: inout JSONWriter) {
    if let votes = digest.votes, !votes.counts.isEmpty {
      json.key("votes_meeting")
      json.string(votes.meeting.description)
    }
    let shared = items(digest)
    guard !shared.isEmpty else { return }
    json.key("shared")
    json.openArray()
    for item in shared {
      json.element()
      json.open()
      json.key("item")
      json.string(item.key)
      json.key("shared_by")
      json.openArray()
      for share in item.sharedBy {
        json.element()
        json.open()
        json.key("name")
        json.string(share.name)
        json.key("time")
        json.string(Timestamp.iso8601(share.time))
        json.key("note")
        json.string(share.note)
        json.close()
      }
      json.closeArray()
      json.close()
    }
    json.closeArray()
  }

  /// `"votes"` in a topic of digest.json: the votes for the next meeting, when any were cast.
  public static func votes(_ digest: Digest, topic: String, into json: inout JSONWriter) {
    guard let votes = digest.votes, !votes.counts.isEmpty else { return }
    json.key("votes")
    json.integer(votes.count(topic))
  }
}
