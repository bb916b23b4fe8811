import Dispatch
import LingkarModel
import Synchronization

/// One transfer's way to its consumer: the body worker (a serial queue) it sticks to, so its
/// pieces are consumed in order and never two at once.
///
/// `@unchecked Sendable`: the consumer is handed over, not shared. From the first piece until its
/// end is reported back (`BodyWorkers.takeEnded`), only jobs on `lane` touch it; the fetcher's
/// thread touches it again only after that report, which the workers' mutex orders after them.
final class BodyStream: @unchecked Sendable {
  /// The fetcher's number for the transfer, reported back when the body has ended.
  let serial: Int
  let lane: DispatchQueue
  private let consumer: any BodyConsumer
  /// Set when the transfer failed: pieces still queued are dropped instead of parsed.
  private let cancelled = Atomic<Bool>(false)

  init(serial: Int, lane: DispatchQueue, consumer: any BodyConsumer) {
    self.serial = serial
    self.lane = lane
    self.consumer = consumer
  }

  /// On the lane only.
  func consume(_ bytes: [UInt8]) {
    guard !cancelled.load(ordering: .relaxed) else { return }
    bytes.withUnsafeBytes { consumer.consume($0) }
  }

  /// On the lane only.
  func end() {
    guard !cancelled.load(ordering: .relaxed) else { return }
    consumer.bodyEnded()
  }

  func cancel() {
    cancelled.store(true, ordering: .relaxed)
  }
}
