internal import CCurl
import LingkarModel

/// The one place where libcurl's result codes become Swift errors and plain-words failures.
enum CurlResult {
  static func check(_ code: CURLcode) throws(FetchError) {
    guard code != CURLE_OK else { return }
    throw .curl(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
  }

  static func check(_ code: CURLMcode) throws(FetchError) {
    guard code != CURLM_OK else { return }
    throw .curlMulti(code: Int(code.rawValue), message: String(cString: curl_multi_strerror(code)))
  }

  /// The failure a teacher is told about for a transfer that ended with `code`.
  static func failure(for code: CURLcode) -> FetchFailure {
    if let known = failures[code.rawValue] { return known }
    return .downloadFailed(curlCode: Int(code.rawValue))
  }

  private static let failures: [CURLcode.RawValue: FetchFailure] = [
    CURLE_UNSUPPORTED_PROTOCOL.rawValue: .forbiddenAddress,
    CURLE_URL_MALFORMAT.rawValue: .invalidAddress,
    CURLE_COULDNT_RESOLVE_HOST.rawValue: .hostNotFound,
    CURLE_COULDNT_RESOLVE_PROXY.rawValue: .hostNotFound,
    CURLE_COULDNT_CONNECT.rawValue: .connectionRefused,
    CURLE_OPERATION_TIMEDOUT.rawValue: .timedOut,
    CURLE_PARTIAL_FILE.rawValue: .connectionBroken,
    CURLE_RECV_ERROR.rawValue: .connectionBroken,
    CURLE_SEND_ERROR.rawValue: .connectionBroken,
    CURLE_GOT_NOTHING.rawValue: .connectionBroken,
    CURLE_HTTP2.rawValue: .connectionBroken,
    CURLE_HTTP2_STREAM.rawValue: .connectionBroken,
    CURLE_TOO_MANY_REDIRECTS.rawValue: .tooManyRedirects,
    CURLE_FILE_COULDNT_READ_FILE.rawValue: .fileNotReadable,
    CURLE_READ_ERROR.rawValue: .fileNotReadable,
    CURLE_BAD_CONTENT_ENCODING.rawValue: .unreadable(FetchFailure.Unreadable.damagedCompression),
    CURLE_SSL_CONNECT_ERROR.rawValue: .tls,
    CURLE_PEER_FAILED_VERIFICATION.rawValue: .tls,
    CURLE_SSL_CERTPROBLEM.rawValue: .tls,
    CURLE_SSL_CIPHER.rawValue: .tls,
    CURLE_SSL_CACERT_BADFILE.rawValue: .tls,
    CURLE_SSL_ENGINE_NOTFOUND.rawValue: .tls,
    CURLE_SSL_SHUTDOWN_FAILED.rawValue: .tls,
    CURLE_SSL_CRL_BADFILE.rawValue: .tls,
    CURLE_SSL_ISSUER_ERROR.rawValue: .tls,
    CURLE_SSL_PINNEDPUBKEYNOTMATCH.rawValue: .tls,
    CURLE_SSL_INVALIDCERTSTATUS.rawValue: .tls,
    CURLE_SSL_CLIENTCERT.rawValue: .tls,
  ]
}
