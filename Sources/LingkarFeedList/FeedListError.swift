/// Why a line of `feeds.txt` was skipped.
enum FeedListError: Error, CustomStringConvertible {
  /// Something after the address is neither a quoted tag nor a `# note`.
  case unexpectedText(String)
  /// A tag's closing double quote is missing.
  case unclosedTag
  /// The service publishes no feeds (x, twitter, facebook).
  case noFeeds(service: String)
  /// A shortcut without the part it needs.
  case incompleteShortcut(String, example: String)
  /// A scheme Lingkar does not read.
  case unsupportedScheme(String)
  /// A web address without a host.
  case missingHost(String)
  /// A shortcut Lingkar cannot turn into a feed address by itself.
  case needsLookup(String, advice: String)
  /// The same feed is listed twice.
  case duplicate(firstLine: Int)

  var description: String {
    switch self {
    case .unexpectedText(let text):
      "unexpected \"\(text)\": after the address, put tags in double quotes and a note after #"
    case .unclosedTag: "a tag is missing its closing double quote"
    case .noFeeds(let service):
      "\(service) publishes no feeds, so Lingkar cannot follow it; ask the person for a blog, Mastodon or Bluesky account instead"
    case .incompleteShortcut(let shortcut, let example): "\(shortcut) needs a name, for example \(example)"
    case .unsupportedScheme(let scheme):
      "Lingkar reads only http and https addresses and local files, not \(scheme):"
    case .missingHost(let address): "\(address) has no host name"
    case .needsLookup(let shortcut, let advice): "\(shortcut) cannot be followed yet: \(advice)"
    case .duplicate(let first): "this feed is already listed on line \(first); the line is skipped"
    }
  }
}
