import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// Reads the settings file for a command; its problems stop the command and are printed one a line.
enum SettingsLoader {
  static func load(_ path: String) throws(LingkarFailure) -> Settings? {
    do {
      return try SettingsSource.load(path: path)
    } catch {
      // Printed as they are, like a compiler's `file:line: problem` lines.
      var failure = error
      failure.isListing = true
      throw failure
    }
  }
}
