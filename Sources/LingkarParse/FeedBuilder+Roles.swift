import Foundation

// The role handlers of `FeedBuilder`: what each kind of element does when it starts and ends (feed,
// entry, title, link, dates, authors, content, ...). The builder's state and its element stack are
// in FeedBuilder.swift; its members are internal (not private) so that both files reach them.
extension FeedBuilder {
  func startRole(_ role: ElementRole, name: String, attrs: XMLAttributes) {
    switch role {
    case .rssRoot:
      if version.isEmpty || !version.hasPrefix("rss") {
        let given = attrs["version"] ?? ""
        let known = ["0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"]
        if let mapped = known[given] {
          version = mapped
        } else if given.hasPrefix("2.") {
          version = "rss20"
        } else {
          version = "rss"
        }
      }
    case .atomRoot:
      inFeed = true
      if version.isEmpty {
        let known = ["0.1": "atom01", "0.2": "atom02", "0.3": "atom03"]
        version = known[attrs["version"] ?? ""] ?? "atom"
      }
    case .channel:
      inFeed = true
      channelDefinitionAttributes(attrs)
    case .entry:
      let fields = FieldSet()
      fields.order = entryCount
      entryCount += 1
      entries.append(fields)
      push(name, expectingText: false)
      inEntry = true
      guidIsLink = false
      // `hasContent` is not reset here but when an entry ends, as feedparser does: a channel whose
      // `itunes:summary` comes before its `description` (Apple's sample feed) made that description
      // its content, and the first item then keeps `itunes:summary` as its summary.
      titleDepth = -1
      if let about = attrs["rdf:about"] { entries[entries.count - 1].id = about }
      if attrs["xml:lang"] != nil || attrs["lang"] != nil { entries[entries.count - 1].language = lang }
      channelDefinitionAttributes(attrs)
    case .image:
      inImage = true
      titleDepth = -1
      push(name, expectingText: false)
    case .textInput:
      inTextInput = true
      titleDepth = -1
      push(name, expectingText: false)
    case .source:
      inSource = true
      titleDepth = -1
      push(name, expectingText: true)
    case .author:
      inAuthor = true
      push("author", expectingText: true)
      context.authors.append(FieldSet.Author())
    case .contributor:
      inContributor = true
      push("contributor", expectingText: false)
    case .authorName:
      push("name", expectingText: false)
    case .authorEmail:
      push("email", expectingText: false)
    case .authorURI:
      push("href", expectingText: false)
    case .title, .mediaTitle:
      pushContent("title", attrs: attrs, defaultType: "text/plain", expectingText: inFeed || inEntry || inSource)
    case .link:
      startLink(attrs)
    case .guid:
      guidIsLink = (attrs["ispermalink"] ?? "true") == "true"
      push("id", expectingText: true)
    case .description:
      if context.summary != nil && !hasContent {
        summaryKey = "content"
        startContent(attrs)
      } else {
        pushContent("description", attrs: attrs, defaultType: "text/html", expectingText: inFeed || inEntry || inSource)
      }
    case .summary:
      if context.summary != nil && !hasContent {
        summaryKey = "content"
        startContent(attrs)
      } else {
        summaryKey = "summary"
        pushContent("summary", attrs: attrs, defaultType: "text/plain", expectingText: true)
      }
    case .content:
      startContent(attrs)
    case .htmlContent:
      hasContent = true
      pushContent("content", attrs: attrs, defaultType: "text/html", expectingText: true)
    case .xhtmlContent:
      // An XHTML page may carry an Atom feed in its body: outside a feed, the body is the page's.
      guard inFeed || inEntry else {
        push(name, expectingText: false)
        return
      }
      hasContent = true
      pushContent("content", attrs: attrs, defaultType: "application/xhtml+xml", expectingText: true)
    case .subtitle:
      pushContent("subtitle", attrs: attrs, defaultType: "text/plain", expectingText: true)
    case .published:
      push("published", expectingText: true)
    case .updated:
      push("updated", expectingText: true)
    case .category:
      context.addCategory(term: attrs["term"], scheme: attrs["scheme"] ?? attrs["domain"], label: attrs["label"])
      push("category", expectingText: true)
    case .itunesCategory:
      context.addCategory(term: attrs["text"], scheme: "http://www.itunes.com/", label: nil)
      push("category", expectingText: true)
    case .itunesKeywords:
      push("itunes_keywords", expectingText: false)
    case .enclosure:
      let url = attrs["url"] ?? attrs["href"]
      context.links.append(FieldSet.Link(rel: "enclosure", type: attrs["type"], length: attrs["length"], href: url))
    case .language:
      push("language", expectingText: true)
    }
  }

