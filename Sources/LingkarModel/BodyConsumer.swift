/// Receives a response body piece by piece as it arrives, so that a feed is never held whole
/// in memory twice.
///
/// The fetcher calls a consumer off its network thread, on a body worker: `consume` in the order
/// the pieces arrived, never two calls at once, then `bodyEnded` once when the body is complete.
/// Only after that does the consumer come back to the fetcher's caller.
public protocol BodyConsumer: AnyObject {
  func consume(_ chunk: UnsafeRawBufferPointer)
  /// The whole body has arrived (not called when the transfer failed); the place for final work
  /// that should also stay off the network thread. Does nothing unless a consumer needs it.
  func bodyEnded()
}

extension BodyConsumer {
  public func bodyEnded() {}
}
