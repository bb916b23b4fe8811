import ArgumentParser

@main
struct Lingkar: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lingkar",
    abstract: "Keeps a school's teachers learning together: reads the feeds they follow and writes a digest.",
    version: "0.1.0",
    subcommands: [DemoCommand.self, ParseCommand.self, FetchCommand.self, FeedsCommand.self]
  )
}
