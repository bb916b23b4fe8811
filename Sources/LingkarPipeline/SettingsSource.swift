public import LingkarModel
import LingkarSettings

/// The settings file for the commands (the executable imports only this module).
public enum SettingsSource {
  /// The settings at `path`, nil when there is no such file; its problems are the failure's
  /// message, one a line.
  public static func load(path: String) throws(LingkarFailure) -> Settings? {
    do {
      return try SettingsFile.load(path: path)
    } catch {
      throw LingkarFailure(settings: error)
    }
  }
}
