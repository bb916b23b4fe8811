import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// Reads the settings file for a command; its problems go to stderr, one a line, and stop the command.
enum SettingsLoader {
  static func load(_ path: String) throws -> Settings? {
    do {
      return try SettingsSource.load(path: path)
    } catch {
      Output.error("\(error)\n")
      throw ExitCode.failure
    }
  }
}
