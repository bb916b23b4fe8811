import ArgumentParser

/// `lingkar topics`: the period's topics, ranked (default), or the ranker's evaluation and benchmark.
struct TopicsCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    Words.configuration(
      "topics", key: "topics",
      subcommands: [
        TopicsListCommand.self, TopicsPickCommand.self, TopicsVoteCommand.self, TopicsEvalCommand.self,
        TopicsBenchCommand.self,
      ],
      defaultSubcommand: TopicsListCommand.self)
  }
}
