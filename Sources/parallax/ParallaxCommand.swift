import ArgumentParser

@main
struct ParallaxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "One event, every outlet that covered it.",
        discussion: """
            Parallax extracts news articles from web pages and text files, identifies their \
            languages, and compares reports of the same event claim by claim: what the sources \
            agree on, what only one says, and where they contradict each other.
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "Articles", subcommands: [ExtractCommand.self, CompareCommand.self, WARCCommand.self]),
            CommandGroup(name: "Story store", subcommands: [
                IngestCommand.self, WatchCommand.self, StoriesCommand.self, StoryCommand.self, SearchCommand.self, ServeCommand.self,
            ]),
            CommandGroup(name: "Streaming (JSON Lines)", subcommands: [
                LanguageCommand.self, SimilarityCommand.self, ClusterCommand.self, PipeCommand.self,
            ]),
        ]
    )
}
