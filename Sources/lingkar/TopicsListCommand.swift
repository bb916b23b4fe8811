import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar topics [list]`: ranked topics with each score's breakdown and top items.
struct TopicsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Print the period's topics, ranked, with each score's breakdown and top items.",
    discussion: """
      SPEC is last (since the previous digest; 14 days when there is none), Nd (N days) or YYYY-MM-DD.
      --json prints the topics and every item of the period with its topics, evidence and duplicates,
      in the shapes of digest.json.
      """
  )

  @Option(help: "The period: last, Nd or YYYY-MM-DD.")
  var since = "last"

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @OptionGroup var topicsFile: TopicsOption

  @OptionGroup var database: DatabaseOption

  @Option(help: "A topic discussed at a recent meeting, as ID:YYYY-MM-DD (repeatable); it is damped.")
  var discussed: [String] = []

  func validate() throws {
    guard let period = PeriodSpec(since) else {
      throw ValidationError(Message("errors.usage.since").description)
    }
    if let problem = period.problem(now: Date()) { throw ValidationError(problem.description) }
    for entry in discussed where TopicsListCommand.discussedTopic(entry) == nil {
      throw ValidationError(Message("errors.usage.discussed", ["given": .text(entry)]).description)
    }
  }

  func run() throws {
    let options = TopicRunOptions(
      databasePath: database.db, topicsPath: topicsFile.topics, since: PeriodSpec(since) ?? .last,
      discussed: discussed.compactMap(Self.discussedTopic) + Self.picked(database.db))
    let report = try TopicRun(options: options).run()
    Output.standard((json ? report.json() : report.text()) + "\n", mode: json ? .json : .text)
  }

  /// The topics picked for meetings (`lingkar topics pick`): damped like --discussed ones.
  static func picked(_ db: String) -> [TopicRunOptions.Discussed] {
    guard FileManager.default.fileExists(atPath: db), let picks = try? PickRun(databasePath: db).list() else {
      return []
    }
    return MeetingHistory(picks: picks, shortlists: []).discussed()
  }

  static func discussedTopic(_ text: String) -> TopicRunOptions.Discussed? {
    let parts = text.split(separator: ":", maxSplits: 1)
    guard parts.count == 2, case .date(let date)? = PeriodSpec(String(parts[1])) else { return nil }
    return TopicRunOptions.discussed(String(parts[0]), on: date)
  }
}
