import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

#if canImport(Glibc)
  import Glibc
#endif

/// `lingkar init [DIR]`: a school's first `lingkar.yaml`, `feeds.txt` and `topics.txt`. In a terminal
/// it asks for what the flags did not give; without one, or with `--yes`, it asks nothing.
struct InitCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "init", abstract: Catalogue.for(Catalogue.current).text("setup.init.help.abstract"),
      discussion: Catalogue.for(Catalogue.current).text("setup.init.help.discussion"))
  }

  @Argument(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.directory")))
  var directory = "."

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.school")))
  var school: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.language")))
  var language: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.weekday")))
  var weekday: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.every_weeks")))
  var everyWeeks: Int?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.facilitator")))
  var facilitator: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.email")))
  var email: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.mail_server")))
  var mailServer: String?

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.zone")))
  var zone: String?

  @Flag(
    name: [.customLong("yes"), .customShort("y"), .customLong("non-interactive")],
    help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.init.help.yes")))
  var yes = false

  func validate() throws {
    if let language, DigestLanguage(rawValue: language) == nil {
      throw ValidationError(
        Catalogue.for(Catalogue.current).text("setup.init.error.language", ["given": .text(language)]))
    }
    if let weekday, Weekday(name: weekday) == nil {
      throw ValidationError(
        Catalogue.for(Catalogue.current).text("setup.init.error.weekday", ["given": .text(weekday)]))
    }
  }

  func run() throws {
    let asking = !yes && isatty(STDIN_FILENO) == 1
    var words = Catalogue.for(Catalogue.current)
    var chosenLanguage = language.flatMap(DigestLanguage.init(rawValue:))
    if chosenLanguage == nil, asking {
      let answer = ask(words, "setup.init.ask.language", default: words.language.rawValue)
      chosenLanguage = DigestLanguage(rawValue: answer.lowercased())
    }
    let chosen = chosenLanguage ?? words.language
    words = Catalogue.for(chosen)
    var schoolName = school
    while asking, schoolName?.isEmpty ?? true {
      schoolName = ask(words, "setup.init.ask.school", default: "")
    }
    guard let schoolName, !schoolName.isEmpty else {
      throw LingkarFailure(Message("setup.init.error.no_school"), kind: .badUsage)
    }
    var day = weekday.flatMap(Weekday.init(name:))
    if day == nil, weekday == nil, asking {
      let answer = ask(words, "setup.init.ask.weekday", default: "")
      day = Weekday(name: answer)
    }
    var interval = everyWeeks
    if interval == nil, day != nil, asking {
      interval = Int(ask(words, "setup.init.ask.every_weeks", default: "2"))
    }
    var leader = facilitator
    if leader == nil, asking { leader = ask(words, "setup.init.ask.facilitator", default: "") }
    var address = email
    if address == nil, asking { address = ask(words, "setup.init.ask.email", default: "") }
    var server = mailServer
    if server == nil, asking, !(address ?? "").isEmpty {
      server = ask(words, "setup.init.ask.mail_server", default: "")
    }

    let machineOffset = TimeZone.current.secondsFromGMT()
    let options = InitOptions(
      directory: directory, school: schoolName, language: chosen, weekday: day, everyWeeks: interval ?? 2,
      facilitator: leader.flatMap { $0.isEmpty ? nil : $0 }, email: address.flatMap { $0.isEmpty ? nil : $0 },
      mailServer: server.flatMap { $0.isEmpty ? nil : $0 },
      zone: zone
        ?? (machineOffset == 0 ? "WIB" : SchoolZone.label(machineOffset).replacingOccurrences(of: "UTC", with: "")),
      today: CalendarDay(Date(), utcOffset: machineOffset))
    let written = try InitRun(options: options).run()
    print(words.text("setup.init.done", ["folder": .text(directory), "count": .number(written.count)]))
    for path in written { print("  " + path) }
    print(words.text("setup.init.next", ["folder": .text(directory)]))
  }

  /// One question on standard error, its answer from standard input (the default when empty).
  private func ask(_ words: Catalogue, _ key: String, default value: String) -> String {
    let question = words.text(key)
    Output.error(value.isEmpty ? "\(question): " : "\(question) [\(value)]: ")
    let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
    return answer.isEmpty ? value : answer
  }
}
