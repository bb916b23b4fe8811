import Foundation
import LingkarFeedList
public import LingkarModel

/// `lingkar feeds remove`: takes one feed's line out of the feeds file, by its address (as written,
/// or any spelling of the same URL) or its line number; every other byte stays.
public struct FeedsRemover {
  public let options: FeedsOptions

  public init(options: FeedsOptions) {
    self.options = options
  }

  /// Removes the line and returns its number and text.
  public func remove(_ target: String) throws(LingkarFailure) -> (line: Int, text: String) {
    do { return try removing(target) } catch { throw LingkarFailure(error) }
  }

  private func removing(_ target: String) throws(FeedsError) -> (line: Int, text: String) {
    var file = FeedListFile(path: options.feedsPath)
    file.lockTimeout = options.lockTimeout
    let wanted = target.trimmingCharacters(in: .whitespaces)
    var removed: (line: Int, text: String) = (0, "")
    do {
      try file.edit { text in
        let list = file.list(text)
        let source: LingkarModel.FeedSource
        if let number = Int(wanted) {
          guard let found = list.source(line: number) else {
            throw FeedsError.notAFeedLine(number, fileName: file.fileName)
          }
          source = found
        } else {
          var match = list.source(matching: wanted)
          if match == nil, let input = try? FeedInput.classify(wanted, directory: file.directory) {
            switch input {
            case .web(let url), .shortcut(_, let url), .localFile(_, let url): match = list.source(matching: url)
            case .youTubeHandle: break
            }
          }
          guard let found = match else { throw FeedsError.notFound(wanted, fileName: file.fileName) }
          source = found
        }
        removed = (source.line, text.line(source.line) ?? source.written)
        text.remove(line: source.line)
      }
    } catch {
      throw .edit(error)
    }
    return removed
  }
}
