import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// A web site on 127.0.0.1 for the fetch tests: pages are set per path (and may change
/// between requests), every request is logged with the validators it carried and the
/// status it got, so tests can check what a crawler did from the server's side.
final class TestSite: @unchecked Sendable {
    struct Page: Sendable {
        var status: HTTPResponse.Status = .ok
        var contentType: String? = "text/html; charset=utf-8"
        var body: [UInt8] = []
        var etag: String?
        var lastModified: String?
        var extraHeaders: [(String, String)] = []
        /// Seconds to wait before answering.
        var delay: Double = 0
        /// Streamed in chunks without a Content-Length.
        var chunked = false

        static func html(_ text: String, etag: String? = nil) -> Page { Page(body: Array(text.utf8), etag: etag) }
        static func redirect(to location: String) -> Page {
            Page(status: .found, contentType: nil, extraHeaders: [("Location", location)])
        }
        static func status(_ code: Int) -> Page {
            Page(status: HTTPResponse.Status(code: code), contentType: "text/plain", body: Array("error \(code)".utf8))
        }
    }

    struct Request: Sendable {
        var path: String
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var userAgent: String?
        var status: Int
    }

    private let lock = NSLock()
    private var pages: [String: Page] = [:]
    private var log: [Request] = []
    private var inFlight = 0
    private(set) var maxInFlight = 0
    private var task: Task<Void, any Error>?
    private(set) var port = 0

    var base: String { "http://127.0.0.1:\(port)" }
    func url(_ path: String) -> String { base + path }

    subscript(path: String) -> Page? {
        get { lock.withLock { pages[path] } }
        set { lock.withLock { pages[path] = newValue } }
    }

    var requests: [Request] { lock.withLock { log } }
    func requests(_ path: String) -> [Request] { requests.filter { $0.path == path } }
    var highestConcurrency: Int { lock.withLock { maxInFlight } }
    func clearLog() { lock.withLock { log.removeAll() } }

    /// Starts the server on a free port.
    static func start() async throws -> TestSite {
        let site = TestSite()
        let router = Router()
        router.add(middleware: Responder(site: site))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // Shutting down with a client still connected is normal here, not worth a log line.
        var logger = Logger(label: "parallax.test-site")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        site.task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in ports {
            site.port = port
            break
        }
        return site
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
    }

    private func respond(_ request: Hummingbird.Request) async -> Response {
        let path = request.uri.path
        let page = self[path] ?? Page.status(404)
        lock.withLock {
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
        }
        defer { lock.withLock { inFlight -= 1 } }
        if page.delay > 0 { try? await Task.sleep(for: .milliseconds(Int(page.delay * 1000))) }
        let ifNoneMatch = request.headers[.ifNoneMatch], ifModifiedSince = request.headers[.ifModifiedSince]
        var status = page.status
        if page.status == .ok,
           (page.etag != nil && ifNoneMatch == page.etag) || (page.lastModified != nil && ifModifiedSince == page.lastModified) {
            status = .notModified
        }
        lock.withLock {
            log.append(Request(path: path, ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince,
                               userAgent: request.headers[.userAgent], status: status.code))
        }
        var headers = HTTPFields()
        if let etag = page.etag { headers[.eTag] = etag }
        if let lastModified = page.lastModified { headers[.lastModified] = lastModified }
        for (name, value) in page.extraHeaders { headers[HTTPField.Name(name)!] = value }
        if status == .notModified { return Response(status: status, headers: headers) }
        if let contentType = page.contentType { headers[.contentType] = contentType }
        let bytes = page.body
        if page.chunked {
            return Response(status: status, headers: headers, body: ResponseBody { writer in
                var start = 0
                while start < bytes.count {
                    let end = min(start + 64 * 1024, bytes.count)
                    try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                    start = end
                }
                try await writer.finish(nil)
            })
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private struct Responder: RouterMiddleware {
        typealias Context = BasicRequestContext
        let site: TestSite
        func handle(_ input: Hummingbird.Request, context: Context,
                    next: (Hummingbird.Request, Context) async throws -> Response) async throws -> Response {
            await site.respond(input)
        }
    }
}
