import Foundation
import Hummingbird
import HummingbirdTesting
import ParallaxCore
import ParallaxPipeline
import ParallaxStore
import TestSupport
@testable import ParallaxServer

/// A server over a fresh SQLite store in a temporary directory, removed by `finish()`.
struct TestServer {
    static let token = "test-token-7f3a"

    let server: ParallaxServer
    let directory: URL

    /// Loading the language model takes a moment: one pipeline for all tests.
    static let pipeline: Result<Pipeline, Error> = Result { try Pipeline.standard() }

    init(token: String? = TestServer.token, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes, pageSize: Int = 20,
         ingestOptions: IngestOptions = IngestOptions()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-server-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("stories.db").path)
        server = ParallaxServer(configuration: ServerConfiguration(
            store: store, pipeline: try TestServer.pipeline.get(), host: "127.0.0.1", port: 0, writeToken: token,
            maxBodyBytes: maxBodyBytes, ingestOptions: ingestOptions, pageSize: pageSize))
    }

    func finish() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `body` against the router in process, then removes the store.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        defer { finish() }
        return try await server.application().test(.router, body)
    }
}

/// Requests the tests send.
extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    func post(_ uri: String, contentType: String?, body: [UInt8], token: String? = TestServer.token) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Posts a file of the shared data or the demo corpus as a page or text, by its extension.
    func postFile(_ url: URL, published: String? = nil, token: String? = TestServer.token) async throws -> TestResponse {
        let type = url.pathExtension.lowercased().hasPrefix("htm") ? "text/html" : "text/plain; charset=utf-8"
        var uri = "/api/articles?source=\(url.lastPathComponent)"
        if let published { uri += "&published=\(published)" }
        return try await post(uri, contentType: type, body: Array(try Data(contentsOf: url)), token: token)
    }

    func postJSON(_ object: [String: Any], token: String? = TestServer.token) async throws -> TestResponse {
        try await post("/api/articles", contentType: "application/json", body: Array(try JSONSerialization.data(withJSONObject: object)), token: token)
    }

    /// The two seed reports, with their publication days; returns the posted responses.
    func postSeeds() async throws -> [TestResponse] {
        [try await postFile(SharedData.url(SharedData.seed000), published: "2026-02-05"),
         try await postFile(SharedData.url(SharedData.seed002), published: "2026-02-04")]
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ParallaxJSON.decoder().decode(type, from: Data(buffer: body))
    }

    /// The `{"error": {"status", "message"}}` of an error response.
    var error: (status: Int, message: String)? {
        guard let error = json["error"] as? [String: Any], let status = error["status"] as? Int, let message = error["message"] as? String else {
            return nil
        }
        return (status, message)
    }
}

/// The demo corpus shipped with the project (fictional articles written for it).
enum DemoCorpus {
    static let directory = SharedData.packageRoot.appendingPathComponent("Demo/corpus")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["html", "txt"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
