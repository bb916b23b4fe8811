/// One feed the school follows, as a line of `feeds.txt` gives it.
public struct FeedSource: Sendable, Hashable {
  /// The URL or shortcut exactly as written in `feeds.txt`; the key under which the feed is remembered.
  public var written: String
  /// The address to fetch: the shortcut expanded, a local path turned into a `file://` URL.
  public var url: String
  /// Tags given in double quotes after the address.
  public var tags: [String]
  /// The `# note` at the end of the line, without the `#`.
  public var note: String?
  /// The line number in `feeds.txt` (1-based).
  public var line: Int
  /// True for a local path from `feeds.txt`: the only case where `file://` may be read.
  public var isLocalFile: Bool

  public init(
    written: String, url: String, tags: [String] = [], note: String? = nil, line: Int = 0, isLocalFile: Bool = false
  ) {
    self.written = written
    self.url = url
    self.tags = tags
    self.note = note
    self.line = line
    self.isLocalFile = isLocalFile
  }
}
