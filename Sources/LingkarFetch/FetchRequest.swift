public import LingkarModel

/// One feed to fetch.
public struct FetchRequest: Sendable, Hashable {
  /// The caller's number for this request, handed back in the response.
  public var id: Int
  public var url: String
  /// Sent back as `If-None-Match` / `If-Modified-Since`.
  public var validators: Validators
  /// Only a local path from `feeds.txt` may be read as `file://`; redirects never may.
  public var allowsFile: Bool

  public init(id: Int, url: String, validators: Validators = Validators(), allowsFile: Bool = false) {
    self.id = id
    self.url = url
    self.validators = validators
    self.allowsFile = allowsFile
  }
}
