import Foundation
import LingkarModel

/// One labelled item of an evaluation set (JSON Lines: `id`, `lang`, `kind`, `title`, `text`,
/// `source`, `link`, `labels` = the primary topic id or `none` (a list: the first is primary),
/// `dup_group` = a group name shared by items that are the same story, else empty; optional `split`).
public struct EvaluationItem: Sendable, Hashable {
  public var id: String
  public var title: String
  public var text: String
  public var source: String
  public var link: String?
  public var label: String
  /// Every topic the item is listed under (the primary first); empty for `none`.
  public var labels: [String] = []
  public var duplicateGroup: String?
  public var split: String?

  /// Parses a JSON Lines text; blank lines are skipped, a bad line is an error naming its number.
  public static func parseLines(_ text: String, file: String = "eval-set.jsonl") throws(TopicsFileError)
    -> [EvaluationItem]
  {
    var items: [EvaluationItem] = []
    for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      guard !line.trimmingSpaces().isEmpty else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = object["id"] as? String
      else { throw TopicsFileError(file: file, line: offset + 1, problem: Message("errors.evaluation.no-id")) }
      let label: String
      var all: [String] = []
      if let single = object["labels"] as? String {
        label = single
      } else if let list = object["labels"] as? [String], let first = list.first {
        label = first
        all = list
      } else if let single = object["label"] as? String {
        label = single
      } else {
        throw TopicsFileError(file: file, line: offset + 1, problem: Message("errors.evaluation.no-labels"))
      }
      let group = (object["dup_group"] as? String).flatMap { $0.isEmpty ? nil : $0 }
      items.append(
        EvaluationItem(
          id: id, title: object["title"] as? String ?? "", text: object["text"] as? String ?? "",
          source: object["source"] as? String ?? "",
          link: (object["link"] as? String).flatMap { $0.isEmpty ? nil : $0 },
          label: label.isEmpty ? "none" : label,
          labels: (all.isEmpty ? [label] : all).filter { !$0.isEmpty && $0 != "none" },
          duplicateGroup: group, split: object["split"] as? String))
    }
    return items
  }
}
