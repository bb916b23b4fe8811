import Foundation
public import LingkarModel

/// What a teacher typed after `lingkar feeds add`: a feed or web address, a shortcut, a bare
/// Mastodon handle, or a local file, sorted out before anything is fetched.
public enum FeedInput: Sendable, Hashable {
  /// An http(s) address: a feed, or a page to search for one.
  case web(url: String)
  /// A shortcut (`mastodon:@guru@mastodon.social`, `@guru@mastodon.social`, `bluesky:…`), with the
  /// feed address it stands for.
  case shortcut(written: String, url: String)
  /// `youtube:@handle`: the channel id must be read from the channel page first.
  case youTubeHandle(String)
  /// A local file, as written and as a `file://` URL.
  case localFile(written: String, url: String)

  /// Sorts out `input`. A bare host (`gurukreatif.wordpress.com`) is taken as `https://`.
  /// - Parameter directory: the feeds file's directory, against which a relative path is resolved.
  public static func classify(_ raw: String, directory: String) throws(FeedInputError) -> FeedInput {
    // As pasted from a chat or a document: invisible characters dropped, quotes or <> around it taken off.
    let visible = String(String.UnicodeScalarView(raw.unicodeScalars.filter { !FeedListLine.isInvisible($0) }))
    let input = visible.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(Self.wrappers))
    guard !input.isEmpty else { throw .empty }
    // Judged on scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard
      !input.unicodeScalars.contains(where: {
        $0 == "\"" || FeedList.isUnwritable($0) || $0.properties.isWhitespace || FeedListLine.isInvisible($0)
      })
    else {
      throw .invalid(input, reason: Message("errors.input.spaces"))
    }
    let lower = input.lowercased()
    if let colon = lower.firstIndex(of: ":"), let service = FeedShortcut.refused[String(lower[..<colon])] {
      throw .refused(service: service)
    }
    if lower.hasPrefix("youtube:@") {
      let handle = String(input.dropFirst("youtube:@".count))
      guard !handle.isEmpty, handle.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
        throw .invalid(input, reason: Message("errors.input.youtube-handle"))
      }
      return .youTubeHandle(handle)
    }
    var address = input
    if scheme(of: input) == nil && !input.hasPrefix("@") && !input.hasPrefix("/") && !input.hasPrefix(".")
      && !FileManager.default.fileExists(
        atPath: URL(fileURLWithPath: input, relativeTo: URL(fileURLWithPath: directory)).path),
      let host = input.split(separator: "/").first, host.contains("."), !host.hasSuffix(".")
    {
      address = "https://" + input  // a bare host, as people copy it from the address bar
    }
    if let scheme = scheme(of: address), scheme == "http" || scheme == "https" {
      if let host = URLComponents(string: address)?.host?.lowercased(), let service = refusedHost(host) {
        throw .refused(service: service)
      }
    }
    let source: FeedSource
    do {
      source = try FeedAddress.resolve(address, directory: directory)
    } catch {
      throw .invalid(input, reason: error.message)
    }
    if source.isLocalFile { return .localFile(written: source.written, url: source.url) }
    if source.written == source.url { return .web(url: source.url) }
    return .shortcut(written: source.written, url: source.url)
  }

  private static let wrappers = CharacterSet(charactersIn: "\"'`“”„‘’«»‹›<>")

  /// The scheme of an address (`https`, `mastodon`), lower-cased; nil when there is none.
  static func scheme(of address: String) -> String? {
    guard let colon = address.firstIndex(of: ":"), let first = address.first, first.isASCII, first.isLetter else {
      return nil
    }
    let name = address[..<colon]
    guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
    return name.lowercased()
  }

  /// The service behind a host that publishes no feeds, if it is one.
  static func refusedHost(_ host: String) -> String? {
    let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    for (domain, service) in [
      ("x.com", "X (Twitter)"), ("twitter.com", "X (Twitter)"), ("facebook.com", "Facebook"), ("fb.com", "Facebook"),
      ("fb.me", "Facebook"), ("fb.watch", "Facebook"),
    ] where bare == domain || bare.hasSuffix("." + domain) {
      return service
    }
    return nil
  }
}

/// Why an input cannot be added.
public enum FeedInputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Nothing was given.
  case empty
  /// The service publishes no feeds (X/Twitter, Facebook).
  case refused(service: String)
  /// Not an address Lingkar can follow, and why.
  case invalid(String, reason: Message)

  /// What is wrong and what to do, for people.
  public var message: Message {
    switch self {
    case .empty: Message("errors.input.empty")
    case .refused(let service): Message("errors.input.refused", ["service": .text(service)])
    case .invalid(let input, let reason):
      Message("errors.input.invalid", ["input": .text(input), "reason": .message(reason)])
    }
  }

  public var description: String { message.description }
}
