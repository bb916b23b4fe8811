/// The language Lingkar writes its own words in (`--lang`); item texts keep their own language.
public enum DigestLanguage: String, Sendable, Hashable, CaseIterable {
  /// Bahasa Indonesia.
  case id
  /// English.
  case en

  /// The default for an environment: Indonesian when `LANG` (or `LC_ALL`, `LC_MESSAGES`, which
  /// win over it as in POSIX) names an `id_*` or `in_*` locale, English otherwise.
  public static func fromEnvironment(_ environment: [String: String]) -> DigestLanguage {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let lowered = value.lowercased()
    return lowered == "id" || lowered.hasPrefix("id_") || lowered.hasPrefix("id-") || lowered.hasPrefix("in_")
      ? .id : .en
  }
}
