import ArgumentParser
import ParallaxPipeline
import ParallaxStore

/// `--db`, shared by the commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: an SQLite file (created when missing) or a postgres://user:password@host:port/database URL. Default: $PARALLAX_DB, else ~/.parallax/parallax.db.",
        valueName: "path-or-url"))
    var db: String?

    /// Opens the store; a failure is one line on stderr naming it (never its password), exit 1.
    func open() async throws -> any StoryStore {
        do {
            return try await StoreLocation(db).open()
        } catch let error as StoreError {
            Output.warning(error.description)
            throw ExitCode(1)
        }
    }
}
