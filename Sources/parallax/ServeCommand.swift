import ArgumentParser
import Foundation
import Hummingbird
import ParallaxPipeline
import ParallaxServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the story store: a JSON API and a web UI.",
        discussion: """
            Serves the stories of the store: the web UI at /, the JSON API under /api \
            (described by /openapi.json; docs/api.md has examples), Prometheus metrics at \
            /metrics. Reads are public. Posting articles (POST /api/articles) needs \
            'Authorization: Bearer TOKEN' with the token of --token or $PARALLAX_TOKEN; without \
            one, writes are refused. Posted articles are placed in stories as `parallax ingest` \
            places them, with dense embeddings as well under --embedder e5. Stops cleanly on \
            Ctrl-C (SIGINT) or SIGTERM.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var embedding: EmbedderOptions

    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    var host: String = ServerConfiguration.defaultHost

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: Int = ServerConfiguration.defaultPort

    @Option(name: .long, help: ArgumentHelp("Bearer token that writes need. Default: $\(ServerConfiguration.tokenEnvironmentVariable).", valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("Largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody: Int = ServerConfiguration.defaultMaxBodyBytes

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
    }

    func run() async throws {
        let embedder = try embedding.load()
        let store = try await self.store.open()
        let token = self.token ?? ProcessInfo.processInfo.environment[ServerConfiguration.tokenEnvironmentVariable]
        let server = ParallaxServer(configuration: ServerConfiguration(
            store: store, pipeline: try Pipeline.standard(), host: host, port: port, writeToken: token, maxBodyBytes: maxBody,
            ingestOptions: IngestOptions(embedder: embedder)))
        let host = self.host
        let writes = server.configuration.writeToken == nil ? "writes disabled (no --token)" : "writes need the bearer token"
        let app = server.application { port in
            Output.line("Serving \(store) at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (\(writes)); Ctrl-C stops.")
        }
        do {
            try await app.runService()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
