/// An e-mail address with an optional display name (`Bu Sari <sari@example.sch.id>`).
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
  public var name: String?
  /// `local@domain`, ASCII.
  public var address: String

  public init(name: String? = nil, address: String) {
    self.name = name
    self.address = address
  }

  /// Reads `local@domain` or `Name <local@domain>` (the name may be quoted); nil when the address
  /// part is not a plain ASCII `local@domain` without spaces or angle brackets.
  public init?(parsing text: String) {
    let trimmed = text.trimmingSpaces()
    var name: String?
    var address = trimmed
    if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
      address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
      var display = String(trimmed[..<open]).trimmingSpaces()
      if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
        display = String(display.dropFirst().dropLast())
      }
      name = display.isEmpty ? nil : display
    }
    guard Self.isPlainAddress(address) else { return nil }
    if let name, name.contains(where: { $0.isNewline || $0 == "\"" || $0 == "<" || $0 == ">" }) { return nil }
    self.init(name: name, address: address)
  }

  /// `local@domain` with printable ASCII only, one `@`, a dot-free-edged domain.
  public static func isPlainAddress(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.utf8.count <= 254 else { return false }
    let allowed = text.unicodeScalars.allSatisfy {
      $0.value > 0x20 && $0.value < 0x7F && !"<>()[],;:\\\"".unicodeScalars.contains($0)
    }
    return allowed && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
  }

  /// The domain part.
  public var domain: String { String(address.split(separator: "@").last ?? "") }

  public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}

extension String {
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
