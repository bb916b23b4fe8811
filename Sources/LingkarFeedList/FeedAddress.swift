import Foundation
import LingkarModel

/// Turns the address column of `feeds.txt` into a feed source: web addresses as written, shortcuts
/// expanded by the table in `FeedShortcut`, local paths into `file://` URLs.
enum FeedAddress {
  static func resolve(_ address: String, directory: String) throws(FeedListError) -> FeedSource {
    if address.hasPrefix("@") {
      return FeedSource(written: address, url: try FeedShortcut.mastodon.expand(String(address.dropFirst())))
    }
    if let colon = address.firstIndex(of: ":") {
      let scheme = address[..<colon].lowercased()
      let rest = String(address[address.index(after: colon)...])
      if scheme == "http" || scheme == "https" {
        guard let host = URLComponents(string: address)?.host, !host.isEmpty else {
          throw .missingHost(address)
        }
        return FeedSource(written: address, url: address)
      }
      if scheme == "file" {
        guard let url = URL(string: address), url.isFileURL else { throw .unsupportedScheme(scheme) }
        return FeedSource(written: address, url: url.absoluteString, isLocalFile: true)
      }
      if let refusal = FeedShortcut.refused[scheme] { throw .noFeeds(service: refusal) }
      if let shortcut = FeedShortcut(rawValue: scheme) {
        return FeedSource(written: address, url: try shortcut.expand(rest))
      }
      // A single letter before the colon is more likely a Windows drive than a scheme; neither works.
      throw .unsupportedScheme(scheme)
    }
    let base = URL(fileURLWithPath: directory, isDirectory: true)
    let file = URL(fileURLWithPath: address, relativeTo: address.hasPrefix("/") ? nil : base).standardizedFileURL
    return FeedSource(written: address, url: file.absoluteString, isLocalFile: true)
  }
}
