import ParallaxPipeline
import ParallaxStore

/// What `parallax serve` runs with: the store and pipeline it serves, where it listens, and
/// what it lets clients do.
public struct ServerConfiguration: Sendable {
    public var store: any StoryStore
    public var pipeline: Pipeline
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// The bearer token that writes need; nil refuses every write (403).
    public var writeToken: String?
    /// Request bodies larger than this are refused with 413.
    public var maxBodyBytes: Int
    public var ingestOptions: IngestOptions
    /// Stories per page of the web UI and the default `limit` of the story list.
    public var pageSize: Int

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultMaxBodyBytes = 10 * 1024 * 1024
    /// The environment variable `parallax serve` reads the write token from.
    public static let tokenEnvironmentVariable = "PARALLAX_TOKEN"

    public init(store: any StoryStore, pipeline: Pipeline, host: String = defaultHost, port: Int = defaultPort,
                writeToken: String? = nil, maxBodyBytes: Int = defaultMaxBodyBytes,
                ingestOptions: IngestOptions = IngestOptions(), pageSize: Int = 20) {
        self.store = store
        self.pipeline = pipeline
        self.host = host
        self.port = port
        self.writeToken = writeToken.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.ingestOptions = ingestOptions
        self.pageSize = pageSize
    }
}
