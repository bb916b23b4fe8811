/// The language Lingkar writes its own words in (`--lang`); item texts keep their own language.
public enum DigestLanguage: String, Sendable, Hashable, CaseIterable {
  /// Bahasa Indonesia.
  case id
  /// English.
  case en

  /// The one rule every command that writes or prints for people follows: `--lang`, else the
  /// settings' `language`, else the locale of the environment, else Indonesian. Under cron `LANG`
  /// is usually unset, so the school's `lingkar.yaml` (and after it Indonesian, Lingkar's first
  /// language) must decide, never the machine's English default.
  public static func choose(
    flag: DigestLanguage? = nil, settings: Settings?, environment: [String: String]
  ) -> DigestLanguage {
    flag ?? settings?.language ?? fromEnvironment(environment) ?? .id
  }

  /// The language an environment asks for: `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set one
  /// wins, as in POSIX) naming an `id_*` (or the old `in_*`) locale is Indonesian, an `en_*` one
  /// English; nil when none is set or it names another locale (`C`, `POSIX`, `fr_FR`…), so the
  /// caller falls back to Indonesian.
  public static func fromEnvironment(_ environment: [String: String]) -> DigestLanguage? {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let lowered = value.lowercased()
    if lowered == "id" || lowered.hasPrefix("id_") || lowered.hasPrefix("id-") || lowered.hasPrefix("in_") {
      return .id
    }
    if lowered == "en" || lowered.hasPrefix("en_") || lowered.hasPrefix("en-") { return .en }
    return nil
  }
}
