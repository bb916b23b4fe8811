import Foundation
public import LingkarModel

/// What the archive page and the Atom feed know about one written digest.
public struct ArchiveEntry: Sendable, Hashable {
  /// `YYYY-MM-DD`: the digest's folder under `output/`.
  public var date: String
  public var period: DigestPeriod
  public var language: DigestLanguage
  public var utcOffset: Int
  public var itemCount: Int
  public var sourceCount: Int
  /// Labels of the suggested topics, best first, in the digest's language.
  public var suggestedTopics: [String]

  public init(
    date: String, period: DigestPeriod, language: DigestLanguage, utcOffset: Int = 0, itemCount: Int,
    sourceCount: Int, suggestedTopics: [String]
  ) {
    self.date = date
    self.period = period
    self.language = language
    self.utcOffset = utcOffset
    self.itemCount = itemCount
    self.sourceCount = sourceCount
    self.suggestedTopics = suggestedTopics
  }

  /// The entry for a digest.
  public init(_ digest: Digest) {
    self.init(
      date: digest.dateStamp, period: digest.period, language: digest.language, utcOffset: digest.utcOffset,
      itemCount: digest.itemCount, sourceCount: digest.sourceCount,
      suggestedTopics: digest.suggestions.compactMap { digest.topic($0.topicID)?.label.text(in: digest.language) })
  }

  /// The digest page, relative to `output/`.
  public var path: String { "\(date)/digest.html" }
}
