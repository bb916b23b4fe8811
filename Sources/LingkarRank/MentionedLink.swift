import LingkarModel

/// A web address written in an item's text, as the canonical link it points to (see
/// `CanonicalLink`): a social post that shares a blog post usually ends with its address.
enum MentionedLink {
  /// The canonical link of an address as the tokenizer found it (up to the next space), without
  /// the punctuation a sentence puts after it; `www.` addresses are taken as `https://`. Nil when it
  /// is no usable link, or only a site's front page (which says nothing about a story).
  static func of(_ address: UnsafeBufferPointer<UInt8>) -> String? {
    var end = address.count
    while end > 0 {
      let byte = address[end - 1]
      if trailing.contains(byte) {
        end -= 1
      } else if end >= 3, byte == 0xA6, address[end - 2] == 0x80, address[end - 3] == 0xE2 {
        return nil  // "…" ends a shortened address, whose true end is unknown
      } else {
        break
      }
    }
    var text = String(decoding: UnsafeBufferPointer(rebasing: address[..<end]), as: UTF8.self)
    if text.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "w") { text = "https://" + text }
    guard let link = CanonicalLink.of(text) else { return nil }
    // `https://host/` and nothing more: a front page.
    guard let path = link.utf8.dropFirst("https://".utf8.count).firstIndex(of: UInt8(ascii: "/")),
      link.utf8[link.utf8.index(after: path)...].contains(where: { $0 != UInt8(ascii: "/") })
    else { return nil }
    return link
  }

  /// Bytes that end a sentence or a bracket rather than an address.
  private static let trailing: Set<UInt8> = Set(".,;:!?)]}'\"><".utf8)
}
