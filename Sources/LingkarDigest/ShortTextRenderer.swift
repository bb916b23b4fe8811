public import LingkarModel

/// `digest.txt`: the short message a facilitator pastes into the teachers' WhatsApp or Telegram
/// group. A group reads a few lines, not a report: the top three topics, one reading each (title,
/// and its link on a line of its own so the apps show a preview), the next meeting, and where the
/// whole digest is. Never more than `maximumLines` lines; the long text is `digest-full.txt`.
public struct ShortTextRenderer: Sendable {
  /// Where the whole digest can be read: its web address when the school publishes `output/`,
  /// else the path of `digest.html`. Nothing is said about it when nil.
  public var fullDigestLink: String?

  /// The most lines the message has (blank lines included).
  public static let maximumLines = 15
  /// Topics in the message.
  public static let topicCount = 3

  public init(fullDigestLink: String? = nil) {
    self.fullDigestLink = fullDigestLink
  }

  public func render(_ digest: Digest) -> String {
    let s = Strings.for(digest.language)
    let range = s.range(from: digest.period.from, to: digest.period.to, utcOffset: digest.utcOffset)
    var lines = ["*\(s.documentTitle(range))*", s.itemsAndSources(digest.itemCount, digest.sourceCount), ""]
    let suggestions = digest.suggestions.compactMap { suggestion in
      digest.topic(suggestion.topicID).map { (suggestion, $0) }
    }.prefix(Self.topicCount)
    if suggestions.isEmpty { lines.append(s.shortNone) }
    for (rank, (suggestion, topic)) in suggestions.enumerated() {
      var line = "*\(rank + 1). \(clean(topic.label.text(in: s.language)))*"
      let reading = suggestion.readings.lazy.compactMap { digest.item($0) }.first
      if let reading { line += ": " + clean(HTMLRenderer.title(reading, s)) }
      lines.append(line)
      if let link = reading.flatMap({ Escaping.safeLink($0.link) }) { lines.append(link) }
    }
    if let meeting = digest.nextMeeting { lines += ["", s.nextMeeting(s.longDay(meeting))] }
    if let link = fullDigestLink.map(clean), !link.isEmpty { lines += ["", s.fullDigest, link] }
    return lines.prefix(Self.maximumLines).joined(separator: "\n") + "\n"
  }

  private func clean(_ text: String) -> String { Escaping.clean(text) }
}
