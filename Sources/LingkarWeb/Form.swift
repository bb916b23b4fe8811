import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order; a name may repeat
/// (`topic` on the meeting form).
struct Form: Sendable {
  var fields: [(name: String, value: String)]

  init(_ body: String) {
    fields = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
    }
  }

  /// The first value of `name`, trimmed.
  subscript(_ name: String) -> String? {
    fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Every value of `name`, in order.
  func all(_ name: String) -> [String] {
    fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  private static func decode(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// `value` for a query string or a form body.
  static func encode(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }
}
