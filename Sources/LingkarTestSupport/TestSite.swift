import Foundation

/// A web site of its own on the loopback test server, at `http://NAME.localhost:PORT/`: every test
/// sets up the pages it needs, root paths included, without touching any other test's site.
///
/// ```swift
/// let site = TestSite("blog")
/// site.page("/", "<link rel=alternate type=application/rss+xml href=/feed/>")
/// site.feed("/feed/", TestSite.rss(title: "Blog", items: 3))
/// site.url("/")   // http://blog-1a2b3c4d.localhost:PORT/
/// ```
public struct TestSite: Sendable {
  /// The host's first label (unique per site).
  public let name: String
  private let folder: String

  public init(_ prefix: String = "site") {
    name = prefix.lowercased() + "-" + UUID().uuidString.prefix(8).lowercased()
    folder = TestServer.shared.sitesRoot + "/" + name
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// `http://NAME.localhost:PORT`
  public var origin: String { "http://\(name).localhost:\(TestServer.shared.port)" }

  /// The site's address for `path` (which starts with `/`).
  public func url(_ path: String) -> String { origin + path }

  /// Serves `body` at `path` (with its query, exactly as requested).
  public func serve(_ path: String, status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
    let spec: [String: Any] = [
      "status": status, "headers": headers.map { [$0.0, $0.1] }, "body": Data(body).base64EncodedString(),
    ]
    let hex = path.utf8.map { String(format: "%02x", $0) }.joined()
    guard let data = try? JSONSerialization.data(withJSONObject: spec) else { return }
    _ = FileManager.default.createFile(atPath: folder + "/" + hex + ".json", contents: data)
  }

  /// An HTML page.
  public func page(_ path: String, _ html: String, contentType: String = "text/html; charset=utf-8") {
    serve(path, headers: [("Content-Type", contentType)], body: Array(html.utf8))
  }

  /// A feed document.
  public func feed(_ path: String, _ xml: String, contentType: String = "application/rss+xml") {
    serve(path, headers: [("Content-Type", contentType)], body: Array(xml.utf8))
  }

  /// A redirect to `location` (a path of this site or a full address).
  public func redirect(_ path: String, to location: String, status: Int = 301) {
    serve(path, status: status, headers: [("Location", location)])
  }

  /// An RSS 2.0 feed with `items` items, newest first, one day apart from 2026-11-20.
  public static func rss(title: String, items: Int, link: String = "https://example.org/") -> String {
    let entries = (0..<items).map { index in
      let day = 20 - index
      return """
        <item><title>\(title) post \(index + 1)</title><link>\(link)post-\(index + 1)</link>\
        <guid>\(link)post-\(index + 1)</guid><pubDate>\(day < 10 ? "0" : "")\(day) Nov 2026 08:00:00 +0700</pubDate></item>
        """
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>\(title)</title><link>\(link)</link>
      \(entries.joined(separator: "\n"))
      </channel></rss>
      """
  }
}
