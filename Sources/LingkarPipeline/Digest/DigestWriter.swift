import Foundation
public import LingkarDigest
public import LingkarModel
public import LingkarStore

/// Writes a finished digest: `output/YYYY-MM-DD/digest.{html,md,txt,json}` and `digest-full.txt`,
/// then the archive page `output/index.html` and the Atom feed `output/feed.xml` over the digests
/// the store recorded (passed in: `output/` is only ever written, never read back). The seven files are written as one set (see `AtomicFile`): all complete on disk before
/// any replaces its old version, so a full disk leaves the old set whole, never a mix; writing
/// again for the same date replaces the same files, keeping their permissions.
///
/// The caller holds the run lock, so two runs never write at once, and any temporary file found in
/// `output/` was left by a run that was killed: it is removed first.
public struct DigestWriter: Sendable {
  /// The `output/` folder.
  public var outputDirectory: String
  /// Where `output/` is published, if anywhere, for absolute links in the Atom feed.
  public var siteURL: String?
  /// The system calls that write; tests replace them to fill the disk part-way.
  var operations = AtomicFile.Operations.system

  public init(outputDirectory: String, siteURL: String? = nil) {
    self.outputDirectory = outputDirectory
    self.siteURL = siteURL
  }

  /// Writes every file and returns their paths: the five digest files, then `index.html` and
  /// `feed.xml`. When it throws, no file was replaced.
  ///
  /// - Parameters:
  ///   - earlier: the digests recorded before (the store's records); the archive and the feed list
  ///     them with this one (which replaces a record of the same date). Nothing is read back from
  ///     `output/`.
  ///   - feedID: the Atom feed's id, kept in the store so subscribers keep one subscription; a new
  ///     one when nil.
  @discardableResult
  public func write(_ digest: Digest, earlier: [DigestRecord] = [], feedID: String? = nil) throws -> [String] {
    let folder = outputDirectory + "/" + digest.dateStamp
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DigestWriteError(path: folder, reason: "the folder cannot be created")
    }
    removeStaleTemporaries()
    var files = [
      ("digest.html", HTMLRenderer().render(digest)),
      ("digest.md", MarkdownRenderer().render(digest)),
      ("digest.txt", ShortTextRenderer(fullDigestLink: fullDigestLink(digest, folder: folder)).render(digest)),
      ("digest-full.txt", TextRenderer().render(digest)),
      ("digest.json", JSONRenderer().render(digest)),
    ].map { (path: folder + "/" + $0.0, text: $0.1) }

    let entries = earlier.filter { $0.date != digest.dateStamp }.map(ArchiveEntry.init) + [ArchiveEntry(digest)]
    let index = outputDirectory + "/index.html"
    files.append((index, ArchiveRenderer().render(entries, language: digest.language)))
    let feed = outputDirectory + "/feed.xml"
    let atom = AtomRenderer(feedID: feedID ?? Self.newFeedID(), siteURL: siteURL)
    files.append((feed, atom.render(entries, language: digest.language)))
    try AtomicFile.writeSet(files, operations: operations)
    return files.map(\.path)
  }

  /// Where the short message sends its readers for the whole digest: the published page when the
  /// school publishes `output/` (`siteURL`), else the page's path on this machine.
  func fullDigestLink(_ digest: Digest, folder: String) -> String {
    if let site = siteURL, !site.isEmpty {
      return (site.hasSuffix("/") ? site : site + "/") + digest.dateStamp + "/digest.html"
    }
    return URL(fileURLWithPath: folder + "/digest.html").standardizedFileURL.path
  }

  /// Removes the temporary files of killed runs from `output/` and its date folders.
  func removeStaleTemporaries() {
    AtomicFile.removeStale(in: outputDirectory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    for name in names where Self.isDateStamp(name) {
      AtomicFile.removeStale(in: outputDirectory + "/" + name)
    }
  }

  /// A feed id for a first digest.
  static func newFeedID() -> String { "urn:uuid:" + UUID().uuidString.lowercased() }

  static func isDateStamp(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard scalars.count == 10 else { return false }
    return scalars.enumerated().allSatisfy { index, scalar in
      index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
    }
  }
}

extension ArchiveEntry {
  /// The archive's entry for a recorded digest: its suggestions' labels in the digest's language.
  /// A damaged row's counts (negative, absurd) show as 0 rather than reach the renderers.
  public init(_ record: DigestRecord) {
    let language = DigestLanguage(rawValue: record.language) ?? .id
    func count(_ value: Int) -> Int { (0...1_000_000_000).contains(value) ? value : 0 }
    self.init(
      date: record.date, period: DigestPeriod(from: record.from, to: record.to, generated: record.generated),
      language: language, utcOffset: record.utcOffset, itemCount: count(record.itemCount),
      sourceCount: count(record.sourceCount),
      suggestedTopics: record.suggestions.map { BilingualText(id: $0.labelID, en: $0.labelEN).text(in: language) })
  }
}
