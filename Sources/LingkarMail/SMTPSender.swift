internal import CCurl
import Foundation
public import LingkarModel

/// Sends one e-mail through libcurl's SMTP: STARTTLS when the server offers it, or required (as
/// the settings say, and always when there is a user name or password: see `tlsRequired`), the credentials the caller read from a file or the environment, and the
/// message uploaded from memory. libcurl dot-stuffs lines that start with ".".
public struct SMTPSender: Sendable {
  public var settings: MailSettings
  public var user: String?
  public var password: String?
  /// Seconds allowed to connect.
  public var connectTimeoutSeconds = 15

  public init(settings: MailSettings, user: String? = nil, password: String? = nil) {
    self.settings = settings
    self.user = user
    self.password = password
  }

  /// `curl_global_init(CURL_GLOBAL_ALL)` once per process (the macro is not imported: 3).
  private static let globalInit: CURLcode = curl_global_init(3)

  /// Sends `message` (written by `MIMEWriter`) to every address of `message.to`.
  public func send(_ message: MailMessage, writer: MIMEWriter = MIMEWriter()) throws(MailError) {
    guard !message.to.isEmpty else { throw .invalid(Message("errors.mail.no-recipient")) }
    try send(Array(writer.write(message).utf8), from: message.from, to: message.to)
  }

  /// Sends raw message bytes (CRLF lines) from `from` to `to`.
  public func send(_ bytes: [UInt8], from: MailAddress, to: [MailAddress]) throws(MailError) {
    guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
      throw .smtp(code: -1, message: Message("errors.mail.curl-start"), reply: 0)
    }
    defer { curl_easy_cleanup(handle) }
    var recipients: UnsafeMutablePointer<curl_slist>?
    for address in to { recipients = curl_slist_append(recipients, "<\(address.address)>") }
    defer { curl_slist_free_all(recipients) }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    defer { errorBuffer.deallocate() }
    let upload = Upload(bytes: bytes)

    var setup = CURLE_OK
    func option(_ code: CURLcode) { if setup == CURLE_OK { setup = code } }
    option(CCurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    option(CCurl_easy_setopt_string(handle, CURLOPT_URL, Self.url(settings.url, domain: from.domain)))
    option(CCurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
    option(
      CCurl_easy_setopt_long(
        handle, CURLOPT_USE_SSL, Int(tlsRequired ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue)))
    option(CCurl_easy_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from.address)>"))
    option(CCurl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients))
    option(CCurl_easy_setopt_long(handle, CURLOPT_UPLOAD, 1))
    option(CCurl_easy_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, bytes.count))
    option(CCurl_easy_setopt_read_function(handle, CURLOPT_READFUNCTION, Upload.read))
    option(CCurl_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()))
    option(CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    option(CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutSeconds * 1000))
    option(CCurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, settings.timeoutSeconds * 1000))
    if let user { option(CCurl_easy_setopt_string(handle, CURLOPT_USERNAME, user)) }
    if let password { option(CCurl_easy_setopt_string(handle, CURLOPT_PASSWORD, password)) }
    guard setup == CURLE_OK else {
      throw .smtp(code: Int(setup.rawValue), message: Message("errors.mail.curl-option"), reply: 0)
    }

    let result = withExtendedLifetime(upload) { curl_easy_perform(handle) }
    guard result != CURLE_OK else { return }
    var reply = 0
    _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
    var message = Self.explain(result, url: settings.url)
    if result == CURLE_USE_SSL_FAILED && settings.tls == .try && hasCredentials {
      message = Self.explainClearText(url: settings.url)
    }
    throw .smtp(code: Int(result.rawValue), message: message, reply: reply)
  }

  /// True when a user name or password would be sent.
  var hasCredentials: Bool { user != nil || password != nil }

  /// Whether the connection must be encrypted before anything else is said: when the settings ask
  /// for it, and always when there are credentials, whatever `tls` says. With `try`, libcurl goes on
  /// in clear text when the server offers no STARTTLS or answers it with 454, and then sends
  /// `AUTH PLAIN`, the password readable by anyone on the way (a man in the middle only has to strip
  /// STARTTLS from the server's answer). So `try` holds only for servers reached without a password.
  var tlsRequired: Bool { settings.tls == .required || hasCredentials }

  /// Why nothing was sent when `tls: try` met a server that would not encrypt, with a password set.
  static func explainClearText(url: String) -> Message {
    let host = url.range(of: "://").map { String(url[$0.upperBound...].prefix { $0 != "/" }) } ?? url
    return Message(
      "errors.mail.clear-text", ["host": .text(host), "name": .text(String(host.split(separator: ":").first ?? ""))])
  }

  /// The URL with the EHLO domain as its path (curl says EHLO with the path; without one it
  /// would say the name of the upload).
  static func url(_ url: String, domain: String) -> String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    let rest = url[schemeEnd.upperBound...]
    if let slash = rest.firstIndex(of: "/"), rest[rest.index(after: slash)...].contains(where: { $0 != "/" }) {
      return url
    }
    let base = rest.firstIndex(of: "/").map { String(url[..<$0]) } ?? url
    return base + "/" + (domain.isEmpty ? "localhost" : domain)
  }

  /// The failure in plain words (curl's own English detail stays out; `MailError` keeps its code).
  static func explain(_ code: CURLcode, url: String) -> Message {
    let host = url.range(of: "://").map { String(url[$0.upperBound...].prefix { $0 != "/" }) } ?? url
    let key: String
    switch code {
    case CURLE_COULDNT_CONNECT: key = "could-not-connect"
    case CURLE_COULDNT_RESOLVE_HOST: key = "host-not-found"
    case CURLE_OPERATION_TIMEDOUT: key = "timed-out"
    case CURLE_LOGIN_DENIED: key = "login-denied"
    case CURLE_USE_SSL_FAILED: key = "no-starttls"
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION: key = "tls"
    case CURLE_SEND_ERROR, CURLE_RECV_ERROR: key = "refused"
    case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: key = "bad-url"
    default: key = "failed"
    }
    return Message("errors.mail.server." + key, ["host": .text(host)])
  }
}

/// The message bytes libcurl reads from, in chunks.
private final class Upload {
  let bytes: [UInt8]
  var offset = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  static let read: curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let upload = Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue()
    let room = size * count
    let length = min(room, upload.bytes.count - upload.offset)
    guard length > 0 else { return 0 }
    // length > 0 means the bytes are not empty, so the base address exists; without one, end the upload.
    let copied = upload.bytes.withUnsafeBufferPointer { source -> Int in
      guard let base = source.baseAddress else { return 0 }
      UnsafeMutableRawPointer(buffer).copyMemory(from: base + upload.offset, byteCount: length)
      return length
    }
    upload.offset += copied
    return copied
  }
}
