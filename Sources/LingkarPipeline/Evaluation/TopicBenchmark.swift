public import Foundation
public import LingkarModel
import LingkarRank

/// Times the ranking alone (CPU seconds of this process) over feed files parsed beforehand, for
/// `lingkar topics bench`.
public enum TopicBenchmark {
  public struct Result: Sendable, CustomStringConvertible {
    public var files: Int
    public var items: Int
    public var topics: Int
    public var duplicateItems: Int
    public var cpuSeconds: Double
    public var wallSeconds: Double
    public var description: String {
      "files=\(files) items=\(items) topics=\(topics) dup_items=\(duplicateItems) "
        + String(format: "rank_cpu=%.3fs rank_wall=%.3fs", cpuSeconds, wallSeconds)
    }
  }

  /// `settings`: ranker knobs changed by name (`textLimit=500`, see `ScoringOptions.set`), to time
  /// one against another in the same binary.
  public static func run(paths: [String], settings: [String] = [], now: Date = Date()) throws(LingkarFailure)
    -> Result
  {
    var options = ScoringOptions()
    for setting in settings where !options.set(setting) {
      throw LingkarFailure(Message("errors.evaluation.option", ["name": .text(setting)]))
    }
    var items: [RankItem] = []
    var files = 0
    let text = ItemText()
    for path in paths {
      guard let document = try? FeedFile.parse(path: path) else { continue }
      files += 1
      for (index, entry) in document.entries.enumerated() {
        items.append(RankItem(entry: entry, key: "\(path)#\(index)", source: path, link: nil, text: text))
      }
    }
    let cpuStart = cpuTime()
    let wallStart = Date()
    let ranking = Ranker(options: options).rank(items, now: now)
    let cpu = cpuTime() - cpuStart
    let wall = Date().timeIntervalSince(wallStart)
    return Result(
      files: files, items: items.count, topics: ranking.topics.count,
      duplicateItems: ranking.items.filter { $0.duplicateCount > 0 }.count, cpuSeconds: cpu, wallSeconds: wall)
  }

  static func cpuTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
