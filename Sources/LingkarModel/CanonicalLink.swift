import Foundation

/// A link in the form used to spot the same story in several feeds: lower-cased host, `http` and
/// `https` unified, no default port, no fragment, no `utm_*` tracking parameters.
public enum CanonicalLink {
  public static func of(_ link: String) -> String? {
    guard var components = URLComponents(string: link.trimmingCharacters(in: .whitespacesAndNewlines)),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty
    else { return nil }
    components.scheme = "https"
    components.host = host.lowercased()
    if components.port == 80 || components.port == 443 { components.port = nil }
    components.fragment = nil
    if let items = components.queryItems {
      let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") }
      components.queryItems = kept.isEmpty ? nil : kept
    }
    if components.path.isEmpty { components.path = "/" }
    return components.string
  }
}
