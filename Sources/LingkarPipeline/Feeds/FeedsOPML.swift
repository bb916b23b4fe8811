public import Foundation
import LingkarFeedList
public import LingkarModel
import LingkarParse
import LingkarStore

/// `lingkar feeds import` and `lingkar feeds export`: the feeds file to and from OPML 2.0, the form
/// every feed reader reads and writes. Tags travel as folders (the first) and categories (all).
public struct FeedsOPML {
  public let options: FeedsOptions

  public init(options: FeedsOptions) {
    self.options = options
  }

  /// What an import did.
  public struct ImportResult: Sendable {
    /// The lines appended.
    public var added: [String]
    /// Feeds not added, each with the reason.
    public var skipped: [(url: String, reason: Message)]
  }

  /// Appends every feed of the OPML file that the feeds file does not have yet, with its folders and
  /// categories as tags and its title in the note. Nothing is fetched: `lingkar feeds check` does that.
  public func importFile(
    _ path: String, tags extra: [String] = [], addedBy: String? = nil, now: Date = Date()
  ) throws(LingkarFailure) -> ImportResult {
    do { return try importing(path, tags: extra, addedBy: addedBy, now: now) } catch { throw LingkarFailure(error) }
  }

  private func importing(_ path: String, tags extra: [String], addedBy: String?, now: Date) throws(FeedsError)
    -> ImportResult
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .opml(path: path, reason: Message("errors.feeds.opml-unreadable"))
    }
    let document: OPMLDocument
    do {
      document = try OPMLReader.read(Array(data))
    } catch {
      throw .opml(path: path, reason: error.message)
    }
    var file = FeedListFile(path: options.feedsPath)
    file.lockTimeout = options.lockTimeout
    var result = ImportResult(added: [], skipped: [])
    let date = FeedAdder.day(now)
    do {
      // One read, every duplicate check against an index in memory, one write: the file is parsed
      // once, not after every feed (which made 4,000 feeds take 44 s with the lock held).
      try file.edit { text in
        let list = file.list(text)
        var known: [String: Int] = [:]
        for source in list.sources {
          if known[source.written] == nil { known[source.written] = source.line }
          let comparable = FeedList.comparable(source.url)
          if known[comparable] == nil { known[comparable] = source.line }
        }
        for feed in document.feeds {
          guard let url = Self.webAddress(feed.xmlURL) else {
            result.skipped.append((feed.xmlURL, Message("cli.feeds.import.not-web")))
            continue
          }
          let comparable = FeedList.comparable(url)
          if let line = known[url] ?? known[comparable] {
            result.skipped.append((url, Message("cli.feeds.import.already", ["lineNumber": .number(line)])))
            continue
          }
          let note = FeedNote(addedBy: addedBy, addedOn: date, description: feed.title).text
          let line = FeedList.line(address: url, tags: feed.tags + extra, note: note)
          text.append(line)
          result.added.append(line)
          known[url] = text.lines.count
          known[comparable] = text.lines.count
        }
      }
    } catch {
      throw .edit(error)
    }
    return result
  }

  /// The feeds file as OPML 2.0: each feed's expanded address, its title (the feed's own when it was
  /// fetched, else the note's), its tags. Local files are left out (no other reader can open them),
  /// and named in `skipped`.
  public func export(now: Date = Date()) throws(LingkarFailure) -> (opml: String, skipped: [String]) {
    do { return try exporting(now: now) } catch { throw LingkarFailure(error) }
  }

  private func exporting(now: Date) throws(FeedsError) -> (opml: String, skipped: [String]) {
    let list = try options.readFeedList().list
    var states: [String: FeedState] = [:]
    if FileManager.default.fileExists(atPath: options.databasePath) {
      do {
        states = try FeedStore(path: options.databasePath).feedStates()
      } catch {
        throw FeedsError(error)
      }
    }
    var document = OPMLDocument(title: "Lingkar feeds")
    var skipped: [String] = []
    for source in list.sources {
      if source.isLocalFile {
        skipped.append(source.written)
        continue
      }
      let title = states[source.written]?.title ?? FeedNote(parsing: source.note).description
      document.feeds.append(OPMLFeed(xmlURL: source.url, title: title, tags: source.tags))
    }
    return (OPMLWriter.write(document, dateCreated: now), skipped)
  }

  /// `feed://host/x` and `feed:https://host/x` as readers sometimes write them, as http(s).
  static func webAddress(_ address: String) -> String? {
    var url = address.trimmingCharacters(in: .whitespacesAndNewlines)
    let lower = url.lowercased()
    if lower.hasPrefix("feed:http://") || lower.hasPrefix("feed:https://") {
      url = String(url.dropFirst(5))
    } else if lower.hasPrefix("feed://") {
      url = "http://" + url.dropFirst(7)
    }
    let scheme = url.lowercased()
    guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://"), !url.contains(where: \.isWhitespace),
      !url.contains("\"")
    else { return nil }
    return url
  }
}
