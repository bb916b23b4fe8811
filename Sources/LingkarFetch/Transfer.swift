internal import CCurl
import Foundation
import LingkarModel

/// One easy handle and everything its callbacks need: the response headers seen so far, the body
/// consumer's stream to its worker, the size cap. It lives from `curl_multi_add_handle` until the
/// transfer is done.
final class Transfer {
  /// The headers of the latest response; a new status line (a redirect hop) starts them afresh.
  struct Headers: Sendable {
    var etag: String?
    var lastModified: String?
    var retryAfter: String?
    var contentType: String?
    var location: String?

    /// Which header fills which field: a table, not a chain of comparisons.
    static let fields: [String: any WritableKeyPath<Headers, String?> & Sendable] = [
      "etag": \.etag, "last-modified": \.lastModified, "retry-after": \.retryAfter,
      "content-type": \.contentType, "location": \.location,
    ]
  }

  let request: FetchRequest
  let handle: UnsafeMutableRawPointer
  let host: String
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private let maxBodyBytes: Int
  private let makeConsumer: (ResponseHead) -> any BodyConsumer
  private let workers: BodyWorkers
  private let gate: LargeBodyGate
  /// The fetcher's number for this transfer, to find it again when its body has been consumed.
  let serial: Int

  private(set) var headers = Headers()
  /// Status and `Location` of every response seen, in order (redirect hops, then the final one).
  private(set) var hops: [(status: Int, location: String?)] = []
  private(set) var consumer: (any BodyConsumer)?
  /// The way to the consumer's worker; nil until the body starts, and for a body nobody consumes.
  private(set) var stream: BodyStream?
  private var bodyStarted = false
  private(set) var bodyBytes = 0
  private(set) var exceededCap = false
  /// The body queue was full: libcurl holds the piece until `resume`.
  private(set) var isPaused = false
  /// Paused because another large body holds the gate: resume once it is open.
  private(set) var waitsForGate = false
  /// Lingkar's own limit for this transfer (`FetchOptions.totalTimeoutMilliseconds` from its start),
  /// enforced by the fetcher's loop whatever state libcurl holds the transfer in. Time spent waiting
  /// for the large-body gate is Lingkar's own wait, not the server's slowness: it is added on.
  private(set) var deadline: ContinuousClock.Instant
  /// When the transfer paused for the large-body gate.
  private var gateWaitSince: ContinuousClock.Instant?
  /// The checked, opened local file libcurl reads instead of the path; nil for web addresses.
  private let localFile: LocalFile?
  /// Which addresses may be connected to; nil: any.
  private let addressGuard: AddressGuard?
  /// The private address a connection was refused to (see `AddressGuard`), which is why the
  /// transfer failed.
  private(set) var refusedAddress: String?

  init(
    request: FetchRequest, host: String, serial: Int, options: FetchOptions, workers: BodyWorkers,
    gate: LargeBodyGate, localFile: LocalFile? = nil, makeConsumer: @escaping (ResponseHead) -> any BodyConsumer
  ) throws(FetchError) {
    guard let handle = curl_easy_init() else { throw .curl(code: -1, message: "curl_easy_init failed") }
    self.request = request
    self.handle = handle
    self.host = host
    self.maxBodyBytes = options.maxBodyBytes
    self.makeConsumer = makeConsumer
    self.workers = workers
    self.gate = gate
    self.serial = serial
    self.localFile = localFile
    self.addressGuard = options.addressGuard
    deadline = ContinuousClock.now.advanced(by: .milliseconds(max(1, options.totalTimeoutMilliseconds)))
    try configure(options)
  }

  deinit {
    curl_easy_cleanup(handle)
    curl_slist_free_all(headerList)
  }

