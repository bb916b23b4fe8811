/// What an element means to the feed builder. Element names are normalized first: lower-cased
/// local name, prefixed by the canonical prefix of its namespace (`dc_creator`, `content_encoded`);
/// RSS and Atom elements have no prefix.
///
/// The table below is the whole mapping from element names to meaning; precedence rules between
/// fields live in `FeedBuilder` and are documented there.
enum ElementRole: Sendable {
  case rssRoot, atomRoot, channel, entry, image, textInput, source
  case author, contributor, authorName, authorEmail, authorURI
  case title
  /// `media:title`: the title only when no other title claims it.
  case mediaTitle
  case link
  /// RSS `guid` and Atom `id`: the entry id, and its link when no other is given.
  case guid
  /// RSS `description`: the summary, or the content when a summary came first.
  case description
  /// Atom `summary` and its kin.
  case summary
  /// Atom `content`, with a type attribute.
  case content
  /// Escaped HTML content (`content:encoded`).
  case htmlContent
  /// Inline XHTML content (`xhtml:body`).
  case xhtmlContent
  case subtitle, published, updated, category, itunesCategory, itunesKeywords, enclosure, language

  static let table: [String: ElementRole] = [
    "rss": .rssRoot,
    "feed": .atomRoot,
    "channel": .channel,
    "item": .entry, "entry": .entry,
    "image": .image,
    "textinput": .textInput,
    "source": .source,
    "author": .author, "dc_creator": .author, "itunes_author": .author, "managingeditor": .author,
    "dc_author": .author,
    "contributor": .contributor, "dc_contributor": .contributor,
    "name": .authorName, "email": .authorEmail, "uri": .authorURI, "url": .authorURI,
    "title": .title, "dc_title": .title, "media_title": .mediaTitle,
    "link": .link,
    "guid": .guid,
    "id": .guid,
    "description": .description, "media_description": .description,
    "summary": .summary, "itunes_summary": .summary, "dc_description": .description, "abstract": .description,
    "dcterms_abstract": .summary,
    "content": .content,
    "content_encoded": .htmlContent, "fullitem": .htmlContent,
    "body": .xhtmlContent, "xhtml_body": .xhtmlContent,
    "subtitle": .subtitle, "tagline": .subtitle, "itunes_subtitle": .subtitle,
    "pubdate": .published, "published": .published, "issued": .published, "dcterms_issued": .published,
    "updated": .updated, "modified": .updated, "lastbuilddate": .updated, "dc_date": .updated,
    "dcterms_modified": .updated,
    "category": .category, "dc_subject": .category, "media_category": .category,
    "itunes_category": .itunesCategory,
    "itunes_keywords": .itunesKeywords, "media_keywords": .itunesKeywords, "tags": .itunesKeywords,
    "enclosure": .enclosure,
    "language": .language, "dc_language": .language,
  ]
}

/// An element's normalized name, the local name to write when it is kept as markup, and its role.
struct ElementName {
  var name: String
  var markup: String
  var role: ElementRole?
  /// Whether this element, met inside `textinput` or `image`, means that element was left
  /// unclosed (a plain RSS element that does not belong there).
  var closesTextInput: Bool
  var closesImage: Bool
  /// Whether this element, met inside a plain-text or HTML title, means the title was left
  /// unclosed (`<title>Foo<link>…`): an element of the feed formats or of a feed extension, never
  /// an HTML tag someone put in a title.
  var closesTitle: Bool

  init(name: String, markup: String) {
    self.name = name
    self.markup = markup
    role = ElementRole.table[name]
    let plain = !name.contains("_")
    closesTextInput = plain && !["title", "link", "description", "name"].contains(name)
    closesImage = plain && !["title", "link", "description", "url", "href", "width", "height"].contains(name)
    if role != nil || name == "comments" {
      closesTitle = true
    } else if let underscore = name.firstIndex(of: "_") {
      closesTitle = Self.extensionPrefixes.contains(String(name[..<underscore]))
    } else {
      closesTitle = false
    }
  }

  private static let extensionPrefixes: Set<String> = [
    "content", "dc", "dcterms", "slash", "thr", "wfw", "media", "itunes", "feedburner", "georss", "sy", "yt",
  ]
}
