import ArgumentParser
import LingkarModel

// The file options every command that reads them takes, defined once each, so that `--db` means
// the same, defaults the same and reads the same in `--help` everywhere. A command includes the
// ones it reads with `@OptionGroup`. (One definition has one help text: the plain one most
// commands had; `run`, `digest`, `fetch` and `demo` used to add what they read the file for.)

/// `--db`: the SQLite database.
struct DatabaseOption: ParsableArguments {
  @Option(help: Words.help("help.option.db"))
  var db = "lingkar.db"
}

/// `--feeds`: the feeds file.
struct FeedsFileOption: ParsableArguments {
  @Option(help: Words.help("help.option.feeds"))
  var feeds = "feeds.txt"
}

/// `--topics`: the topics file.
struct TopicsOption: ParsableArguments {
  @Option(help: Words.help("help.option.topics"))
  var topics = "topics.txt"
}

/// `--settings`: `lingkar.yaml`.
struct SettingsOption: ParsableArguments {
  @Option(help: Words.help("help.option.settings"))
  var settings = "lingkar.yaml"
}

/// `--output`: where digests and handouts are written.
struct OutputOption: ParsableArguments {
  @Option(help: Words.help("help.option.output"))
  var output = "output"
}

/// `--lock-wait`: how long to wait for another run's lock.
struct LockWaitOption: ParsableArguments {
  @Option(help: Words.help("help.option.lock_wait"))
  var lockWait: Double = 5

  func validate() throws {
    guard lockWait >= 0 else { throw Words.usage("cli.usage.lock_wait") }
  }
}

/// `--lang`: the language of everything the command says. Every command takes it (the one rule:
/// `--lang`, else `language:` in lingkar.yaml, else LC_ALL/LC_MESSAGES/LANG, else Indonesian). The
/// process's language is chosen from it before parsing (`ProcessLanguage`), so help and usage errors
/// speak it too; declared here so that `--help` lists it and the parser accepts it everywhere.
struct LanguageOption: ParsableArguments {
  @Option(help: Words.help("help.option.lang"))
  var lang: String?

  /// The language asked for, when one was.
  var language: DigestLanguage? { lang.flatMap(DigestLanguage.init(rawValue:)) }

  func validate() throws {
    if let lang, DigestLanguage(rawValue: lang) == nil { throw Words.usage("cli.usage.lang", ["given": .text(lang)]) }
  }
}
