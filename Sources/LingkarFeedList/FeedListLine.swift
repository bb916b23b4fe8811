/// The pieces of one `feeds.txt` line: address, tags, note. Blank and comment lines have none.
struct FeedListLine {
  var address: String
  var tags: [String]
  var note: String?

  /// Returns nil for a blank or comment line.
  init?(parsing line: Substring) throws(FeedListError) {
    var rest = line.drop { $0 == " " || $0 == "\t" }
    if rest.hasSuffix("\r") { rest = rest.dropLast() }
    if rest.isEmpty || rest.first == "#" { return nil }
    let address = rest.prefix { $0 != " " && $0 != "\t" }
    rest = rest.dropFirst(address.count)
    var tags: [String] = []
    var note: String?
    while true {
      rest = rest.drop { $0 == " " || $0 == "\t" }
      guard let first = rest.first else { break }
      if first == "#" {
        let text = rest.dropFirst().trimmingBlanks()
        note = text.isEmpty ? nil : String(text)
        break
      }
      guard first == "\"" else { throw .unexpectedText(String(rest.prefix { $0 != " " && $0 != "\t" })) }
      rest = rest.dropFirst()
      guard let close = rest.firstIndex(of: "\"") else { throw .unclosedTag }
      let tag = rest[..<close].trimmingBlanks()
      if !tag.isEmpty { tags.append(String(tag)) }
      rest = rest[rest.index(after: close)...]
    }
    self.address = String(address)
    self.tags = tags
    self.note = note
  }
}

extension Substring {
  func trimmingBlanks() -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
      return ""
    }
    return self[start...end]
  }
}
