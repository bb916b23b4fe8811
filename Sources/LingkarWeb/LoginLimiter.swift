import Foundation

/// Wrong passcodes per client address: at most `limit` a minute, then the login answers 429 until
/// the oldest falls out of the minute. A passcode is short; this keeps guessing slow.
final class LoginLimiter: @unchecked Sendable {
  let limit: Int
  let window: TimeInterval
  private var failures: [String: [Date]] = [:]
  private let lock = NSLock()

  init(limit: Int = 10, window: TimeInterval = 60) {
    self.limit = limit
    self.window = window
  }

  /// Whether `client` may try a passcode now.
  func allows(_ client: String, now: Date = Date()) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    let recent = (failures[client] ?? []).filter { now.timeIntervalSince($0) < window }
    failures[client] = recent.isEmpty ? nil : recent
    return recent.count < limit
  }

  func recordFailure(_ client: String, now: Date = Date()) {
    lock.lock()
    defer { lock.unlock() }
    failures[client, default: []].append(now)
    // A flood of addresses must not grow the table for ever.
    if failures.count > 10_000 {
      failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
    }
  }
}
