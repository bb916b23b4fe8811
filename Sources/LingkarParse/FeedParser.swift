import Foundation
public import LingkarModel

/// Parses feed documents: bytes in, a normalized `FeedDocument` out. It never touches the network.
///
/// ```swift
/// let document = try FeedParser.parse(bytes, baseURL: "https://guru.example/feed/")
/// ```
///
/// For a body that arrives in pieces, use `FeedParser.Session`, which parses as the bytes come.
public enum FeedParser {
  /// Parses a whole document.
  /// - Parameters:
  ///   - bytes: the document as received.
  ///   - baseURL: the URL it came from, against which relative links are resolved.
  ///   - charset: the charset of the HTTP `Content-Type`, if any.
  public static func parse(_ bytes: [UInt8], baseURL: String? = nil, charset: String? = nil) throws(FeedParseError)
    -> FeedDocument
  {
    let session = Session(baseURL: baseURL, charset: charset)
    bytes.withUnsafeBytes { session.consume($0) }
    return try session.finish()
  }

  /// An incremental parse: `consume` each chunk as it arrives, then `finish`.
  public final class Session: BodyConsumer {
    private enum Mode {
      case sniffing
      case xml(InputDecoder, XMLFeedReader)
      case json
    }

    private let baseURL: String?
    private let charset: String?
    private var mode: Mode = .sniffing
    private var buffered: [UInt8] = []
    private let html: HTMLText
    private(set) public var byteCount = 0

    public init(baseURL: String? = nil, charset: String? = nil) {
      self.baseURL = baseURL
      self.charset = charset
      self.html = HTMLText()
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) {
      byteCount += chunk.count
      switch mode {
      case .xml(let decoder, let reader):
        decoder.decode(chunk) { reader.parse($0) }
      case .json:
        buffered.append(contentsOf: chunk)
      case .sniffing:
        buffered.append(contentsOf: chunk)
        guard let first = Self.firstSignificantByte(buffered) else { return }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
          mode = .json
        } else {
          let decoder = InputDecoder(charsetHint: charset)
          let reader = XMLFeedReader(baseURL: baseURL)
          mode = .xml(decoder, reader)
          let pending = buffered
          buffered = []
          pending.withUnsafeBytes { raw in decoder.decode(raw) { reader.parse($0) } }
        }
      }
    }

    public func finish() throws(FeedParseError) -> FeedDocument {
      switch mode {
      case .sniffing:
        throw .empty
      case .json:
        // JSONSerialization takes a byte-order mark only as the very first bytes.
        let blank = InputDecoder.leadingBlankCount(buffered)
        var document = try JSONFeedReader(html: html).read(Data(buffered[blank...]))
        FieldLimits.apply(to: &document)
        return document
      case .xml(let decoder, let reader):
        decoder.finish { reader.parse($0) }
        reader.finish()
        let builder = reader.builder
        var document = DocumentAssembler(html: html).document(
          version: builder.version, feed: builder.feed, entries: builder.entries)
        guard let root = reader.rootName else { throw .unreadable(FetchFailure.Unreadable.noElement) }
        if document.format == nil {
          // A web page may hold a stray <link> or <title>; it is still not a feed.
          if root == "html" || root.hasSuffix("_html") { throw .htmlPage }
          if document == FeedDocument() { throw .notAFeed(root: root) }
        }
        FieldLimits.apply(to: &document)
        return document
      }
    }

    /// The first byte that is not white space or a UTF-8 byte-order mark; nil if none yet.
    private static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
      let blank = InputDecoder.leadingBlankCount(bytes)
      guard blank < bytes.count else { return nil }
      // A byte-order mark cut by the end of the chunk: wait for the rest.
      if bytes.count - blank < 3, [0xEF, 0xBB].starts(with: bytes[blank...]) { return nil }
      return bytes[blank]
    }
  }
}
