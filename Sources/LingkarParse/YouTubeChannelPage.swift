import Foundation

/// Reads a YouTube channel page (`https://www.youtube.com/@handle`) for the channel's id, which
/// its feed address needs. A pure function of the page's bytes.
public enum YouTubeChannelPage {
  /// The channel id (`UC` and 22 more characters): from the page's feed link, its canonical link
  /// (`/channel/UC...`), or the `channelId`/`externalId` in the page's data; nil when none is found.
  public static func channelID(page: [UInt8], pageURL: String) -> String? {
    let discovered = FeedDiscovery.discover(page: page, pageURL: pageURL)
    for link in discovered.feeds {
      if let id = URLComponents(string: link.url)?.queryItems?.first(where: { $0.name == "channel_id" })?.value,
        isChannelID(id)
      {
        return id
      }
    }
    if let canonical = discovered.canonicalURL, let range = canonical.range(of: "/channel/") {
      let id = String(canonical[range.upperBound...].prefix { $0 != "/" && $0 != "?" })
      if isChannelID(id) { return id }
    }
    let text = String(decoding: page, as: UTF8.self)
    for key in ["\"channelId\":\"", "\"externalId\":\"", "itemprop=\"channelId\" content=\""] {
      var search = text.startIndex..<text.endIndex
      while let found = text.range(of: key, range: search) {
        let id = String(text[found.upperBound...].prefix(24))
        if isChannelID(id) { return id }
        search = found.upperBound..<text.endIndex
      }
    }
    return nil
  }

  /// `UC` followed by 22 characters of URL-safe base64.
  public static func isChannelID(_ text: String) -> Bool {
    text.utf8.count == 24 && text.hasPrefix("UC")
      && text.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == 0x2D
          || byte == 0x5F
      }
  }
}
