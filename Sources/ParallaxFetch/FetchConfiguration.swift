import Foundation

/// How politely and how patiently a `Fetcher` fetches. The defaults suit crawling news
/// sites; tests shorten the delays.
public struct FetchConfiguration: Sendable {
    /// Sent with every request, so site owners can tell who we are and where to complain.
    public var userAgent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)"
    /// The product token robots.txt `User-agent` lines are matched against.
    public var robotsAgent = "Parallax"
    /// Whether robots.txt is fetched and obeyed (it is, unless the user fetches their own site).
    public var obeysRobots = true
    /// Requests in flight to one host at a time.
    public var maxConcurrentPerHost = 2
    /// Least time between the starts of two requests to one host; robots.txt's
    /// `Crawl-delay` lengthens it (up to `maxCrawlDelay`).
    public var minimumDelay: Duration = .seconds(1)
    /// A longer `Crawl-delay` is cut to this, so one site cannot stall a run for hours.
    public var maxCrawlDelay: Duration = .seconds(60)
    public var connectTimeout: Duration = .seconds(10)
    /// Longest silence while waiting for response bytes.
    public var readTimeout: Duration = .seconds(30)
    /// Longest time for one request and its whole body.
    public var requestTimeout: Duration = .seconds(120)
    public var maxRedirects = 5
    /// Further attempts after a transient failure (a timeout, or a status in `retryStatuses`).
    public var maxRetries = 2
    /// The first retry waits about this long, each later one twice as long (plus jitter).
    public var retryBaseDelay: Duration = .seconds(1)
    /// A server asking (`Retry-After`) for a longer pause than this gets an error instead.
    public var maxRetryDelay: Duration = .seconds(120)
    /// Statuses that say "try again later": rate limited, or the server briefly failing.
    public var retryStatuses: Set<Int> = [429, 500, 502, 503, 504]
    /// Bodies (after decompression) beyond this are not read: the fetch fails.
    public var maxBodyBytes = 10 * 1024 * 1024
    /// robots.txt bodies beyond this are cut (RFC 9309 asks crawlers to read at least 500 KiB).
    public var maxRobotsBytes = 512 * 1024
    /// How long a fetched robots.txt is trusted before it is fetched again.
    public var robotsLifetime: Duration = .seconds(24 * 3600)
    /// How long a host whose robots.txt answered 5xx or not at all is left alone.
    public var robotsFailureLifetime: Duration = .seconds(600)

    public init() {}
}
