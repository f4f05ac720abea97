import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import ParallaxCore

/// What one successful fetch brought back.
public struct FetchResult: Sendable, Hashable {
    /// The URL as asked for.
    public var requestedURL: String
    /// The URL the body came from, after redirects.
    public var url: String
    public var status: Int
    /// Response headers by lowercased name (repeated headers joined by ", ").
    public var headers: [String: String]
    /// Decompressed; empty when `notModified`.
    public var body: [UInt8]
    /// The hops followed before the final URL, in order.
    public var redirects: [String]

    /// The server answered 304: nothing changed since the validators we sent.
    public var notModified: Bool { status == 304 }
    public var contentType: String? { headers["content-type"] }
}

/// A polite HTTP client for crawling news sites.
///
/// It names itself (User-Agent), obeys robots.txt (fetched once per host and cached),
/// keeps to a few requests at a time per host with a pause between them (longer when the
/// site's `Crawl-delay` asks), follows redirects itself so each hop is checked against
/// robots.txt and loops are caught, retries what may succeed later (429, 5xx, timeouts)
/// with exponential backoff and jitter, honouring `Retry-After`, stops reading a body past
/// the size limit, and sends `If-None-Match` / `If-Modified-Since` from the validators
/// remembered in its `FetchState`, so an unchanged feed costs one 304.
///
/// Call `shutdown()` when done: the HTTP client's connections must be closed explicitly.
public actor Fetcher {
    public let configuration: FetchConfiguration
    public private(set) var state: FetchState
    private let client: HTTPClient
    private let normalizer = URLNormalizer()
    private let clock = ContinuousClock()

    /// Requests in flight and the earliest next start, per origin.
    private struct HostPace {
        var active = 0
        var nextStart: ContinuousClock.Instant
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private var pace: [String: HostPace] = [:]
    private var robotsInFlight: [String: Task<RobotsPolicy, Never>] = [:]

    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    public init(configuration: FetchConfiguration = FetchConfiguration(), state: FetchState = FetchState()) {
        self.configuration = configuration
        self.state = state
        let http = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Fetcher.timeAmount(configuration.connectTimeout), read: Fetcher.timeAmount(configuration.readTimeout)),
            decompression: .enabled(limit: .size(configuration.maxBodyBytes)))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    /// Closes the connections. The fetcher cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }

    // MARK: Fetch state

    /// Whether the article at `url` was ingested before (compared by normalised URL).
    public func isIngested(_ url: String) -> Bool {
        state.ingested[normalizer.normalize(url) ?? url] != nil
    }

    /// Remembers that the article at each of `urls` is in the store.
    public func markIngested(_ urls: [String], at date: Date = Date()) {
        for url in urls { state.ingested[normalizer.normalize(url) ?? url] = date }
    }

    // MARK: Fetching

    /// Fetches `url`, following redirects. With `conditional`, validators remembered from an
    /// earlier fetch are sent and an unchanged resource comes back `notModified`.
    /// Errors name the URL as given, with a one-line reason.
    public func fetch(_ url: String, conditional: Bool = true) async throws(ParallaxError) -> FetchResult {
        func failure(_ reason: String) -> ParallaxError { ParallaxError(source: url, reason: .invalidInput(reason)) }
        guard normalizer.normalize(url) != nil else { throw failure("not an http(s) URL") }
        var current = url
        var visited: Set<String> = [normalizer.normalize(url) ?? url]
        var hops: [String] = []
        while true {
            if configuration.obeysRobots {
                guard await allowedByRobots(current) else {
                    throw failure(current == url ? "blocked by robots.txt" : "redirect to \(current) is blocked by robots.txt")
                }
            }
            let validators = conditional ? state.validators[current] : nil
            let response: Exchange
            do { response = try await exchange(current, validators: validators, bodyLimit: configuration.maxBodyBytes) } catch {
                throw failure(error.reason)
            }
            if Fetcher.redirectStatuses.contains(response.status), let location = response.headers["location"] {
                guard let next = URLNormalizer.resolve(location, against: current) else {
                    throw failure("redirect to an invalid address '\(location.prefix(200))'")
                }
                hops.append(current)
                guard hops.count <= configuration.maxRedirects else {
                    throw failure("too many redirects (more than \(configuration.maxRedirects))")
                }
                guard visited.insert(normalizer.normalize(next) ?? next).inserted else {
                    throw failure("redirect loop (\(next) again after \(hops.count) redirects)")
                }
                current = next
                continue
            }
            if response.status == 304, validators != nil {
                return FetchResult(requestedURL: url, url: current, status: 304, headers: response.headers, body: [], redirects: hops)
            }
            guard (200..<300).contains(response.status) else {
                throw failure(Fetcher.statusLine(response.status) + (response.attempts > 1 ? ", \(response.attempts) attempts" : ""))
            }
            let etag = response.headers["etag"], lastModified = response.headers["last-modified"]
            if etag != nil || lastModified != nil {
                state.validators[current] = FetchState.Validators(etag: etag, lastModified: lastModified)
            } else {
                state.validators[current] = nil
            }
            return FetchResult(requestedURL: url, url: current, status: response.status, headers: response.headers,
                               body: response.body, redirects: hops)
        }
    }

    /// One response, body read (2xx only) within `bodyLimit`.
    private struct Exchange {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var attempts = 1
    }

    /// Why an exchange failed, and whether trying again later may help.
    private struct ExchangeError: Error {
        var reason: String
        var transient: Bool
    }

    /// One request (redirects not followed), retried on transient failures, within the
    /// host's pace.
    private func exchange(_ url: String, validators: FetchState.Validators?, bodyLimit: Int) async throws(ExchangeError) -> Exchange {
        let origin = Fetcher.origin(of: url)
        var attempt = 0
        while true {
            await acquire(origin)
            let outcome: Result<Exchange, ExchangeError>
            do { outcome = .success(try await perform(url, validators: validators, bodyLimit: bodyLimit)) } catch {
                outcome = .failure(error)
            }
            release(origin)

            let wait: Duration
            switch outcome {
            case .success(let response) where configuration.retryStatuses.contains(response.status):
                guard attempt < configuration.maxRetries else {
                    var response = response
                    response.attempts = attempt + 1
                    return response
                }
                if let asked = Fetcher.retryAfter(response.headers["retry-after"]) {
                    guard asked <= configuration.maxRetryDelay else {
                        throw ExchangeError(reason: "\(Fetcher.statusLine(response.status)); the server asks to wait \(asked.components.seconds) s",
                                            transient: true)
                    }
                    wait = asked
                } else {
                    wait = backoff(attempt)
                }
            case .success(let response):
                return response
            case .failure(let error):
                guard error.transient, attempt < configuration.maxRetries else {
                    throw attempt == 0 ? error : ExchangeError(reason: "\(error.reason), \(attempt + 1) attempts", transient: error.transient)
                }
                wait = backoff(attempt)
            }
            attempt += 1
            try? await Task.sleep(for: wait)
        }
    }

    /// Exponential backoff with full jitter: a random wait up to base × 2^attempt.
    private func backoff(_ attempt: Int) -> Duration {
        let ceiling = configuration.retryBaseDelay * (1 << min(attempt, 16))
        return min(ceiling * Double.random(in: 0.5...1.0), configuration.maxRetryDelay)
    }

    private func perform(_ url: String, validators: FetchState.Validators?, bodyLimit: Int) async throws(ExchangeError) -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        do {
            let response = try await client.execute(request, deadline: .now() + Fetcher.timeAmount(configuration.requestTimeout))
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            let status = Int(response.status.code)
            guard (200..<300).contains(status) else {
                // The body of a redirect or an error page is not wanted; reading a little of it
                // lets the connection be reused.
                var drained = 0
                for try await chunk in response.body {
                    drained += chunk.readableBytes
                    if drained > 64 * 1024 { break }
                }
                return Exchange(status: status, headers: headers, body: [])
            }
            if let length = headers["content-length"].flatMap(Int.init), length > bodyLimit,
               headers["content-encoding"] == nil {
                throw ExchangeError(reason: ParallaxError.Reason.tooLarge(bytes: length, limit: bodyLimit).description, transient: false)
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= bodyLimit else {
                    throw ExchangeError(reason: ParallaxError.Reason.tooLarge(bytes: body.count + chunk.readableBytes, limit: bodyLimit).description,
                                        transient: false)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return Exchange(status: status, headers: headers, body: body)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw Fetcher.describe(error, bodyLimit: bodyLimit, configuration: configuration)
        }
    }

    /// A one-line reason for a transport error, and whether it may pass.
    private static func describe(_ error: any Error, bodyLimit: Int, configuration: FetchConfiguration) -> ExchangeError {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout: return ExchangeError(reason: "timed out (no data for \(seconds(configuration.readTimeout)))", transient: true)
            case .connectTimeout: return ExchangeError(reason: "timed out connecting (\(seconds(configuration.connectTimeout)))", transient: true)
            case .deadlineExceeded: return ExchangeError(reason: "timed out (not complete within \(seconds(configuration.requestTimeout)))", transient: true)
            case .remoteConnectionClosed: return ExchangeError(reason: "the server closed the connection", transient: true)
            case .invalidURL, .emptyHost, .emptyScheme: return ExchangeError(reason: "not a valid URL", transient: false)
            case .cancelled: return ExchangeError(reason: "cancelled", transient: false)
            default: break
            }
        }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            switch error {
            case .limit: return ExchangeError(reason: "is too large (more than \(bodyLimit) bytes once decompressed)", transient: false)
            default: return ExchangeError(reason: "has a corrupt compressed body", transient: false)
            }
        }
        if error is CancellationError { return ExchangeError(reason: "cancelled", transient: false) }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("Timeout") { return ExchangeError(reason: "timed out connecting", transient: true) }
        if text.contains("connection reset") || text.contains("ECONNRESET") {
            return ExchangeError(reason: "the connection was reset", transient: true)
        }
        if text.contains("refused") { return ExchangeError(reason: "cannot connect (connection refused)", transient: false) }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        return ExchangeError(reason: "cannot connect (\(firstLine.prefix(200)))", transient: false)
    }

    // MARK: Politeness

    /// Waits for a free slot on `origin` and for the pause since its last request start.
    private func acquire(_ origin: String) async {
        while (pace[origin]?.active ?? 0) >= configuration.maxConcurrentPerHost {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                pace[origin]?.waiting.append(continuation)
            }
        }
        let now = clock.now
        var host = pace[origin] ?? HostPace(nextStart: now)
        let start = max(now, host.nextStart)
        host.nextStart = start + delay(for: origin)
        host.active += 1
        pace[origin] = host
        if start > now { try? await Task.sleep(until: start, clock: clock) }
    }

    private func release(_ origin: String) {
        guard var host = pace[origin] else { return }
        host.active -= 1
        let next = host.waiting.isEmpty ? nil : host.waiting.removeFirst()
        pace[origin] = host
        next?.resume()
    }

    /// The pause between two requests to `origin`: ours, or the site's `Crawl-delay` when longer.
    private func delay(for origin: String) -> Duration {
        guard let asked = state.robots[origin]?.policy.crawlDelay else { return configuration.minimumDelay }
        return max(configuration.minimumDelay, min(.milliseconds(Int64(asked * 1000)), configuration.maxCrawlDelay))
    }

    private func allowedByRobots(_ url: String) async -> Bool {
        guard let parts = URLComponents(string: url) else { return false }
        var path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
        if let query = parts.percentEncodedQuery { path += "?" + query }
        return await robotsPolicy(for: Fetcher.origin(of: url)).allows(path)
    }

    /// The robots.txt rules of `origin`, fetched once and shared by concurrent callers.
    private func robotsPolicy(for origin: String) async -> RobotsPolicy {
        if let cached = state.robots[origin], cached.expires > Date() { return cached.policy }
        if let running = robotsInFlight[origin] { return await running.value }
        let task = Task { await self.loadRobots(origin) }
        robotsInFlight[origin] = task
        let policy = await task.value
        robotsInFlight[origin] = nil
        return policy
    }

    private func loadRobots(_ origin: String) async -> RobotsPolicy {
        var url = origin + "/robots.txt"
        var policy = RobotsPolicy.disallowAll
        var lifetime = configuration.robotsFailureLifetime
        for _ in 0...configuration.maxRedirects {
            guard let response = try? await exchange(url, validators: nil, bodyLimit: configuration.maxRobotsBytes) else { break }
            if Fetcher.redirectStatuses.contains(response.status), let location = response.headers["location"],
               let next = URLNormalizer.resolve(location, against: url) {
                url = next
                continue
            }
            switch response.status {
            case 200..<300:
                policy = RobotsPolicy(parsing: String(decoding: response.body, as: UTF8.self), agent: configuration.robotsAgent)
                lifetime = configuration.robotsLifetime
            case 400..<500:
                // No robots.txt (or one we may not read) means no restrictions.
                policy = .allowAll
                lifetime = configuration.robotsLifetime
            default:
                break
            }
            break
        }
        state.robots[origin] = FetchState.Robots(policy: policy, expires: Date().addingTimeInterval(Fetcher.timeInterval(lifetime)))
        return policy
    }

    // MARK: Helpers

    /// `scheme://host[:port]`, the unit robots.txt and pacing apply to.
    static func origin(of url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), let host = parts.host?.lowercased() else {
            return url
        }
        let port = parts.port.flatMap { $0 == URLNormalizer.defaultPorts[scheme] ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    static func statusLine(_ status: Int) -> String {
        let phrase = HTTPResponseStatus(statusCode: status).reasonPhrase
        return phrase.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(phrase)"
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    static func timeInterval(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func seconds(_ duration: Duration) -> String {
        let value = timeInterval(duration)
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.2g s", value)
    }
}
