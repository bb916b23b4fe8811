import Foundation
import LingkarModel
import LingkarRank
import LingkarStore

/// The book club's "this fortnight's chapter" and the items related to its themes, for the agenda
/// and the digest alike: the chapter is chosen from the settings' schedule, and its keywords are
/// scored as one more topic of the topics file by the same `Ranker`.
enum BookClubReadings {
  /// The chapter whose session is on or after `day` and within one meeting interval (14 days
  /// without a meeting schedule); nil without a book club or a session soon.
  static func current(settings: Settings, day: CalendarDay) -> (club: BookClub, chapter: BookChapter)? {
    guard let club = settings.bookClub,
      let chapter = club.chapter(onOrAfter: day, windowDays: settings.meeting?.intervalDays ?? 14)
    else { return nil }
    return (club, chapter)
  }

  /// The chapter's themes as a topic (id `BookChapter.topicID`).
  static func topic(_ chapter: BookChapter) -> Topic {
    Topic(
      id: chapter.topicID, labelID: chapter.title, labelEN: chapter.title,
      keywords: chapter.keywords.map { TopicKeyword(text: $0.text, weight: $0.weight) })
  }

  /// The topics file's topics with the chapter's themes as one more topic.
  static func topics(_ base: TopicsFile, chapter: BookChapter) -> TopicsFile {
    var topics = base.topics
    topics.append(topic(chapter))
    return TopicsFile(topics: topics)
  }

  /// The ranker that finds the items related to the chapter, in a ranking of its own so that the
  /// period's topics stay as they are: the chapter's themes as one more topic, matched on keywords
  /// alone (the built-in examples know nothing of a chapter, and their votes for the other topics
  /// would crowd it out).
  static func ranker(_ base: TopicsFile, chapter: BookChapter) -> Ranker {
    var options = ScoringOptions()
    options.useExamples = false
    return Ranker(topics: topics(base, chapter: chapter), options: options)
  }

  /// How many items related to the chapter are shown.
  static let relatedCount = 3
}

extension RankedPeriod {
  /// The digest's book-club section: the chapter and its related readings (the same picker as
  /// every reading) with their scores and matched theme words.
  func bookClub(_ club: BookClub, _ chapter: BookChapter) -> DigestBookClub {
    let picker = ReadingPicker(minimum: BookClubReadings.relatedCount, maximum: BookClubReadings.relatedCount)
    let related = readings(chapter.topicID, picker: picker, in: chapterRanking(chapter)).map { item in
      let match = item.topics.first { $0.topicID == chapter.topicID }
      return DigestChapterItem(key: item.key, score: match?.score ?? 0, matched: match?.matched ?? [])
    }
    return DigestBookClub(
      bookTitle: club.title, bookAuthor: club.author, chapterNumber: chapter.number, chapterTitle: chapter.title,
      themes: chapter.keywords.map(\.text), date: chapter.date, leader: chapter.leader, related: related)
  }
}
