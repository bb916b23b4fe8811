import Foundation
public import LingkarModel

/// The feeds needing attention as a message of their own, for the facilitator's address
/// (`mail.admin`): the teachers' mail leaves them out, since nobody but the facilitator can fix a
/// feed. Plain text and a small HTML page, in the digest's language.
public struct AttentionRenderer: Sendable {
  public init() {}

  /// Whether the digest has anything to report.
  public static func hasProblems(_ digest: Digest) -> Bool {
    !digest.feedsNeedingAttention.isEmpty || !digest.feedsFileProblems.isEmpty
  }

  /// The subject line.
  public func subject(_ digest: Digest) -> String {
    Catalogue.for(digest.language).text("mail.admin.subject", ["range": .text(range(digest))])
  }

  /// The problems, one line each: the feed's name, its address and what is wrong.
  public func lines(_ digest: Digest) -> [String] {
    let s = Strings.for(digest.language)
    var lines = digest.feedsFileProblems.map {
      Escaping.clean(s.badLine($0.subject, $0.said.text(in: digest.language)))
    }
    for (feed, attention) in digest.feedsNeedingAttention {
      var line = Escaping.clean(feed.title ?? Escaping.shortLink(feed.url)) + " (" + Escaping.clean(feed.url) + "): "
      line += Escaping.clean(s.attention(attention))
      if case .moved(let newURL) = attention { line += ": " + Escaping.clean(newURL) + " (" + s.movedAction + ")" }
      lines.append(line)
    }
    return lines
  }

  public func text(_ digest: Digest) -> String {
    let catalogue = Catalogue.for(digest.language)
    var text = catalogue.text("mail.admin.intro", ["range": .text(range(digest))]) + "\n\n"
    text += lines(digest).map { "- " + $0 }.joined(separator: "\n")
    return text + "\n\n" + catalogue.text("mail.admin.action") + "\n"
  }

  public func html(_ digest: Digest) -> String {
    let catalogue = Catalogue.for(digest.language)
    let title = Escaping.html(subject(digest))
    var html = "<!DOCTYPE html>\n<html lang=\"\(digest.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\" />\n"
    html += "<title>\(title)</title>\n</head>\n<body>\n"
    html += "<p>\(Escaping.html(catalogue.text("mail.admin.intro", ["range": .text(range(digest))])))</p>\n<ul>\n"
    for line in lines(digest) { html += "<li>\(Escaping.html(line))</li>\n" }
    html += "</ul>\n<p>\(Escaping.html(catalogue.text("mail.admin.action")))</p>\n</body>\n</html>\n"
    return html
  }

  private func range(_ digest: Digest) -> String {
    Strings.for(digest.language).range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
  }
}
