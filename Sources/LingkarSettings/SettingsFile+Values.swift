extension SettingsFile {
  /// Seconds east of UTC for a `utc_offset` value (`+07:00`, `WIB`, `WITA`, `WIT`), nil when it is
  /// not one: `lingkar init --zone` takes what the file takes.
  public static func utcOffset(_ text: String) -> Int? { SettingsReader.utcOffset(text) }
}
