import Foundation
import LingkarModel

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into the normalized form.
struct JSONFeedReader {
  let html: HTMLText

  func read(_ data: Data) throws(FeedParseError) -> FeedDocument {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw .unreadable(FetchFailure.Unreadable.invalidJSON)
    }
    guard let root = object as? [String: Any] else { throw .notAFeed(root: "JSON") }
    let version = root["version"] as? String ?? ""
    guard version.contains("jsonfeed.org/version/") || root["items"] is [Any] else {
      throw .notAFeed(root: "JSON object")
    }
    var document = FeedDocument(format: version.hasSuffix("/1.1") ? .json11 : .json10)
    document.title = Self.plain(root["title"])
    document.link = DocumentAssembler.url(root["home_page_url"] as? String)
    document.description = Self.plain(root["description"])
    document.language = DocumentAssembler.language(root["language"] as? String)
    let items = root["items"] as? [Any] ?? []
    document.entries = items.compactMap { $0 as? [String: Any] }.map {
      entry(from: $0, feedLanguage: document.language)
    }
    return document
  }

  private func entry(from item: [String: Any], feedLanguage: String?) -> Entry {
    var entry = Entry()
    let link = DocumentAssembler.url(item["url"] as? String)
    entry.link = link
    entry.id = Self.identifier(item["id"]) ?? link
    entry.title = Self.plain(item["title"])
    entry.published = (item["date_published"] as? String).flatMap(DateParser.parse)
    entry.updated = (item["date_modified"] as? String).flatMap(DateParser.parse) ?? entry.published
    var authors: [String?] = []
    if let list = item["authors"] as? [Any] {
      authors = list.compactMap { $0 as? [String: Any] }.map { Self.plain($0["name"]) }
    } else if let single = item["author"] as? [String: Any] {
      authors = [Self.plain(single["name"])]
    }
    entry.authors = DocumentAssembler.unique(authors)
    entry.categories = DocumentAssembler.unique((item["tags"] as? [Any] ?? []).map { Self.plain($0) })
    let contentHTML = (item["content_html"] as? String).flatMap { TextFolding.isBlank($0) ? nil : $0 }
    let contentText = (item["content_text"] as? String).flatMap { TextFolding.isBlank($0) ? nil : $0 }
    entry.content = contentHTML ?? contentText.map(DocumentAssembler.escapeHTML)
    entry.summary = Self.plain(item["summary"]) ?? contentHTML.flatMap { html.text(of: $0) } ?? Self.plain(contentText)
    entry.enclosures = (item["attachments"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.map {
      Enclosure(
        url: DocumentAssembler.url($0["url"] as? String), type: DocumentAssembler.url($0["mime_type"] as? String),
        length: ($0["size_in_bytes"] as? NSNumber).map(\.intValue))
    }
    entry.language = DocumentAssembler.language(item["language"] as? String) ?? feedLanguage
    return entry
  }

  private static func plain(_ value: Any?) -> String? {
    DocumentAssembler.plain(value as? String)
  }

  private static func identifier(_ value: Any?) -> String? {
    if let text = value as? String { return DocumentAssembler.url(text) }
    if let number = value as? NSNumber { return number.stringValue }
    return nil
  }
}
