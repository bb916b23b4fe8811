internal import CCurl
import Foundation
public import LingkarModel

extension SMTPSender {
  /// Talks to the mail server as a send would, up to the point where a message would go, and sends
  /// nothing: libcurl's connect-only mode connects, reads the greeting, says EHLO, starts TLS as
  /// `tlsRequired` says and logs in when there are credentials, then stops. For `lingkar doctor`.
  public func probe() throws(MailError) {
    guard Self.probeGlobalInit == CURLE_OK, let handle = curl_easy_init() else {
      throw .smtp(code: -1, message: Message("errors.mail.curl-start"), reply: 0)
    }
    defer { curl_easy_cleanup(handle) }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    defer { errorBuffer.deallocate() }
    var setup = CURLE_OK
    func option(_ code: CURLcode) { if setup == CURLE_OK { setup = code } }
    option(CCurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    option(CCurl_easy_setopt_string(handle, CURLOPT_URL, Self.url(settings.url, domain: settings.from.domain)))
    option(CCurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
    option(
      CCurl_easy_setopt_long(
        handle, CURLOPT_USE_SSL, Int(tlsRequired ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue)))
    option(CCurl_easy_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1))
    option(CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    option(CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutSeconds * 1000))
    option(CCurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, min(settings.timeoutSeconds, 30) * 1000))
    if let user { option(CCurl_easy_setopt_string(handle, CURLOPT_USERNAME, user)) }
    if let password { option(CCurl_easy_setopt_string(handle, CURLOPT_PASSWORD, password)) }
    guard setup == CURLE_OK else {
      throw .smtp(code: Int(setup.rawValue), message: Message("errors.mail.curl-option"), reply: 0)
    }
    let result = curl_easy_perform(handle)
    guard result != CURLE_OK else { return }
    var reply = 0
    _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
    var message = Self.explain(result, url: settings.url)
    if result == CURLE_USE_SSL_FAILED && settings.tls == .try && hasCredentials {
      message = Self.explainClearText(url: settings.url)
    }
    throw .smtp(code: Int(result.rawValue), message: message, reply: reply)
  }

  /// `curl_global_init(CURL_GLOBAL_ALL)`, as `send` does it (idempotent).
  private static let probeGlobalInit: CURLcode = curl_global_init(3)
}
