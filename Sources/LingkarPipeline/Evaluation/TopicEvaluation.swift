import Foundation
public import LingkarModel
import LingkarRank

/// `lingkar topics eval`: scores the ranker on a labelled JSON Lines set and describes the result.
public enum TopicEvaluation {
  /// One line per split and for the whole set; with `verbose`, the wrong predictions too.
  public static func run(
    path: String, topicsPath: String? = nil, verbose: Bool = false, settings: [String] = []
  ) throws(LingkarFailure) -> [String] {
    var options = ScoringOptions()
    for setting in settings where !options.set(setting) {
      throw LingkarFailure(Message("errors.evaluation.option", ["name": .text(setting)]))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LingkarFailure(Message("errors.file.unreadable", ["path": .text(path)]))
    }
    let items: [EvaluationItem]
    do {
      items = try EvaluationItem.parseLines(
        String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent)
    } catch {
      throw LingkarFailure(LingkarFailure.listing([(error.file, error.line, error.problem)]), cause: error)
    }
    let topics = try topicsPath.map { path throws(LingkarFailure) in try TopicsFileSource.load(path: path) } ?? .builtIn
    let reports = Evaluator(ranker: Ranker(topics: topics, options: options)).evaluateWithSplits(items)
    // The whole set's line is named in the reader's language; the figures stay key=value.
    var lines = reports.map { report in
      var named = report
      if named.name == "all" { named.name = "\(Message("cli.eval.all"))" }
      return named.description
    }
    if verbose, let all = reports.last {
      for topic in all.perTopicF1.keys.sorted() {
        lines.append(String(format: "  f1 %@ %.3f", topic, all.perTopicF1[topic] ?? 0))
      }
      let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for error in all.errors {
        let item = byID[error.id]
        let text = (item?.title.isEmpty ?? true) ? String(item?.text.prefix(60) ?? "") : item?.title ?? ""
        lines.append("  miss \(error.id) label=\(error.label) got=\(error.predicted)  \(text)")
        lines.append("       \(error.evidence)")
      }
      for error in all.listErrors {
        let text = byID[error.id].map { $0.title.isEmpty ? String($0.text.prefix(60)) : $0.title } ?? ""
        lines.append(
          "  list \(error.id) labels=\(error.labels.joined(separator: ",")) got=\(error.listed.joined(separator: ","))  \(text)"
        )
      }
      for pair in all.missedPairs { lines.append("  " + "\(Message("cli.eval.missed_pair", ["pair": .text(pair)]))") }
      for pair in all.wrongPairs { lines.append("  " + "\(Message("cli.eval.wrong_pair", ["pair": .text(pair)]))") }
    }
    return lines
  }
}
