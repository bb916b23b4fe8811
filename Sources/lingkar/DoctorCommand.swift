import ArgumentParser
import Foundation
import LingkarModel
import LingkarPipeline

/// `lingkar doctor`: checks the school's setup, says what is wrong and how to fix it; exit code 0
/// when all is well, 1 when something needs fixing.
struct DoctorCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "doctor", abstract: Catalogue.for(Catalogue.current).text("setup.doctor.help.abstract"),
      discussion: Catalogue.for(Catalogue.current).text("setup.doctor.help.discussion"))
  }

  @OptionGroup var settingsFile: SettingsOption
  @OptionGroup var feedsFile: FeedsFileOption
  @OptionGroup var topicsFile: TopicsOption
  @OptionGroup var database: DatabaseOption
  @OptionGroup var outputFolder: OutputOption

  @Flag(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.doctor.help.no_mail")))
  var noMail = false

  @Option(help: ArgumentHelp(Catalogue.for(Catalogue.current).text("setup.doctor.help.timer")))
  var timer = "lingkar-run.timer"

  func run() throws {
    var options = DoctorOptions()
    options.settingsPath = settingsFile.settings
    options.feedsPath = feedsFile.feeds
    options.topicsPath = topicsFile.topics
    options.databasePath = database.db
    options.outputDirectory = outputFolder.output
    options.environment = ProcessInfo.processInfo.environment
    options.systemctl = options.environment["LINGKAR_SYSTEMCTL"] ?? DoctorOptions.systemSystemctl()
    options.timerUnit = timer
    options.checkMail = !noMail
    let checks = DoctorRun(options: options).run()
    let words = Catalogue.for(Catalogue.current)
    for check in checks {
      let mark = words.text("setup.doctor.status." + check.status.rawValue)
      print("\(mark) \(words.render(check.name)): \(words.render(check.said))")
    }
    let problems = checks.filter { $0.status == .problem }.count
    print("")
    print(
      problems == 0
        ? words.text("setup.doctor.all_well") : words.text("setup.doctor.problems", ["count": .number(problems)]))
    if problems > 0 { throw ExitCode(1) }
  }
}
