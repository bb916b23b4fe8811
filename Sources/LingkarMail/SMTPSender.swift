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
    guard !message.to.isEmpty else { throw .invalid("no recipient") }
    try send(Array(writer.write(message).utf8), from: message.from, to: message.to)
  }

  /// Sends raw message bytes (CRLF lines) from `from` to `to`.
  public func send(_ bytes: [UInt8], from: MailAddress, to: [MailAddress]) throws(MailError) {
    guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
      throw .smtp(code: -1, message: "libcurl could not be started", reply: 0)
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
      throw .smtp(
        code: Int(setup.rawValue),
        message: "libcurl refused a mail option: " + String(cString: curl_easy_strerror(setup)), reply: 0)
    }

    let result = withExtendedLifetime(upload) { curl_easy_perform(handle) }
    guard result != CURLE_OK else { return }
    var reply = 0
    _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
    let detail = String(cString: errorBuffer)
    var message = Self.explain(result, detail: detail, url: settings.url)
    if result == CURLE_USE_SSL_FAILED && settings.tls == .try && hasCredentials {
      message = Self.explainClearText(url: settings.url, detail: detail)
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
  static func explainClearText(url: String, detail: String) -> String {
    let host = url.range(of: "://").map { String(url[$0.upperBound...].prefix { $0 != "/" }) } ?? url
    let words = """
      the mail server \(host) offers no STARTTLS (or refused it), so the connection would not be \
      encrypted, and Lingkar never sends the mail password in clear text: nothing was sent; ask for the \
      server's STARTTLS port (usually 587), or use smtps://\(host.split(separator: ":").first ?? ""):465
      """
    let extra = detail.trimmingCharacters(in: .whitespacesAndNewlines)
    return extra.isEmpty ? words : "\(words); curl says: \(extra)"
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

  /// The failure in plain words: what happened, with curl's detail.
  static func explain(_ code: CURLcode, detail: String, url: String) -> String {
    let host = url.range(of: "://").map { String(url[$0.upperBound...].prefix { $0 != "/" }) } ?? url
    let words: String
    switch code {
    case CURLE_COULDNT_CONNECT:
      words = "could not connect to the mail server \(host) (is it running, is the port right?)"
    case CURLE_COULDNT_RESOLVE_HOST: words = "the mail server \(host) was not found (check mail.url)"
    case CURLE_OPERATION_TIMEDOUT: words = "the mail server \(host) did not answer in time"
    case CURLE_LOGIN_DENIED: words = "the mail server \(host) refused the user name or password"
    case CURLE_USE_SSL_FAILED:
      words = "the mail server \(host) offers no STARTTLS (or refused it), and mail.tls is required"
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION: words = "the secure connection to \(host) failed"
    case CURLE_SEND_ERROR, CURLE_RECV_ERROR: words = "the mail server \(host) refused the message or a recipient"
    case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: words = "mail.url is not an smtp:// or smtps:// address"
    default: words = "sending through \(host) failed: " + String(cString: curl_easy_strerror(code)).lowercased()
    }
    let extra = detail.trimmingCharacters(in: .whitespacesAndNewlines)
    return extra.isEmpty ? words : "\(words); curl says: \(extra)"
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
