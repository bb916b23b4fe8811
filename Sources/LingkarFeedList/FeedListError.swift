import LingkarModel

/// Why a line of `feeds.txt` was skipped.
enum FeedListError: Error {
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
  /// `youtube:@handle`: only `feeds add` can look the channel id up.
  case needsChannelID(String)
  /// The same feed is listed twice.
  case duplicate(firstLine: Int)
  /// Words without any address among them.
  case noAddress
  /// Free text with more than one web address in it.
  case severalAddresses
  /// The address holds bytes that are not UTF-8 (read as U+FFFD).
  case undecodable

  /// What is wrong with the line and what to do, for people.
  var message: Message {
    switch self {
    case .unexpectedText(let text): Message("errors.feed-line.unexpected-text", ["text": .text(text)])
    case .unclosedTag: Message("errors.feed-line.unclosed-tag")
    case .noFeeds(let service): Message("errors.feed-line.no-feeds", ["service": .text(service)])
    case .incompleteShortcut(let shortcut, let example):
      Message("errors.feed-line.incomplete-shortcut", ["shortcut": .text(shortcut), "example": .text(example)])
    case .unsupportedScheme(let scheme): Message("errors.feed-line.unsupported-scheme", ["scheme": .text(scheme)])
    case .missingHost(let address): Message("errors.feed-line.missing-host", ["url": .text(address)])
    case .needsChannelID(let shortcut): Message("errors.feed-line.youtube-handle", ["shortcut": .text(shortcut)])
    case .duplicate(let first): Message("errors.feed-line.duplicate", ["lineNumber": .number(first)])
    case .noAddress: Message("errors.feed-line.no-address")
    case .severalAddresses: Message("errors.feed-line.several-addresses")
    case .undecodable: Message("errors.feed-line.undecodable")
    }
  }
}
