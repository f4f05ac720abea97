import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxFetch
import ParallaxPipeline
import ParallaxStore

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll feeds, sitemaps and OPML lists; ingest their new articles into stories.",
        discussion: """
            Every --every (default 10m), fetches each source politely (robots.txt obeyed, one \
            request per host per --delay, conditional requests so an unchanged feed costs a \
            304), fetches the articles not yet stored, and places them in stories like \
            `parallax ingest`. Sources are http(s) URLs of feeds (RSS, Atom, RDF, JSON Feed), \
            sitemaps, sitemap indexes and OPML lists, or local .opml files. Each round ends \
            with one summary line on stderr: key=value fields when stderr is not a terminal \
            (for logs), a progress line when it is. SIGINT or SIGTERM ends the watch after the \
            article being stored, with the fetch state saved; a second one ends it at once. \
            --embedder e5 clusters with dense embeddings as well, as `parallax ingest` does.
            """
    )

    @Argument(help: "Feed, sitemap or OPML URLs, or local .opml files.")
    var sources: [String]

    @Option(name: .long, help: ArgumentHelp("Time between the starts of two rounds: 90s, 10m, 2h, 1h30m (plain numbers are seconds).",
                                            valueName: "interval"))
    var every: String = "10m"

    @Flag(name: .long, help: "One round, then exit (for cron jobs and tests).")
    var once = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var fetch: FetchOptions
    @OptionGroup var embedding: EmbedderOptions

    func validate() throws {
        for source in sources where !WebIngester.handles(source) {
            throw ValidationError("'\(source)' is neither an http(s) URL nor an .opml file")
        }
        guard WatchCommand.interval(every) != nil else { throw ValidationError("--every expects an interval such as 90s, 10m or 1h, got '\(every)'") }
    }

    func run() async throws {
        let interval = WatchCommand.interval(every)!
        let embedder = try embedding.load()
        let pipeline = try Pipeline.standard()
        let store = try await self.store.open()
        let stop = StopSignal()
        stop.install()
        let (fetcher, statePath) = try fetch.openFetcher(db: self.store.db)
        let log = WatchLog(terminal: isatty(STDERR_FILENO) == 1)
        var failedRounds = 0
        do {
            var ingester = pipeline.ingester(into: store, options: IngestOptions(embedder: embedder))
            log.status("resuming the stories of the last run…")
            _ = try await ingester.resume()
            var round = 0
            while !stop.isSet {
                round += 1
                let started = Date()
                let before = ingester.summary
                var touched: Set<Int64> = []
                let web = try await WebIngester(fetcher: fetcher, options: fetch.webOptions)
                    .ingest(sources, into: &ingester, shouldStop: { stop.isSet }) { event in
                        if case .stored(_, let story, _) = event { touched.insert(story) }
                        log.record(event, round: round)
                    }
                try await fetcher.state.save(to: statePath)
                let after = ingester.summary
                let failed = web.failed + after.failed - before.failed
                if failed > 0 { failedRounds += 1 }
                log.round(round, fields: [
                    ("sources_fetched", "\(web.sourcesFetched)"), ("sources_unchanged", "\(web.sourcesUnchanged)"),
                    ("articles_fetched", "\(web.articlesFetched)"), ("articles_skipped", "\(web.articlesSkipped)"),
                    ("stored", "\(after.stored - before.stored)"), ("duplicates", "\(after.duplicates - before.duplicates)"),
                    ("failed", "\(failed)"), ("stories_updated", "\(touched.count)"),
                    ("stories_opened", "\(after.storiesOpened - before.storiesOpened)"),
                    ("capped", "\(web.capped)"), ("seconds", String(format: "%.1f", Date().timeIntervalSince(started))),
                ])
                if once { break }
                await stop.sleep(until: started.addingTimeInterval(interval))
            }
        } catch {
            try? await fetcher.state.save(to: statePath)
            await fetcher.shutdown()
            await store.close()
            throw error
        }
        await fetcher.shutdown()
        await store.close()
        if stop.isSet { log.status("stopped; fetch state saved to \(statePath)", keep: true) }
        if once, failedRounds > 0 { throw ExitCode(1) }
    }

    /// `90s`, `10m`, `2h`, `1h30m`, or plain seconds, as seconds.
    static func interval(_ text: String) -> TimeInterval? {
        if let seconds = TimeInterval(text) { return seconds > 0 ? seconds : nil }
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var total: TimeInterval = 0, number = ""
        for character in text.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = TimeInterval(number) {
                total += value * unit
                number = ""
            } else {
                return nil
            }
        }
        return number.isEmpty && total > 0 ? total : nil
    }
}

