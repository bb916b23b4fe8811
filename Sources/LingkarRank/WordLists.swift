/// The word lists embedded in the binary (see `Resources/README.md` for where each comes from).
enum WordLists {
  static let indonesianStopwords: Set<String> = lines(PackageResources.id_stopwords_txt)
  static let englishStopwords: Set<String> = lines(PackageResources.en_stopwords_txt)
  static let indonesianRoots: Set<String> = lines(PackageResources.id_roots_txt)
  static let defaultTopicsText = String(decoding: PackageResources.default_topics_txt, as: UTF8.self)
  static let relatedTermsText = String(decoding: PackageResources.related_terms_txt, as: UTF8.self)

  /// Non-empty lines that are not `#` comments, trimmed and lower-cased.
  static func lines(_ bytes: [UInt8]) -> Set<String> {
    var words = Set<String>()
    for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
      let word = line.trimmingSpaces().lowercased()
      if !word.isEmpty, !word.hasPrefix("#") { words.insert(word) }
    }
    return words
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs (Foundation-free).
  func trimmingSpaces() -> Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" || first == "\r" { result = result.dropFirst() }
    while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
    return result
  }
}
