/// Why a feed could not be fetched or read, in words a teacher can act on (`message`), and as a
/// short code that does not depend on a language (`code`), which is what the database keeps.
public enum FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The host name does not resolve.
  case hostNotFound
  /// Nothing answers at that address.
  case connectionRefused
  /// The server was too slow: it did not connect, send, or finish in time.
  case timedOut
  /// The secure connection could not be set up or its certificate is not valid.
  case tls
  /// The server answered with an HTTP error status.
  case http(Int)
  /// The address leads to a web page, not a feed.
  case webPage
  /// The feed is larger than the size limit.
  case tooLarge(limit: Int)
  /// The document arrived but cannot be read as a feed; the detail is one of the codes of
  /// `Unreadable` (`empty`, `not-a-feed:ROOT`, ...), or a parser's own detail for developers.
  case unreadable(String)
  /// The connection broke off before the whole feed arrived.
  case connectionBroken
  /// The server redirected too many times (a loop, most likely).
  case tooManyRedirects
  /// The address, or a redirect, uses a scheme Lingkar does not read (only http and https).
  case forbiddenAddress
  /// A local feed file cannot be read.
  case fileNotReadable
  /// The address (or a redirect) leads into a private network (loopback, private, link-local, unique-local,
  /// multicast or unspecified): refused for addresses typed into the web page (`lingkar serve`).
  case privateAddress(String)
  /// The server asked to wait before asking again (429/503 with Retry-After) and the time has not come.
  case waiting
  /// The address is not a valid URL.
  case invalidAddress
  /// The address is longer than Lingkar fetches.
  case addressTooLong(limit: Int)
  /// A local path that is not a regular file: `folder`, `pipe`, `socket` or `device`.
  case notRegularFile(kind: String)
  /// The transfer could not be made; libcurl's result code, for developers.
  case downloadFailed(curlCode: Int)
  /// Not fetched in this run (the run's time limit came first).
  case notFetched
  /// A problem stored by an older Lingkar as English words, shown as it is.
  case other(String)

  /// The details of `unreadable` that Lingkar itself gives.
  public enum Unreadable {
    public static let empty = "empty"
    public static let noElement = "no-element"
    public static let invalidJSON = "invalid-json"
    public static let damagedCompression = "damaged-compression"
    /// `not-a-feed:ROOT`: XML or JSON, but its root element is not a feed's.
    public static func notAFeed(root: String) -> String { "not-a-feed:" + root }
  }

  /// The failure in the process's language (`Catalogue.current`).
  public var description: String { message.description }

  /// What happened and what to do, for people.
  public var message: Message {
    switch self {
    case .hostNotFound: Message("errors.fetch.host-not-found")
    case .connectionRefused: Message("errors.fetch.connection-refused")
    case .timedOut: Message("errors.fetch.timed-out")
    case .tls: Message("errors.fetch.tls")
    case .http(let code):
      Self.httpMeanings.contains(code)
        ? Message("errors.fetch.http.\(code)", ["code": .number(code)])
        : Message("errors.fetch.http", ["code": .number(code)])
    case .webPage: Message("errors.fetch.web-page")
    case .tooLarge(let limit):
      limit >= 1_000_000
        ? Message("errors.fetch.too-large.mb", ["size": .number(limit / 1_000_000)])
        : Message("errors.fetch.too-large.kb", ["size": .number(limit / 1_000)])
    case .unreadable(let detail):
      switch detail {
      case Unreadable.empty: Message("errors.fetch.unreadable.empty")
      case Unreadable.noElement, Unreadable.invalidJSON: Message("errors.fetch.unreadable.garbled")
      case Unreadable.damagedCompression: Message("errors.fetch.unreadable.compression")
      case let root where root.hasPrefix("not-a-feed:"):
        Message("errors.fetch.unreadable.not-a-feed", ["root": .text(String(root.dropFirst("not-a-feed:".count)))])
      default: Message("errors.fetch.unreadable")
      }
    case .connectionBroken: Message("errors.fetch.connection-broken")
    case .tooManyRedirects: Message("errors.fetch.too-many-redirects")
    case .forbiddenAddress: Message("errors.fetch.forbidden-address")
    case .fileNotReadable: Message("errors.fetch.file-not-readable")
    case .waiting: Message("errors.fetch.waiting")
    case .privateAddress(let address): Message("errors.fetch.private-address", ["address": .text(address)])
    case .invalidAddress: Message("errors.fetch.invalid-address")
    case .addressTooLong(let limit): Message("errors.fetch.address-too-long", ["limit": .number(limit)])
    case .notRegularFile(let kind):
      ["folder", "pipe", "socket"].contains(kind)
        ? Message("errors.fetch.not-a-file.\(kind)") : Message("errors.fetch.not-a-file.device")
    case .downloadFailed(let code): Message("errors.fetch.download-failed", ["code": .number(code)])
    case .notFetched: Message("errors.fetch.not-fetched")
    case .other(let text): .verbatim(text)
    }
  }

  /// The HTTP statuses with a sentence of their own; others get the general one.
  private static let httpMeanings: Set<Int> = [400, 401, 403, 404, 429, 500, 502, 503, 504]

  // MARK: - The stored form

  /// The failure as the database keeps it (`feeds.error`): the same in every language, so that the
  /// digest can say it in its own (`http:404`, `host-not-found`, `too-large:4000000`,
  /// `unreadable:empty`).
  public var code: String {
    switch self {
    case .hostNotFound: "host-not-found"
    case .connectionRefused: "connection-refused"
    case .timedOut: "timed-out"
    case .tls: "tls"
    case .http(let status): "http:\(status)"
    case .webPage: "web-page"
    case .tooLarge(let limit): "too-large:\(limit)"
    case .unreadable(let detail): "unreadable:" + detail
    case .connectionBroken: "connection-broken"
    case .tooManyRedirects: "too-many-redirects"
    case .forbiddenAddress: "forbidden-address"
    case .fileNotReadable: "file-not-readable"
    case .waiting: "waiting"
    case .invalidAddress: "invalid-address"
    case .addressTooLong(let limit): "address-too-long:\(limit)"
    case .notRegularFile(let kind): "not-a-file:" + kind
    case .privateAddress(let address): "private-address:" + address
    case .downloadFailed(let code): "curl:\(code)"
    case .notFetched: "not-fetched"
    case .other(let text): text
    }
  }

  /// The failure a stored code stands for; anything else (the English sentence an older Lingkar
  /// stored) is kept as it is, as `other`.
  public init(code: String) {
    let plain: [String: FetchFailure] = [
      "host-not-found": .hostNotFound, "connection-refused": .connectionRefused, "timed-out": .timedOut, "tls": .tls,
      "web-page": .webPage, "connection-broken": .connectionBroken, "too-many-redirects": .tooManyRedirects,
      "forbidden-address": .forbiddenAddress, "file-not-readable": .fileNotReadable, "waiting": .waiting,
      "invalid-address": .invalidAddress, "not-fetched": .notFetched,
    ]
    if let known = plain[code] {
      self = known
      return
    }
    guard let colon = code.firstIndex(of: ":"), !code.contains(" ") || code.hasPrefix("unreadable:") else {
      self = .other(code)
      return
    }
    let name = code[..<colon]
    let value = String(code[code.index(after: colon)...])
    switch (name, Int(value)) {
    case ("http", let status?): self = .http(status)
    case ("too-large", let limit?): self = .tooLarge(limit: limit)
    case ("address-too-long", let limit?): self = .addressTooLong(limit: limit)
    case ("curl", let curlCode?): self = .downloadFailed(curlCode: curlCode)
    case ("unreadable", _): self = .unreadable(value)
    case ("not-a-file", _) where !value.isEmpty: self = .notRegularFile(kind: value)
    case ("private-address", _) where !value.isEmpty: self = .privateAddress(value)
    default: self = .other(code)
    }
  }
}
