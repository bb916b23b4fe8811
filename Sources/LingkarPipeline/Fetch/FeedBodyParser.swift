import LingkarModel
import LingkarParse

/// A fetched body on its way into the parser: consumed piece by piece on a body worker, and
/// finished there too when the body is complete, so the whole parse stays off the network loop.
final class FeedBodyParser: BodyConsumer {
  private let session: FeedParser.Session
  private var result: Result<FeedDocument, FeedParseError>?

  init(baseURL: String, charset: String?) {
    session = FeedParser.Session(baseURL: baseURL, charset: charset)
  }

  func consume(_ chunk: UnsafeRawBufferPointer) {
    session.consume(chunk)
  }

  func bodyEnded() {
    result = finish()
  }

  /// The parsed feed; finished here if the fetcher did not report the end of the body.
  func document() throws(FeedParseError) -> FeedDocument {
    let finished = result ?? finish()
    result = finished
    return try finished.get()
  }

  private func finish() -> Result<FeedDocument, FeedParseError> {
    do {
      return .success(try session.finish())
    } catch {
      return .failure(error)
    }
  }
}
