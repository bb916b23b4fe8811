public import LingkarModel
import LingkarSettings

/// The settings file for the commands (the executable imports only this module).
public enum SettingsSource {
  /// The settings at `path`, nil when there is no such file; throws every problem, one a line.
  public static func load(path: String) throws -> Settings? {
    try SettingsFile.load(path: path)
  }
}
