public import Foundation
public import LingkarModel

/// Dates, numbers, languages and trends put into words with the table's vocabulary.
extension Strings {
  /// Year, month (1-12) and day of `date` at `utcOffset` seconds east of UTC. Total: a date or
  /// an offset read back from a damaged `digest.json` gives a day in years 1-9999, never a trap.
  static func civil(_ date: Date, utcOffset: Int) -> (year: Int, month: Int, day: Int) {
    let seconds = Timestamp.wholeSeconds(date.timeIntervalSince1970 + Double(utcOffset))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let (year, month, day) = Timestamp.civil(fromDays: days)
    return (Int(year), Int(month), Int(day))
  }

  /// `24 November 2026`.
  public func date(_ date: Date, utcOffset: Int) -> String {
    let (year, month, day) = Self.civil(date, utcOffset: utcOffset)
    return "\(day) \(months[month - 1]) \(year)"
  }

  /// `24 Nov 2026`.
  public func shortDate(_ date: Date, utcOffset: Int) -> String {
    let (year, month, day) = Self.civil(date, utcOffset: utcOffset)
    return "\(day) \(shortMonths[month - 1]) \(year)"
  }

  /// `15–29 November 2026`, `28 Oktober – 11 November 2026`, `20 December 2026 – 3 January 2027`.
  public func range(from: Date, to: Date, utcOffset: Int) -> String {
    let start = Self.civil(from, utcOffset: utcOffset)
    let end = Self.civil(to, utcOffset: utcOffset)
    let last = "\(end.day) \(months[end.month - 1]) \(end.year)"
    if start == end { return last }
    if start.year != end.year { return "\(start.day) \(months[start.month - 1]) \(start.year) – \(last)" }
    if start.month != end.month { return "\(start.day) \(months[start.month - 1]) – \(last)" }
    return "\(start.day)–\(last)"
  }

  /// `12,5` or `12.5`: one decimal, the language's separator.
  public func decimal(_ value: Double, digits: Int = 1) -> String {
    let text = String(format: "%.\(digits)f", value.isFinite ? value : 0)
    return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
  }

  /// The name of an item language code (`id`, `en`, `mixed`; other codes as they are).
  public func languageName(_ code: String) -> String {
    switch code {
    case "id": languageID
    case "en": languageEN
    case "mixed": languageMixed
    default: code
    }
  }

  /// A topic's trend in words.
  public func trend(_ trend: TopicTrend) -> String {
    let mean = trend.previousMean.map { decimal($0) } ?? ""
    switch trend.direction {
    case .firstPeriod: return trendFirst
    case .new: return trendNew
    case .rising: return trendRising(mean, trend.previous.count)
    case .steady: return trendSteady(mean, trend.previous.count)
    case .falling: return trendFalling(mean, trend.previous.count)
    }
  }

  /// Why a topic is suggested, in words a teacher reads: how many posts from how many sources, and
  /// how that compares with the usual ("Dibahas dalam 5 tulisan dari 4 sumber, lebih banyak dari
  /// biasanya."). The numbers behind the rank are in the collapsed detail and `digest.json` only.
  ///
  /// The posts counted are every copy of the topic's stories (a story posted in three feeds is three
  /// posts), as the sources are: "5 posts from 6 sources" would read as a mistake.
  public func why(_ topic: DigestTopic, in digest: Digest) -> String {
    var posts = Set(topic.items)
    for key in topic.items { posts.formUnion(digest.item(key)?.duplicates ?? []) }
    let count = max(posts.count, topic.breakdown.sources)
    var text = t("digest.why", ["postCount": .number(count), "sourceCount": .number(topic.breakdown.sources)])
    switch digest.volume.trend(of: topic.id).direction {
    case .firstPeriod: break
    case .new: text += ", " + t("digest.why.new")
    case .rising: text += ", " + t("digest.why.more")
    case .steady: text += ", " + t("digest.why.usual")
    case .falling: text += ", " + t("digest.why.fewer")
    }
    return text + "."
  }

  /// A feed problem in words.
  public func attention(_ attention: FeedAttention) -> String {
    switch attention {
    case .failed(let reason): reason.map { failed($0.message.text(in: language)) } ?? failedNoReason
    case .gone: gone
    case .moved: moved
    case .silent(let days): silent(days)
    }
  }
}

extension Strings {
  /// `Kamis, 3 Desember 2026` / `Thursday, 3 December 2026`.
  public func longDay(_ day: CalendarDay) -> String {
    let weekday = weekdays[Weekday.allCases.firstIndex(of: day.weekday) ?? 0]
    return "\(weekday), \(day.day) \(months[day.month - 1]) \(day.year)"
  }

  /// `3 Desember 2026`.
  public func day(_ day: CalendarDay) -> String {
    "\(day.day) \(months[day.month - 1]) \(day.year)"
  }
}

extension Strings {
  /// The digest's title for a period (`Digest Lingkar, 15–29 November 2026`): the page title and
  /// the e-mail subject.
  public func digestTitle(from: Date, to: Date, utcOffset: Int) -> String {
    documentTitle(range(from: from, to: to, utcOffset: utcOffset))
  }
}
