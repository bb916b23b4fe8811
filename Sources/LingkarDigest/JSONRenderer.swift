import Foundation
public import LingkarModel

/// `digest.json`: the keys fixed by `cli.md` in its order, then Lingkar's extra keys
/// (`date`, `utcOffset`, `counts`, `suggestions`, `other`, `volume`, `book_club`, and extra members of topics,
/// items and feeds). Times are ISO 8601 UTC; scores are rounded to three decimals.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ digest: Digest) -> String {
    let s = Strings.for(digest.language)
    var json = JSONWriter(indent: 2)
    json.open()
    Self.period(digest.period, into: &json)
    json.key("lang")
    json.string(digest.language.rawValue)

    json.key("topics")
    json.openArray()
    for topic in digest.topics {
      json.element()
      json.open()
      json.key("id")
      json.string(topic.id)
      json.key("label")
      json.string(topic.label.text(in: s.language))
      json.key("score")
      json.number(Self.round(topic.score))
      json.key("items")
      json.strings(topic.items)
      json.key("labels")
      json.open()
      json.key("id")
      json.string(topic.label.id)
      json.key("en")
      json.string(topic.label.en)
      json.close()
      json.key("breakdown")
      Self.breakdown(topic.breakdown, into: &json)
      SharedSection.votes(digest, topic: topic.id, into: &json)
      let trend = digest.volume.trend(of: topic.id)
      json.key("trend")
      json.open()
      json.key("current")
      json.integer(trend.current)
      json.key("previous")
      integers(trend.previous, into: &json)
      json.key("direction")
      json.string(trend.direction.rawValue)
      json.close()
      json.close()
    }
    json.closeArray()

    json.key("items")
    json.openArray()
    for item in digest.items { self.item(item, into: &json) }
    json.closeArray()

    json.key("feeds")
    json.openArray()
    for feed in digest.feeds { self.feed(feed, asOf: digest.period.to, into: &json) }
    json.closeArray()

    // Skipped lines of the feeds file, when there are any (an addition to the keys cli.md fixes).
    if !digest.feedsFileProblems.isEmpty {
      json.key("feedsFileProblems")
      json.openArray()
      for problem in digest.feedsFileProblems {
        json.element()
        json.open()
        json.key("line")
        json.string(problem.subject)
        json.key("message")
        json.string(problem.said.text(in: digest.language))
        json.close()
      }
      json.closeArray()
    }

    json.key("date")
    json.string(digest.dateStamp)
    json.key("utcOffset")
    json.integer(digest.utcOffset)
    json.key("counts")
    json.open()
    json.key("items")
    json.integer(digest.itemCount)
    json.key("sources")
    json.integer(digest.sourceCount)
    json.close()

    json.key("suggestions")
    json.openArray()
    for suggestion in digest.suggestions {
      json.element()
      json.open()
      json.key("topic")
      json.string(suggestion.topicID)
      json.key("label")
      json.string(digest.topic(suggestion.topicID)?.label.text(in: s.language))
      if suggestion.carriedOver {
        json.key("carried_over")
        json.bool(true)
      }
      json.key("readings")
      json.strings(suggestion.readings)
      json.key("prompts")
      json.openArray()
      for prompt in suggestion.prompts {
        json.element()
        json.open()
        json.key("id")
        json.string(prompt.id)
        json.key("en")
        json.string(prompt.en)
        json.close()
      }
      json.closeArray()
      json.close()
    }
    json.closeArray()
    json.key("other")
    json.strings(digest.other)

    json.key("volume")
    json.open()
    json.key("periodEnds")
    json.strings(digest.volume.periodEnds.map(Timestamp.iso8601))
    json.key("series")
    json.openArray()
    for series in digest.volume.series {
      json.element()
      json.open()
      json.key("topic")
      json.string(series.topicID)
      json.key("counts")
      integers(series.counts, into: &json)
      json.close()
    }
    json.closeArray()
    json.close()
    if let club = digest.bookClub { bookClub(club, into: &json) }
    SharedSection.json(digest, into: &json)
    json.close()
    return json.output + "\n"
  }

  /// `book_club`: the book, this fortnight's chapter and the items related to its themes.
  private func bookClub(_ club: DigestBookClub, into json: inout JSONWriter) {
    json.key("book_club")
    json.open()
    json.key("book")
    json.open()
    json.key("title")
    json.string(club.bookTitle)
    json.key("author")
    json.string(club.bookAuthor)
    json.close()
    json.key("chapter")
    json.open()
    json.key("number")
    json.integer(club.chapterNumber)
    json.key("title")
    json.string(club.chapterTitle)
    json.key("date")
    json.string(club.date.description)
    json.key("leader")
    json.string(club.leader)
    json.key("themes")
    json.strings(club.themes)
    json.close()
    json.key("related")
    json.openArray()
    for match in club.related {
      json.element()
      json.open()
      json.key("key")
      json.string(match.key)
      json.key("score")
      json.number(Self.round(match.score))
      json.key("matched")
      json.strings(match.matched)
      json.close()
    }
    json.closeArray()
    json.close()
  }

  private func item(_ item: DigestItem, into json: inout JSONWriter) {
    json.element()
    json.open()
    json.key("key")
    json.string(item.key)
    json.key("id")
    json.string(item.entryID)
    json.key("feed")
    json.string(item.feedURL)
    json.key("title")
    json.string(item.title)
    json.key("link")
    json.string(item.link)
    json.key("published")
    json.string(item.published.map(Timestamp.iso8601))
    json.key("lang")
    json.string(item.language)
    json.key("summary")
    json.string(item.summary)
    json.key("comments")
    json.integer(item.comments)
    json.key("topics")
    Self.matches(item.topics, into: &json)
    json.key("duplicates")
    json.strings(item.duplicates)
    json.key("feedTitle")
    json.string(item.feedTitle)
    json.key("author")
    json.string(item.author)
    json.close()
  }

  private func feed(_ feed: DigestFeed, asOf date: Date, into json: inout JSONWriter) {
    json.element()
    json.open()
    json.key("url")
    json.string(feed.url)
    json.key("title")
    json.string(feed.title)
    json.key("status")
    json.string(feed.status?.rawValue)
    json.key("error")
    json.string(feed.error)
    json.key("movedTo")
    json.string(feed.movedTo)
    json.key("lastItem")
    json.string(feed.lastItem.map(Timestamp.iso8601))
    json.key("attention")
    switch feed.attention(asOf: date) {
    case nil: json.string(nil)
    case .failed: json.string("failed")
    case .gone: json.string("gone")
    case .moved: json.string("moved")
    case .silent: json.string("silent")
    }
    json.close()
  }

  /// `"generated"` and `"period": {"from", "to"}`, as `digest.json` and `lingkar topics --json` write them.
  public static func period(_ period: DigestPeriod, into json: inout JSONWriter) {
    json.key("generated")
    json.string(Timestamp.iso8601(period.generated))
    json.key("period")
    json.open()
    json.key("from")
    json.string(Timestamp.iso8601(period.from))
    json.key("to")
    json.string(Timestamp.iso8601(period.to))
    json.close()
  }

  /// An item's `topics`: `[{"id", "score", "matched"}]`, as `digest.json` and `lingkar topics --json` write it.
  public static func matches(_ matches: [ItemTopicMatch], into json: inout JSONWriter) {
    json.openArray()
    for match in matches {
      json.element()
      json.open()
      json.key("id")
      json.string(match.topicID)
      json.key("score")
      json.number(round(match.score))
      json.key("matched")
      json.strings(match.matched)
      json.close()
    }
    json.closeArray()
  }

  /// A topic's score explained, as `digest.json` and `lingkar topics --json` write it.
  public static func breakdown(_ b: TopicScoreBreakdown, into json: inout JSONWriter) {
    json.open()
    for (name, value) in [
      ("relevance", b.relevance), ("capped", b.capped), ("recency", b.recency), ("engagement", b.engagement),
      ("spread", b.spread), ("novelty", b.novelty),
    ] {
      json.key(name)
      json.number(Self.round(value))
    }
    json.key("sources")
    json.integer(b.sources)
    json.key("sourcesAtCap")
    json.integer(b.sourcesAtCap)
    json.close()
  }

  private func integers(_ values: [Int], into json: inout JSONWriter) {
    json.openArray()
    for value in values {
      json.element()
      json.integer(value)
    }
    json.closeArray()
  }

  public static func round(_ value: Double) -> Double {
    (value * 1000).rounded() / 1000
  }
}
