/// The format a feed document was written in, as the normalized form names it.
public enum FeedFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// RSS 2.0 and 2.0.x.
  case rss20
  /// RSS 1.0 (RDF with the RSS 1.0 namespace).
  case rss10
  /// RSS 0.90, 0.91 (Netscape and UserLand), 0.92, 0.93 and 0.94.
  case rss09x
  /// An `<rss>` root with no or an unknown version.
  case rss
  /// Atom 1.0.
  case atom10
  /// Atom 0.1 to 0.3.
  case atom03
  /// An Atom root of unknown version.
  case atom
  /// Microsoft's Channel Definition Format.
  case cdf
  /// JSON Feed 1.0.
  case json10
  /// JSON Feed 1.1.
  case json11
}
