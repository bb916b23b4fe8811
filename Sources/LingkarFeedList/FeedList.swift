public import LingkarModel

/// Reads `feeds.txt`: one feed a line, a URL or a shortcut, then tags in double quotes, then a `# note`.
///
/// ```
/// https://gurukreatif.wordpress.com/feed/ "blog" "id"   # added by Bu Sari
/// mastodon:@someteacher@mastodon.social "social"
/// ./local-feed.xml
/// ```
///
/// A bad line becomes a diagnostic `feeds.txt:LINE: message` and is skipped; it never stops a run.
public struct FeedList: Sendable {
  public var sources: [FeedSource]
  public var diagnostics: [Diagnostic]

  /// Parses the text of a feeds file.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - fileName: the name used in diagnostics (`feeds.txt`).
  ///   - directory: the directory of the feeds file, against which relative local paths are resolved.
  public init(parsing text: String, fileName: String = "feeds.txt", directory: String) {
    self.init(text: FeedListText(text), fileName: fileName, directory: directory)
  }

  /// Parses a feeds file's lines, cut as `FeedListText` cuts them (the numbering edits use).
  /// Bytes that are not UTF-8 are read as U+FFFD: harmless in a comment or a note, and a line
  /// whose address holds one is reported with its number.
  public init(text: FeedListText, fileName: String = "feeds.txt", directory: String) {
    var sources: [FeedSource] = []
    var diagnostics: [Diagnostic] = []
    var seen: [String: Int] = [:]
    if let first = text.lines.first, first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) {
      self.sources = []
      self.diagnostics = [Diagnostic(subject: fileName, stage: .feedList, said: Message("errors.feed-line.utf16"))]
      return
    }
    for number in text.lines.indices.map({ $0 + 1 }) {
      let subject = "\(fileName):\(number)"
      do throws(FeedListError) {
        guard let line = try FeedListLine(parsing: text.line(number) ?? "") else { continue }
        var source = try FeedAddress.resolve(line.address, directory: directory)
        source.tags = line.tags
        source.note = line.note
        source.line = number
        if let first = seen[source.written] {
          throw .duplicate(firstLine: first)
        }
        seen[source.written] = number
        sources.append(source)
      } catch {
        diagnostics.append(Diagnostic(subject: subject, stage: .feedList, said: error.message))
      }
    }
    self.sources = sources
    self.diagnostics = diagnostics
  }
}
