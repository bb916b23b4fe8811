import Dispatch
import Foundation
import LingkarModel
import Synchronization

/// Parses many feed files on several threads. Each worker takes the next file, so one large feed
/// never holds up the rest; at most `workers` feeds are in memory at once.
public struct FeedFileBatch: Sendable {
  public let paths: [String]
  public let workers: Int

  /// - Parameter workers: threads to parse on; nil means one per processor.
  public init(paths: [String], workers: Int? = nil) {
    self.paths = paths
    self.workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, paths.count))
  }

  /// Totals for `lingkar parse --count`.
  public struct Totals: Sendable {
    public var feeds = 0
    public var items = 0
    public var bytes = 0
    public var failures: [FeedFile.Failure] = []
  }

  public func count() -> Totals {
    let totals = Mutex(Totals())
    run { _, path, result in
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      totals.withLock { totals in
        totals.bytes += size
        switch result {
        case .success(let document):
          totals.feeds += 1
          totals.items += document.entries.count
        case .failure(let failure):
          totals.failures.append(failure)
        }
      }
    }
    var result = totals.withLock { $0 }
    result.failures.sort { $0.path < $1.path }
    return result
  }

  /// Writes one normalized JSON line per file, in the order of `paths`, whatever order the
  /// workers finish in. A file that cannot be parsed gives the empty normalized object.
  public func writeJSONLines(_ write: @escaping @Sendable (String) -> Void) {
    struct Pending {
      var next = 0
      var done: [Int: String] = [:]
    }
    let pending = Mutex(Pending())
    run { index, path, result in
      let document = (try? result.get()) ?? FeedDocument()
      let line = document.normalizedJSON(file: path) + "\n"
      pending.withLock { state in
        state.done[index] = line
        var batch = ""
        while let ready = state.done.removeValue(forKey: state.next) {
          batch += ready
          state.next += 1
        }
        if !batch.isEmpty { write(batch) }
      }
    }
  }

  private func run(_ handle: @Sendable (Int, String, Result<FeedDocument, FeedFile.Failure>) -> Void) {
    let next = Atomic<Int>(0)
    let paths = self.paths
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < paths.count else { return }
        let path = paths[index]
        let result: Result<FeedDocument, FeedFile.Failure>
        do throws(FeedFile.Failure) {
          result = .success(try FeedFile.parse(path: path))
        } catch {
          result = .failure(error)
        }
        handle(index, path, result)
      }
    }
  }
}
