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
  /// Words without any address among them.
  case noAddress
  /// Free text with more than one web address in it.
  case severalAddresses
  /// The address holds bytes that are not UTF-8 (read as U+FFFD).
  case undecodable

  var description: String {
    switch self {
    case .unexpectedText(let text):
      """
      "\(text)" after the address is neither a tag nor a note: put tags in double quotes ("blog") and \
      anything else after #, as in: https://guru.example/feed/ "blog" # Blog Pak Dedi
      """
    case .unclosedTag: "a tag is missing its closing double quote"
    case .noFeeds(let service):
      "\(service) publishes no feeds, so Lingkar cannot follow it; ask the person for a blog, Mastodon or Bluesky account instead"
    case .incompleteShortcut(let shortcut, let example): "\(shortcut) needs a name, for example \(example)"
    case .unsupportedScheme(let scheme):
      "Lingkar reads only http and https addresses and local files, not \(scheme):"
    case .missingHost(let address): "\(address) has no host name"
    case .needsLookup(let shortcut, let advice): "\(shortcut) cannot be followed yet: \(advice)"
    case .duplicate(let first): "this feed is already listed on line \(first); the line is skipped"
    case .noAddress: "this line has no feed address; if it is a comment, start it with #"
    case .severalAddresses:
      "this line holds more than one web address; put one feed a line, and anything else after #"
    case .undecodable:
      """
      the address holds characters that are not UTF-8 text (the file was perhaps saved in another \
      encoding); type the address again and save the file as UTF-8
      """
    }
  }
}
