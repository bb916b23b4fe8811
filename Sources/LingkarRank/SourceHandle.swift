import Foundation

/// The person behind a source, as far as its address tells: `@bu_sari@mastodon.social`,
/// `https://mastodon.social/@bu_sari.rss`, `bu-sari.bsky.social` and `busari.wordpress.com/feed/` all
/// give `busari`. The same person posting on a blog and cross-posting on Mastodon and Bluesky is the
/// commonest duplicate in a teachers' feed list.
enum SourceHandle {
  /// Hosts that give each person a subdomain of their own: the subdomain is the handle.
  static let personalHosts = [
    ".bsky.social", ".blogspot.com", ".blogspot.co.id", ".wordpress.com", ".substack.com", ".medium.com",
    ".tumblr.com", ".github.io",
  ]

  static func of(_ source: String) -> String? {
    var text = Substring(source.lowercased())
    for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
    let host = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    var candidate: Substring?
    if text.hasPrefix("@") {
      candidate = text.dropFirst().split(separator: "@").first
    } else if let at = text.range(of: "/@") {
      candidate = text[at.upperBound...].split(whereSeparator: { "/.?#".contains($0) }).first
    } else if let profile = text.range(of: "profile/") {
      candidate = text[profile.upperBound...].split(separator: "/").first?.split(separator: ".").first
    } else if personalHosts.contains(where: { host.hasSuffix($0) }) {
      candidate = host.split(separator: ".").first
    }
    guard let candidate else { return nil }
    let handle = String(candidate.filter { $0.isLetter || $0.isNumber })
    return handle.count >= 3 ? handle : nil
  }
}