/// Options of the commands that fetch from the web (`ingest URL…`, `watch`).
struct FetchOptions: ParsableArguments {
    @Option(name: .customLong("max-articles"), help: ArgumentHelp(
        "Fetch at most this many article pages in one run (one round of watch); large sitemaps list thousands.", valueName: "n"))
    var maxArticles: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Least seconds between two requests to one host (robots.txt's Crawl-delay may ask for more).", valueName: "seconds"))
    var delay: Double = 1

    @Option(name: .long, help: ArgumentHelp("Seconds a server may stay silent before a request fails.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("The User-Agent header sent.", valueName: "text"))
    var userAgent: String?

    @Option(name: .customLong("fetch-state"), help: ArgumentHelp(
        "The file remembering validators for conditional requests and the articles already ingested. "
            + "Default: <db>.fetch-state.json beside an SQLite store, ~/.parallax/fetch-state.json for PostgreSQL.",
        valueName: "path"))
    var statePath: String?

    func validate() throws {
        guard delay >= 0, delay.isFinite else { throw ValidationError("--delay must be 0 or more seconds") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be more than 0 seconds") }
        if let maxArticles, maxArticles < 0 { throw ValidationError("--max-articles must be 0 or more") }
    }

    var configuration: FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.minimumDelay = .milliseconds(Int64(delay * 1000))
        configuration.readTimeout = .milliseconds(Int64(timeout * 1000))
        configuration.connectTimeout = .milliseconds(Int64(min(timeout, 10) * 1000))
        configuration.requestTimeout = max(configuration.requestTimeout, configuration.readTimeout * 4)
        if let userAgent, !userAgent.isEmpty { configuration.userAgent = userAgent }
        return configuration
    }

    var webOptions: WebIngestOptions { WebIngestOptions(maxArticles: maxArticles) }

    /// A fetcher that remembers what earlier runs on the store `db` fetched, and where its
    /// state is saved. A state file that cannot be read is an error (one line), not a fresh start:
    /// starting over would fetch every article again.
    func openFetcher(db: String?) throws -> (Fetcher, statePath: String) {
        let path = statePath ?? (try? StoreLocation(db))?.fetchStatePath ?? FetchState.fallbackPath
        do throws(ParallaxError) {
            return (Fetcher(configuration: configuration, state: try FetchState.load(from: path)), path)
        } catch {
            Output.error(error)
            throw ExitCode(1)
        }
    }
}

extension FetchState {
    static var fallbackPath: String {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".parallax/fetch-state.json").path
    }
}

/// SIGINT and SIGTERM ask the watch to stop after the article being stored; a second
/// signal ends the process at once (each article is stored in its own transaction, so
/// nothing is left half-written either way).
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [any DispatchSourceSignal] = []

    var isSet: Bool { lock.withLock { stopped } }

    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let again = lock.withLock {
                    defer { stopped = true }
                    return stopped
                }
                if again { exit(128 + number) }
                FileHandle.standardError.write(Data("\nparallax: stopping after the current article (again to quit now)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Sleeps until `date` or a stop, whichever comes first.
    func sleep(until date: Date) async {
        while !isSet, date.timeIntervalSinceNow > 0 {
            try? await Task.sleep(for: .milliseconds(Int64(min(date.timeIntervalSinceNow, 0.2) * 1000) + 1))
        }
    }
}

/// The watch's log on stderr: key=value lines for log files, or a progress line on a terminal.
final class WatchLog: @unchecked Sendable {
    private let terminal: Bool
    private let progress: IngestProgress
    private let stamp: ISO8601DateFormatter = ISO8601DateFormatter()

    init(terminal: Bool) {
        self.terminal = terminal
        progress = IngestProgress(enabled: terminal)
    }

    func status(_ message: String, keep: Bool = false) {
        if terminal {
            progress.clear()
            FileHandle.standardError.write(Data((keep ? "\(message)\n" : "\r\u{1B}[K\(message)").utf8))
        } else {
            write([("event", "status"), ("message", message)])
        }
    }

    func record(_ event: IngestEvent, round: Int) {
        if case .failed(let error) = event {
            if terminal {
                progress.clear()
                Output.error(error)
            } else {
                write([("event", "error"), ("round", "\(round)"), ("source", error.source), ("reason", error.reason.description)])
            }
        }
        progress.record(event)
    }

    func round(_ number: Int, fields: [(String, String)]) {
        if terminal {
            progress.clear()
            let text = fields.map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \($0.1)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("round \(number) at \(stamp.string(from: Date())): \(text)\n".utf8))
        } else {
            write([("event", "round"), ("round", "\(number)")] + fields)
        }
    }

    /// `time=… key=value …`, quoting values with spaces, quotes or `=`.
    private func write(_ fields: [(String, String)]) {
        let stamped: [(String, String)] = [("time", stamp.string(from: Date()))] + fields
        let line: String = stamped.map { (key: String, value: String) -> String in
            let plain = !value.isEmpty && !value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
            guard !plain else { return "\(key)=\(value)" }
            let quoted = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: " ")
            return "\(key)=\"\(quoted)\""
        }.joined(separator: " ")
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
