import Foundation
import ParallaxCore
import ParallaxFetch
import ParallaxSources

/// How far a web ingest reaches.
public struct WebIngestOptions: Sendable {
    /// Article pages fetched per run at most (nil: no cap). Large sitemaps list tens of
    /// thousands of URLs; this keeps one run bounded.
    public var maxArticles: Int?
    /// Sitemap indexes are followed this many levels deep.
    public var sitemapDepth: Int
    /// Article pages fetched at once (across hosts; the fetcher still keeps each host's pace).
    public var parallelFetches: Int
    /// Fetched articles handed to the ingester together (it clusters and stores them one by one).
    public var batchSize: Int

    public init(maxArticles: Int? = nil, sitemapDepth: Int = 2, parallelFetches: Int = 4, batchSize: Int = 16) {
        self.maxArticles = maxArticles
        self.sitemapDepth = sitemapDepth
        self.parallelFetches = parallelFetches
        self.batchSize = batchSize
    }
}

/// Counts of one web ingest run (the ingester's `IngestSummary` counts what was stored).
public struct WebIngestSummary: Sendable, Hashable {
    /// Feeds, sitemaps and pages named as sources (or listed in OPML files and sitemap indexes) that were fetched.
    public var sourcesFetched = 0
    /// Sources that answered 304: nothing new since the last run.
    public var sourcesUnchanged = 0
    /// Article pages fetched.
    public var articlesFetched = 0
    /// Article links not fetched because their article is already stored.
    public var articlesSkipped = 0
    /// Sources (feeds, sitemaps, OPML lists) that could not be fetched or parsed. Article
    /// pages that fail are counted with the ingester's failures.
    public var failed = 0
    /// Whether `maxArticles` cut the run short.
    public var capped = false
    /// Whether the run stopped early because it was asked to.
    public var stopped = false

    public init() {}
}

/// Ingest from the web: http(s) URLs of feeds (RSS, Atom, RDF, JSON Feed), sitemaps and
/// sitemap indexes, OPML lists (local files or URLs) and article pages.
///
/// A source is fetched (conditionally: unchanged feeds cost a 304), sniffed, and expanded
/// into article links; links whose article is already stored (by normalised URL, from the
/// fetcher's `FetchState`) are skipped, the others fetched and handed to a `StoryIngester`,
/// which extracts, clusters and stores them. A feed item's date is the article's
/// publication date when the page itself gives none. Every failure is one `.failed`
/// event naming its URL; the rest goes on.
public struct WebIngester {
    public let fetcher: Fetcher
    public var options: WebIngestOptions

    public init(fetcher: Fetcher, options: WebIngestOptions = WebIngestOptions()) {
        self.fetcher = fetcher
        self.options = options
    }

    /// Whether `input` is for the web ingest: an http(s) URL, or a local OPML file.
    public static func handles(_ input: String) -> Bool {
        isURL(input) || input.lowercased().hasSuffix(".opml")
    }

