import Foundation

/// The shortcuts `feeds.txt` accepts and the feed address each stands for.
enum FeedShortcut: String, CaseIterable {
  case mastodon, bluesky, youtube, blogger, wordpress, medium, substack

  /// Services that publish no feeds, with the name to use in the explanation.
  static let refused: [String: String] = ["x": "X (Twitter)", "twitter": "X (Twitter)", "facebook": "Facebook"]

  private var example: String {
    switch self {
    case .mastodon: "mastodon:@someteacher@mastodon.social"
    case .bluesky: "bluesky:someteacher.bsky.social"
    case .youtube: "youtube:UCxxxxxxxxxxxxxxxxxxxxxx"
    case .blogger: "blogger:gurukreatif"
    case .wordpress: "wordpress:gurukreatif"
    case .medium: "medium:@someteacher"
    case .substack: "substack:someteacher"
    }
  }

  /// The feed address for the part after `name:`.
  func expand(_ value: String) throws(FeedListError) -> String {
    let name = value.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, name.allSatisfy(Self.allowed.contains) else {
      throw .incompleteShortcut("\(rawValue):", example: example)
    }
    switch self {
    case .mastodon:
      let parts = name.split(separator: "@", omittingEmptySubsequences: true)
      guard parts.count == 2 else { throw .incompleteShortcut("mastodon:", example: example) }
      return "https://\(parts[1].lowercased())/@\(parts[0]).rss"
    case .bluesky:
      return "https://bsky.app/profile/\(name)/rss"
    case .youtube:
      if name.hasPrefix("@") {
        throw .needsChannelID("youtube:\(name)")
      }
      return "https://www.youtube.com/feeds/videos.xml?channel_id=\(name)"
    case .blogger:
      return "https://\(name.lowercased()).blogspot.com/feeds/posts/default"
    case .wordpress:
      let host = name.contains(".") ? name.lowercased() : "\(name.lowercased()).wordpress.com"
      return "https://\(host)/feed/"
    case .medium:
      return "https://medium.com/feed/" + (name.hasPrefix("@") ? name : "@" + name)
    case .substack:
      return "https://\(name.lowercased()).substack.com/feed"
    }
  }

  /// Characters a shortcut's name may hold (letters, digits, and the few marks handles use).
  private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@:")
}
