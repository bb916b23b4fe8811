import Foundation
import LingkarFetch
import LingkarModel

/// Fetches a few addresses at once and keeps their bodies whole, for `lingkar feeds add`: the page a
/// teacher gave, the feeds it announces, the well-known paths. Small documents, so holding them is fine.
struct WebFetch {
  let options: FetchOptions

  /// One fetched address.
  struct Page {
    /// The address asked for.
    var url: String
    /// The address of the last response, after redirects.
    var finalURL: String
    /// Where the address moved for good (301/308), if it did.
    var permanentRedirect: String?
    var validators: Validators
    var contentType: String?
    var charset: String?
    var body: [UInt8]
    /// Why nothing usable came back; nil when a body arrived.
    var failure: FetchFailure?
  }

  /// Fetches every address (concurrently) and returns the pages in the order asked.
  func get(_ urls: [String], allowsFile: Bool = false) throws(FeedsError) -> [Page] {
    let fetcher: Fetcher
    do {
      fetcher = try Fetcher(options: options)
    } catch {
      throw .fetching(error)
    }
    let requests = urls.enumerated().map { FetchRequest(id: $0.offset, url: $0.element, allowsFile: allowsFile) }
    var pages = urls.map {
      Page(url: $0, finalURL: $0, validators: Validators(), body: [], failure: .notFetched)
    }
    do {
      try fetcher.run(requests, makeConsumer: { head in Collector(head: head) }) { response in
        var page = Page(
          url: response.request.url, finalURL: response.finalURL, permanentRedirect: response.permanentRedirect,
          validators: response.validators, body: [])
        switch response.outcome {
        case .fetched(let consumer):
          let collector = consumer as? Collector
          page.body = collector?.bytes ?? []
          page.contentType = collector?.head.contentType
          page.charset = collector?.head.charset
        case .notModified: page.failure = .http(304)
        case .gone: page.failure = .http(410)
        case .failed(let failure): page.failure = failure
        case .notFetched: page.failure = .notFetched
        }
        pages[response.request.id] = page
      }
    } catch {
      throw .fetching(error)
    }
    return pages
  }

  /// Keeps a body's bytes as they arrive.
  private final class Collector: BodyConsumer {
    let head: ResponseHead
    var bytes: [UInt8] = []

    init(head: ResponseHead) { self.head = head }

    func consume(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }
  }
}