    static func isURL(_ input: String) -> Bool {
        let lowered = input.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// An article link and the date its listing gave it.
    private struct Link {
        var url: String
        var published: Date?
    }

    /// The mutable part of one run.
    private struct Run {
        var summary = WebIngestSummary()
        var budget: Int?
        /// Normalised URLs already fetched or queued in this run.
        var seen: Set<String> = []
    }

    /// Ingests `sources` into `ingester`. `shouldStop` is asked between articles: when it
    /// turns true, the articles already fetched are stored and the run ends. Only a store
    /// failure throws.
    public func ingest(_ sources: [String], into ingester: inout StoryIngester, shouldStop: @Sendable () -> Bool = { false },
                       onEvent: (IngestEvent) -> Void = { _ in }) async throws -> WebIngestSummary {
        var run = Run(budget: options.maxArticles)
        for source in sources {
            if shouldStop() { run.summary.stopped = true; break }
            if WebIngester.isURL(source) {
                try await ingestURL(source, depth: 0, run: &run, ingester: &ingester, shouldStop: shouldStop, onEvent: onEvent)
                continue
            }
            let feeds: [FeedSubscription]
            do throws(ParallaxError) { feeds = try OPMLParser.parse(try WebIngester.readLocal(source), source: source) } catch {
                fail(error, &run, onEvent)
                continue
            }
            for feed in feeds where !shouldStop() {
                try await ingestURL(feed.feedURL, depth: 1, run: &run, ingester: &ingester, shouldStop: shouldStop, onEvent: onEvent)
            }
        }
        if shouldStop() { run.summary.stopped = true }
        return run.summary
    }

    private func fail(_ error: ParallaxError, _ run: inout Run, _ onEvent: (IngestEvent) -> Void) {
        run.summary.failed += 1
        onEvent(.failed(error))
    }

    /// Fetches one source and ingests what it lists (or is).
    private func ingestURL(_ url: String, depth: Int, run: inout Run, ingester: inout StoryIngester,
                           shouldStop: @Sendable () -> Bool, onEvent: (IngestEvent) -> Void) async throws {
        let fetched: FetchResult
        do throws(ParallaxError) { fetched = try await fetcher.fetch(url) } catch {
            fail(error, &run, onEvent)
            return
        }
        if fetched.notModified {
            run.summary.sourcesUnchanged += 1
            return
        }
        run.summary.sourcesFetched += 1
        /// What the fetched source turned out to hold.
        enum Listing {
            case article
            case links([Link])
            /// Feeds of an OPML list, sitemaps of an index.
            case sources([String])
        }
        let listing: Listing
        do throws(ParallaxError) {
            switch SourceSniffer.kind(of: fetched.body, contentType: fetched.contentType) {
            case .page:
                listing = .article
            case .feed:
                let feed = try FeedParser.parse(fetched.body, source: url, baseURL: fetched.url)
                listing = .links(feed.items.compactMap { item in item.url.map { Link(url: $0, published: item.published ?? item.updated) } })
            case .sitemap, .sitemapIndex:
                switch try SitemapParser.parse(fetched.body, source: url, baseURL: fetched.url) {
                case .urls(let entries):
                    listing = .links(entries.map { Link(url: $0.url, published: $0.newsPublished) })
                case .index(let children):
                    guard depth < options.sitemapDepth else {
                        throw ParallaxError(source: url, reason: .invalidInput("sitemap index nested deeper than \(options.sitemapDepth) levels"))
                    }
                    listing = .sources(children)
                }
            case .opml:
                listing = .sources(try OPMLParser.parse(fetched.body, source: url).map(\.feedURL))
            case .warc:
                throw ParallaxError(source: url, reason: .invalidInput("is a WARC archive; download it and ingest the file"))
            }
        } catch {
            fail(error, &run, onEvent)
            return
        }
        switch listing {
        case .article:
            run.summary.articlesFetched += 1
            try await store([(Link(url: url, published: nil), .success(fetched))], ingester: &ingester, onEvent: onEvent)
        case .links(let links):
            try await ingestLinks(links, run: &run, ingester: &ingester, shouldStop: shouldStop, onEvent: onEvent)
        case .sources(let urls):
            for child in urls where !shouldStop() && run.budget != 0 {
                try await ingestURL(child, depth: depth + 1, run: &run, ingester: &ingester, shouldStop: shouldStop, onEvent: onEvent)
            }
        }
    }

    /// Fetches the article links not yet stored, a few at a time, and stores them in batches.
    private func ingestLinks(_ links: [Link], run: inout Run, ingester: inout StoryIngester,
                             shouldStop: @Sendable () -> Bool, onEvent: (IngestEvent) -> Void) async throws {
        var wanted: [Link] = []
        for link in links {
            let key = URLNormalizer().normalize(link.url) ?? link.url
            guard run.seen.insert(key).inserted else { continue }
            if await fetcher.isIngested(link.url) {
                run.summary.articlesSkipped += 1
                continue
            }
            if let budget = run.budget {
                guard budget > 0 else { run.summary.capped = true; break }
                run.budget = budget - 1
            }
            wanted.append(link)
        }
        guard !wanted.isEmpty else { return }
        let fetcher = self.fetcher
        let parallel = max(1, options.parallelFetches), batchSize = max(1, options.batchSize)
        var batch: [(Link, Result<FetchResult, ParallaxError>)] = []
        try await withThrowingTaskGroup(of: (Link, Result<FetchResult, ParallaxError>).self) { group in
            var next = 0
            func launch() {
                let link = wanted[next]
                next += 1
                group.addTask {
                    do throws(ParallaxError) { return (link, .success(try await fetcher.fetch(link.url))) } catch { return (link, .failure(error)) }
                }
            }
            while next < wanted.count, next < parallel, !shouldStop() { launch() }
            while let result = try await group.next() {
                if case .success = result.1 { run.summary.articlesFetched += 1 }
                batch.append(result)
                if batch.count >= batchSize {
                    try await store(batch, ingester: &ingester, onEvent: onEvent)
                    batch.removeAll()
                }
                if next < wanted.count {
                    if shouldStop() { run.summary.stopped = true } else { launch() }
                }
            }
        }
        try await store(batch, ingester: &ingester, onEvent: onEvent)
    }

    /// Hands fetched pages to the ingester and remembers the ones read, so later runs skip them.
    private func store(_ fetched: [(Link, Result<FetchResult, ParallaxError>)], ingester: inout StoryIngester,
                       onEvent: (IngestEvent) -> Void) async throws {
        guard !fetched.isEmpty else { return }
        var documents: [Result<RawDocument, ParallaxError>] = []
        var fallbackDates: [String: Date] = [:]
        var read: [String] = []
        for (link, result) in fetched {
            switch result {
            case .success(let page) where page.notModified:
                // Fetched before with the same validators: the stored article is current.
                read.append(link.url)
            case .success(let page):
                documents.append(.success(RawDocument(source: link.url, bytes: page.body, url: page.url,
                                                      contentType: page.contentType, fetchedAt: Date())))
                if let published = link.published { fallbackDates[link.url] = published }
                read.append(link.url)
                if page.url != link.url { read.append(page.url) }
            case .failure(let error):
                documents.append(.failure(error))
            }
        }
        _ = try await ingester.ingest(documents: documents, fallbackDates: fallbackDates, onEvent: onEvent)
        // A page that could not be extracted is remembered too: fetching it again would not help.
        await fetcher.markIngested(read)
    }

    /// A local source file (an OPML list), within the same size limit as fetched bodies.
    static func readLocal(_ path: String) throws(ParallaxError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw ParallaxError(source: path, reason: .notFound) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParallaxError(source: path, reason: .unreadable("cannot open"))
        }
        guard data.count <= SourceLimits.maximumXMLBytes else {
            throw ParallaxError(source: path, reason: .tooLarge(bytes: data.count, limit: SourceLimits.maximumXMLBytes))
        }
        return [UInt8](data)
    }
}

extension StoreLocation {
    /// Where web ingests of this store keep their `FetchState`: beside an SQLite file
    /// (`<db>.fetch-state.json`), or `~/.parallax/fetch-state.json` for PostgreSQL, which
    /// has no folder of its own.
    public var fetchStatePath: String {
        switch self {
        case .sqlite(let path): return path + ".fetch-state.json"
        case .postgres: return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".parallax/fetch-state.json").path
        }
    }
}
