import ArgumentParser

/// `lingkar topics`: the period's topics, ranked (default), or the ranker's evaluation and benchmark.
struct TopicsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics",
    abstract: "Rank the discussion topics of a period's new items.",
    subcommands: [
      TopicsListCommand.self, TopicsPickCommand.self, TopicsVoteCommand.self, TopicsEvalCommand.self,
      TopicsBenchCommand.self,
    ],
    defaultSubcommand: TopicsListCommand.self
  )
}
