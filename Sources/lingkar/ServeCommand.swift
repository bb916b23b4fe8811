import ArgumentParser
import Foundation
import LingkarModel
import LingkarWeb

/// `lingkar serve`: the web pages for teachers and facilitators (docs/web.md).
struct ServeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    Words.configuration("serve", key: "serve", discussion: false)
  }

  @Option(help: Words.help("help.serve.listen"))
  var listen = "127.0.0.1:8080"

  @OptionGroup var feedsFile: FeedsFileOption

  @OptionGroup var database: DatabaseOption

  @OptionGroup var output: OutputOption

  @OptionGroup var settingsFile: SettingsOption

  @OptionGroup var topicsFile: TopicsOption

  @Option(help: Words.help("help.serve.public_url"))
  var publicURL: String?

  @Flag(help: Words.help("help.serve.allow_private"))
  var allowPrivateAddresses = false

  func validate() throws {
    guard Self.hostAndPort(listen) != nil else { throw Words.usage("cli.usage.listen") }
    if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
      throw Words.usage("cli.usage.public_url")
    }
  }

  static func hostAndPort(_ text: String) -> (String, Int)? {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65535).contains(port)
    else { return nil }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return host.isEmpty ? nil : (host, port)
  }

  func run() async throws {
    var configuration = WebServer.Configuration()
    if let (host, port) = Self.hostAndPort(listen) {
      configuration.host = host
      configuration.port = port
    }
    configuration.feedsPath = feedsFile.feeds
    configuration.databasePath = database.db
    configuration.outputDirectory = output.output
    configuration.settingsPath = settingsFile.settings
    configuration.topicsPath = topicsFile.topics
    configuration.publicURL = publicURL
    configuration.allowPrivateAddresses = allowPrivateAddresses
    let server = try WebServer(configuration: configuration)
    try await server.run { address in
      Output.standard("listening on \(address)\n")
    }
  }
}
