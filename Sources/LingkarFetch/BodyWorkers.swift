import Dispatch
import LingkarModel
import Synchronization

/// Feeds response bodies into their consumers on worker threads, so the network loop never waits
/// for a parser.
///
/// Pieces are copied into a queue bounded by `capacity` bytes (all transfers together). When it is
/// full, `send` refuses and the transfer pauses; once the workers have drained the queue to half,
/// they call `wake`, and the fetcher resumes its paused transfers. A piece is always accepted into
/// an empty queue, so a piece larger than the capacity cannot stall a transfer.
final class BodyWorkers: Sendable {
  private let lanes: [DispatchQueue]
  private let capacity: Int
  private let wake: @Sendable () -> Void
  private let queuedBytes = Atomic<Int>(0)
  /// Set by a refused `send`; the worker that drains the queue to half clears it and calls `wake`.
  private let wantsRoom = Atomic<Bool>(false)
  private let nextLane = Atomic<Int>(0)
  private let ended = Mutex<[Int]>([])

  /// - Parameters:
  ///   - threads: worker threads (serial queues); each transfer sticks to one.
  ///   - capacity: bytes queued at most, over all transfers.
  ///   - wake: called from a worker when a body has ended or there is room again; must be safe
  ///     from any thread.
  init(threads: Int, capacity: Int, wake: @escaping @Sendable () -> Void) {
    lanes = (0..<max(1, threads)).map { DispatchQueue(label: "lingkar.body.\($0)") }
    self.capacity = max(1, capacity)
    self.wake = wake
  }

  /// A stream to `consumer`, on the next worker in turn.
  func stream(serial: Int, consumer: any BodyConsumer) -> BodyStream {
    let index = nextLane.wrappingAdd(1, ordering: .relaxed).oldValue
    return BodyStream(serial: serial, lane: lanes[index % lanes.count], consumer: consumer)
  }

  /// True when the queue has drained to half: paused transfers may go on.
  var hasRoom: Bool { queuedBytes.load(ordering: .sequentiallyConsistent) <= capacity / 2 }

  /// Queues a copy of `chunk` for the stream's consumer. When the queue is full: with `canPause`,
  /// returns false (nothing queued) and the caller should pause the transfer until `wake`;
  /// without (libcurl cannot pause a `file://` read), waits until the workers are idle.
  func send(_ chunk: UnsafeRawBufferPointer, to stream: BodyStream, canPause: Bool) -> Bool {
    let queued = queuedBytes.load(ordering: .sequentiallyConsistent)
    if queued > 0 && queued + chunk.count > capacity {
      if canPause {
        wantsRoom.store(true, ordering: .sequentiallyConsistent)
        // A worker may have drained the queue between the load and the store, before it looked
        // at wantsRoom: look again, so that a refusal is always followed by a wake.
        guard hasRoom else { return false }
      } else {
        drain()
      }
    }
    let bytes = [UInt8](unsafeUninitializedCapacity: chunk.count) { buffer, count in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: chunk)
      count = chunk.count
    }
    queuedBytes.add(bytes.count, ordering: .sequentiallyConsistent)
    stream.lane.async { [self] in
      stream.consume(bytes)
      let left = queuedBytes.subtract(bytes.count, ordering: .sequentiallyConsistent).newValue
      if left <= capacity / 2 && wantsRoom.exchange(false, ordering: .sequentiallyConsistent) { wake() }
    }
    return true
  }

  /// Queues the end of the stream's body; `takeEnded` reports it once the consumer has seen it.
  func end(_ stream: BodyStream) {
    stream.lane.async { [self] in
      stream.end()
      ended.withLock { $0.append(stream.serial) }
      wake()
    }
  }

  /// The transfer failed: what is still queued for it is dropped. Its end is not reported.
  func cancel(_ stream: BodyStream) {
    stream.cancel()
  }

  /// Waits until every worker is idle, so that no job calls `wake` any more.
  func drain() {
    for lane in lanes { lane.sync {} }
  }

  /// The serials of the streams whose end the workers have handled since the last call.
  func takeEnded() -> [Int] {
    ended.withLock { list in
      defer { list.removeAll(keepingCapacity: true) }
      return list
    }
  }
}