  private func configure(_ options: FetchOptions) throws(FetchError) {
    let check = CurlResult.check as (CURLcode) throws(FetchError) -> Void
    try check(CCurl_easy_setopt_string(handle, CURLOPT_URL, localFile?.curlURL ?? request.url))
    try check(
      CCurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, request.allowsFile ? "http,https,file" : "http,https"))
    try check(CCurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
    try check(CCurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
    try check(CCurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects))
    try check(CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds))
    // No CURLOPT_TIMEOUT_MS: the fetcher ends the transfer at `deadline`, also in states where
    // libcurl's timer never fires, and libcurl's would count the wait for the large-body gate.
    try check(CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytesPerSecond))
    try check(CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds))
    try check(CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    // No CURLOPT_PIPEWAIT: with it, a second transfer to a host waits for the first one's connection
    // to see whether it can multiplex, and when the first one fails (over the size cap) libcurl
    // 7.88 leaves the second waiting for ever, its timeout never firing. Separate connections (up to
    // the per-host cap) cost little; HTTP/2 connections already open are still shared.
    try check(CCurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
    try check(CCurl_easy_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent))
    if !request.allowsFile {
      // Stored validators are checked again before they go out: a database from before the check,
      // or edited by hand, may hold a value with a line break.
      if let etag = HeaderValue.safe(request.validators.etag) {
        headerList = curl_slist_append(headerList, "If-None-Match: \(etag)")
      }
      if let lastModified = HeaderValue.safe(request.validators.lastModified) {
        headerList = curl_slist_append(headerList, "If-Modified-Since: \(lastModified)")
      }
      if headerList != nil { try check(CCurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)) }
    }
    let me = Unmanaged.passUnretained(self).toOpaque()
    try check(CCurl_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, Transfer.onBody))
    try check(CCurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me))
    try check(CCurl_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, Transfer.onHeader))
    try check(CCurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me))
    if addressGuard != nil {
      // Called for every connection, redirects' included, with the address already resolved.
      try check(CCurl_easy_setopt_opensocket_function(handle, CURLOPT_OPENSOCKETFUNCTION, Transfer.onOpenSocket))
      try check(CCurl_easy_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, me))
    }
  }

  /// libcurl's open-socket callback: refuses (no socket) a connection `addressGuard` forbids.
  private static let onOpenSocket: curl_opensocket_callback = { client, _, address in
    guard let client, let address else { return CCurl_socket_bad }
    let transfer = Unmanaged<Transfer>.fromOpaque(client).takeUnretainedValue()
    var bytes = [UInt8](repeating: 0, count: 16)
    var port: Int32 = 0
    let family = CCurl_sockaddr_ip(address, &bytes, &port)
    guard family != 0 else {
      transfer.refusedAddress = "?"
      return CCurl_socket_bad
    }
    if let refused = transfer.addressGuard?.refusal(bytes: Array(bytes.prefix(family == 4 ? 4 : 16)), port: Int(port)) {
      transfer.refusedAddress = refused
      return CCurl_socket_bad
    }
    return CCurl_open_socket(address)
  }

  // MARK: - Reading results

  var responseCode: Int {
    var code = 0
    _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
    return code
  }

  var effectiveURL: String {
    if localFile != nil { return request.url }  // libcurl read /proc/self/fd/N: the feed is the path
    var pointer: UnsafeMutablePointer<CChar>?
    guard CCurl_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
      return request.url
    }
    return String(cString: pointer)
  }

  /// Where the feed moved for good: follows the leading run of 301/308 hops.
  var permanentRedirect: String? {
    var current = request.url
    var moved = false
    for hop in hops {
      guard hop.status == 301 || hop.status == 308, let location = hop.location,
        let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString
      else { break }
      current = next
      moved = true
    }
    return moved ? current : nil
  }

  // MARK: - Callbacks

  /// One header line, read on bytes: a status line starts the headers afresh; of the others, only
  /// the fields in `Headers.fields` are kept.
  private func receiveHeader(_ line: UnsafeRawBufferPointer) {
    let bytes = Self.trimmed(line[...])
    if bytes.starts(with: "HTTP/".utf8) {
      headers = Headers()
      let afterVersion = bytes.drop { $0 != UInt8(ascii: " ") }.dropFirst()
      var status = 0
      for byte in afterVersion.prefix(while: { $0 >= 48 && $0 <= 57 }).prefix(3) {
        status = status * 10 + Int(byte - 48)
      }
      hops.append((status, nil))
      return
    }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon - bytes.startIndex <= 16 else { return }
    let name = String(decoding: bytes[..<colon].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    guard let field = Headers.fields[name] else { return }
    let value = Self.text(Self.trimmed(bytes[(colon + 1)...]))
    headers[keyPath: field] = value
    if field == \Headers.location, !hops.isEmpty { hops[hops.count - 1].location = value }
  }

  /// Without leading and trailing spaces, tabs, CR and LF.
  private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }
    var slice = bytes
    while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
    while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
    return slice
  }

  /// UTF-8, or Latin-1 when the bytes are not UTF-8 (as old servers send).
  private static func text(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }

  /// Lets a paused transfer go on; libcurl may hand over the held piece at once, and when the write
  /// callback refuses it (over the size cap) the result is this transfer's failure, not libcurl's.
  func resume() -> CURLcode {
    isPaused = false
    waitsForGate = false
    if let since = gateWaitSince {
      deadline = deadline + (ContinuousClock.now - since)
      gateWaitSince = nil
    }
    return CCurl_easy_unpause(handle)
  }

  /// What the write callback answers libcurl.
  private enum BodyReply {
    case taken
    /// Over the cap: the transfer stops.
    case stop
    /// The body queue is full: libcurl keeps the piece and offers it again after `resume`.
    case pause
  }

  private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> BodyReply {
    if bodyBytes + chunk.count > maxBodyBytes {
      bodyBytes += chunk.count
      exceededCap = true
      return .stop
    }
    if !bodyStarted {
      bodyStarted = true
      let status = responseCode
      if status == 0 || (200..<300).contains(status) {
        let consumer = makeConsumer(head(status: status))
        self.consumer = consumer
        stream = workers.stream(serial: serial, consumer: consumer)
      }
    }
    // A local file cannot pause: it goes on (it is read at disk speed, and its size is known).
    if stream != nil, !request.allowsFile, bodyBytes + chunk.count > gate.threshold, !gate.enter(serial) {
      isPaused = true
      waitsForGate = true
      if gateWaitSince == nil { gateWaitSince = .now }
      return .pause
    }
    if let stream, !workers.send(chunk, to: stream, canPause: !request.allowsFile) {
      isPaused = true
      return .pause
    }
    bodyBytes += chunk.count
    return .taken
  }

  private func head(status: Int) -> ResponseHead {
    let type = headers.contentType
    var charset: String?
    if let type, let range = type.range(of: "charset=", options: .caseInsensitive) {
      charset = type[range.upperBound...].prefix { $0 != ";" && $0 != " " }
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
    return ResponseHead(status: status, url: effectiveURL, contentType: type, charset: charset)
  }

  private static let onBody: curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    switch transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) {
    case .taken: return length
    case .stop: return 0
    case .pause: return CCurl_writefunc_pause
    }
  }

  private static let onHeader: curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: length))
    return length
  }
}