  func endRole(_ role: ElementRole, name: String) {
    switch role {
    case .rssRoot: break
    case .atomRoot, .channel:
      inFeed = false
    case .entry:
      _ = pop(name)
      inEntry = false
      hasContent = false
      if entries.count >= 2 * FieldLimits.entries { keepNewestEntries() }
    case .image:
      _ = pop(name)
      inImage = false
    case .textInput:
      _ = pop(name)
      inTextInput = false
    case .source:
      _ = pop(name)
      inSource = false
    case .author:
      let text = pop("author")
      inAuthor = false
      if let text { storeAuthorText(text) }
      syncAuthor()
    case .contributor:
      _ = pop("contributor")
      inContributor = false
    case .authorName:
      guard let value = pop("name") else { return }
      if inAuthor && !inPublisher && !inContributor, let last = context.authors.indices.last {
        context.authors[last].name = value
      }
    case .authorEmail:
      guard let value = pop("email") else { return }
      if inAuthor && !inPublisher && !inContributor, let last = context.authors.indices.last {
        context.authors[last].email = value
      }
    case .authorURI:
      _ = pop("href")
    case .title:
      let value = popContent("title")
      if let value, !value.isEmpty { titleDepth = depth }
    case .mediaTitle:
      _ = popContent("title")
    case .link:
      _ = pop("link")
    case .guid:
      let value = pop("id")
      if guidIsLink, let value, !inSource, !inImage, !inTextInput, context.link == nil {
        context.link = value
      }
    case .description:
      if summaryKey == "content" {
        endContent()
      } else {
        _ = popContent("description")
      }
      summaryKey = nil
    case .summary:
      if summaryKey == "content" {
        endContent()
      } else {
        _ = popContent(summaryKey ?? "summary")
      }
      summaryKey = nil
    case .content, .htmlContent:
      endContent()
    case .xhtmlContent:
      if stack.last?.name == name {
        _ = pop(name)  // the body of a page around a feed
      } else {
        endContent()
      }
    case .subtitle:
      _ = popContent("subtitle")
    case .published:
      _ = pop("published")
    case .updated:
      _ = pop("updated")
    case .category:
      guard let value = pop("category"), !value.isEmpty else { return }
      let target = context
      if let last = target.categories.indices.last, (target.categories[last].term ?? "").isEmpty {
        target.categories[last].term = value
      } else {
        target.addCategory(term: value, scheme: nil, label: nil)
      }
    case .itunesCategory:
      guard let value = pop("category"), !value.isEmpty else { return }
      context.addCategory(term: value, scheme: nil, label: nil)
    case .itunesKeywords:
      guard let value = pop("itunes_keywords") else { return }
      for term in value.split(separator: ",") {
        let trimmed = TextFolding.trimmed(String(term))
        if !trimmed.isEmpty { context.addCategory(term: trimmed, scheme: "http://www.itunes.com/", label: nil) }
      }
    case .enclosure:
      break
    case .language:
      if let value = pop("language") { lang = value }
    }
  }

  func startLink(_ attrs: XMLAttributes) {
    let rel = attrs["rel"] ?? "alternate"
    let type = attrs["type"] ?? (rel == "self" ? "application/atom+xml" : "text/html")
    let href = attrs["href"] ?? attrs["url"] ?? attrs["uri"]
    let resolved = href.map { URLResolver.join(base, $0) }
    if !(inEntry && inImage) {
      context.links.append(FieldSet.Link(rel: rel, type: type, length: attrs["length"], href: resolved))
    }
    if let resolved {
      if rel == "alternate", Self.isHTMLType(Self.mapContentType(type)) { context.link = resolved }
    } else {
      push("link", expectingText: inFeed || inEntry || inSource)
    }
  }

  /// CDF puts the link and the modification date in attributes of `channel` and `item`.
  func channelDefinitionAttributes(_ attrs: XMLAttributes) {
    if let modified = attrs["lastmod"] {
      push("updated", expectingText: true)
      appendText(modified)
      _ = pop("updated")
    }
    if let href = attrs["href"] {
      push("link", expectingText: true)
      appendText(href)
      _ = pop("link")
    }
  }

  func appendText(_ text: String) {
    var copy = text
    copy.withUTF8 { characters($0) }
  }

  func startContent(_ attrs: XMLAttributes) {
    hasContent = true
    pushContent("content", attrs: attrs, defaultType: "text/plain", expectingText: true)
  }

  func endContent() {
    let type = Self.mapContentType(contentType ?? "")
    let copyToSummary = type == "text/plain" || Self.isHTMLType(type)
    let stored = popContentValue("content")
    if copyToSummary, let stored, inEntry || inFeed {
      let target = context
      if target.summary == nil {
        target.summary = stored
        target.summaryFromContent = true
      }
    }
  }
}
