import Foundation

/// The requests not yet started, handed out so that no host gets more than its share of connections
/// and a host that asked to wait (Retry-After) is not asked again in this run.
struct HostQueue {
  enum Next {
    case start(FetchRequest, host: String)
    /// The host asked to wait until this time; the request is not sent.
    case wait(FetchRequest, until: Date)
  }

  private var waiting: [(request: FetchRequest, host: String)?]
  private var firstWaiting = 0
  private var remaining: Int
  private var activePerHost: [String: Int] = [:]
  private var blockedUntil: [String: Date] = [:]
  private let maxPerHost: Int

  init(requests: [FetchRequest], maxPerHost: Int) {
    waiting = requests.map { ($0, Self.host(of: $0.url)) }
    remaining = requests.count
    self.maxPerHost = max(1, maxPerHost)
  }

  var isEmpty: Bool { remaining == 0 }

  mutating func next(now: Date) -> Next? {
    var index = firstWaiting
    while index < waiting.count {
      if let (request, host) = waiting[index] {
        if let until = blockedUntil[host], until > now {
          take(index)
          return .wait(request, until: until)
        }
        if activePerHost[host, default: 0] < maxPerHost {
          take(index)
          activePerHost[host, default: 0] += 1
          return .start(request, host: host)
        }
      }
      index += 1
    }
    return nil
  }

  mutating func finished(host: String) {
    activePerHost[host, default: 1] -= 1
  }

  mutating func block(host: String, until: Date) {
    blockedUntil[host] = max(until, blockedUntil[host] ?? until)
  }

  /// Every request not started yet, in order; the queue is empty afterwards.
  mutating func takeAll() -> [FetchRequest] {
    let all = waiting[firstWaiting...].compactMap { $0?.request }
    waiting.removeAll()
    firstWaiting = 0
    remaining = 0
    return all
  }

  private mutating func take(_ index: Int) {
    waiting[index] = nil
    remaining -= 1
    while firstWaiting < waiting.count && waiting[firstWaiting] == nil { firstWaiting += 1 }
  }

  /// The lower-cased host (with port) of a URL; empty for local files.
  static func host(of url: String) -> String {
    guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return "" }
    return host.lowercased() + (components.port.map { ":\($0)" } ?? "")
  }
}
