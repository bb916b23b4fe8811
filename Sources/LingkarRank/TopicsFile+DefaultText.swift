extension TopicsFile {
  /// The text of the built-in topics file, as a school's `topics.txt` starts (`lingkar init` writes
  /// it, and the package installs the same file in `/usr/share/lingkar`).
  public static var defaultText: String { WordLists.defaultTopicsText }
}
