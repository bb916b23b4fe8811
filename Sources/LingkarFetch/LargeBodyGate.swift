/// Lets one large body at a time grow past `threshold` bytes, so that a run's memory is bounded by
/// its largest feed, not by the sum of the large feeds that happen to download together: each body
/// is parsed as it arrives, and a parsed feed is held until the caller has stored it.
///
/// A transfer that would pass the threshold while another holds the gate pauses (libcurl keeps the
/// piece) and is resumed when the gate opens: once the holder's response has been handed over
/// (stored), or the holder failed. Used only on the fetcher's thread (libcurl calls the write
/// callback from `curl_multi_perform` and `curl_easy_pause`, both on it).
final class LargeBodyGate {
  let threshold: Int
  /// The serial of the transfer that holds the gate.
  private var holder: Int?

  init(threshold: Int) {
    self.threshold = max(1, threshold)
  }

  var isOpen: Bool { holder == nil }

  /// True when transfer `serial` may go past the threshold: it holds the gate, now or already.
  func enter(_ serial: Int) -> Bool {
    if holder == nil { holder = serial }
    return holder == serial
  }

  /// Transfer `serial` is done (its response handed over); the gate opens if it held it.
  func leave(_ serial: Int) {
    if holder == serial { holder = nil }
  }
}
