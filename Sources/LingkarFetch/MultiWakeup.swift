internal import CCurl

/// Wakes a multi handle's `curl_multi_poll` from another thread: the one libcurl call documented
/// as safe to make from any thread while the multi handle is in use.
///
/// `@unchecked Sendable`: it only ever passes the pointer to `curl_multi_wakeup`; the fetcher keeps
/// the handle alive until every worker that holds this has drained.
struct MultiWakeup: @unchecked Sendable {
  let multi: UnsafeMutableRawPointer

  func callAsFunction() {
    _ = curl_multi_wakeup(multi)
  }
}
