import ArgumentParser
import LingkarModel

// The file options every command that reads them takes, defined once each, so that `--db` means
// the same, defaults the same and reads the same in `--help` everywhere. A command includes the
// ones it reads with `@OptionGroup`. (One definition has one help text: the plain one most
// commands had; `run`, `digest`, `fetch` and `demo` used to add what they read the file for.)

/// `--db`: the SQLite database.
struct DatabaseOption: ParsableArguments {
  @Option(help: "The SQLite database.")
  var db = "lingkar.db"
}

/// `--feeds`: the feeds file.
struct FeedsFileOption: ParsableArguments {
  @Option(help: "The feeds file.")
  var feeds = "feeds.txt"
}

/// `--topics`: the topics file.
struct TopicsOption: ParsableArguments {
  @Option(help: "The topics file (the built-in default when it does not exist).")
  var topics = "topics.txt"
}

/// `--settings`: `lingkar.yaml`.
struct SettingsOption: ParsableArguments {
  @Option(help: "The settings file.")
  var settings = "lingkar.yaml"
}

/// `--output`: where digests and handouts are written.
struct OutputOption: ParsableArguments {
  @Option(help: "The output folder.")
  var output = "output"
}

/// `--lock-wait`: how long to wait for another run's lock.
struct LockWaitOption: ParsableArguments {
  @Option(help: "Seconds to wait for another run to finish before giving up (exit 3).")
  var lockWait: Double = 5

  func validate() throws {
    guard lockWait >= 0 else { throw ValidationError(Message("errors.usage.lock-wait").description) }
  }
}
