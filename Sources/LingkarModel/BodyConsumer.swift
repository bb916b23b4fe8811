/// Receives a response body piece by piece as it arrives, so that a feed is never held whole
/// in memory twice. The fetcher calls `consume` on the thread that runs the transfer.
public protocol BodyConsumer: AnyObject {
  func consume(_ chunk: UnsafeRawBufferPointer)
}
