/// The normalized JSON form of a parsed feed (the contract of `lingkar parse`, described in the
/// conformance README): every key always present, absent values `null` or `[]`.
extension FeedDocument {
  /// One JSON object on one line; `file` is added first when given (JSON Lines mode).
  public func normalizedJSON(file: String? = nil) -> String {
    var json = JSONWriter()
    json.open()
    if let file { json.key("file"); json.string(file) }
    json.key("format"); json.string(format?.rawValue)
    json.key("title"); json.string(title)
    json.key("link"); json.string(link)
    json.key("description"); json.string(description)
    json.key("language"); json.string(language)
    json.key("updated"); json.string(updated.map(Timestamp.iso8601))
    json.key("entries")
    json.openArray()
    for entry in entries {
      json.element()
      entry.writeNormalized(into: &json)
    }
    json.closeArray()
    json.close()
    return json.output
  }
}

extension Entry {
  func writeNormalized(into json: inout JSONWriter) {
    json.open()
    json.key("id"); json.string(id)
    json.key("title"); json.string(title)
    json.key("link"); json.string(link)
    json.key("published"); json.string(published.map(Timestamp.iso8601))
    json.key("updated"); json.string(updated.map(Timestamp.iso8601))
    json.key("authors"); json.strings(authors)
    json.key("categories"); json.strings(categories)
    json.key("summary"); json.string(summary)
    json.key("content"); json.string(content)
    json.key("enclosures")
    json.openArray()
    for enclosure in enclosures {
      json.element()
      json.open()
      json.key("url"); json.string(enclosure.url)
      json.key("type"); json.string(enclosure.type)
      json.key("length"); json.integer(enclosure.length)
      json.close()
    }
    json.closeArray()
    json.key("comments"); json.integer(comments)
    json.close()
  }
}
