/// Why a feed could not be fetched or read, in words a teacher can act on.
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
  /// The document arrived but cannot be read as a feed.
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
  /// Any other problem, with libcurl's own words.
  case other(String)

  public var description: String {
    switch self {
    case .hostNotFound: "host not found (check the address for typos)"
    case .connectionRefused: "connection refused (the site may be down)"
    case .timedOut: "timed out (the site is too slow or not answering)"
    case .tls: "TLS problem (the site's secure connection or certificate is broken)"
    case .http(let code): "HTTP \(code)" + (Self.httpMeaning[code].map { " (\($0))" } ?? "")
    case .webPage: "this is a web page, not a feed"
    case .tooLarge(let limit):
      "too large (more than " + (limit >= 1_000_000 ? "\(limit / 1_000_000) MB" : "\(limit / 1_000) KB")
        + "; --max-size raises the limit)"
    case .unreadable(let why): "unreadable feed: \(why)"
    case .connectionBroken: "the connection broke off before the feed was complete"
    case .tooManyRedirects: "too many redirects (the site sends Lingkar in a circle)"
    case .forbiddenAddress: "not an http or https address (redirects to other kinds of address are refused)"
    case .fileNotReadable: "the local file cannot be read (check the path)"
    case .privateAddress(let address):
      "the address leads into a private network (\(address)); Lingkar's web page does not fetch such addresses"
    case .waiting: "the server asked Lingkar to wait before trying again"
    case .other(let message): message
    }
  }

  private static let httpMeaning: [Int: String] = [
    400: "the server did not understand the request",
    401: "the feed needs a login",
    403: "the server refuses to give the feed",
    404: "not found: the address may have changed",
    429: "too many requests: Lingkar will wait",
    500: "the site has an internal error",
    502: "the site is down",
    503: "the site is temporarily unavailable",
    504: "the site is down",
  ]
}
