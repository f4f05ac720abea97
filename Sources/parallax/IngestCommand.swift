import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxFetch
import ParallaxPipeline
import ParallaxStore

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store articles and group them into stories.",
        discussion: """
            Reads HTML pages and text files (directories recursively, - for standard input) \
            and JSON Lines files (.jsonl, .ndjson: one article a line, {"id", "title"?, "text", \
            "lang"?, "published"?, "url"?}; standard input too when it starts with "{"), \
            extracts and annotates each article, places it in a story (an existing one when it \
            reports the same event, else a new one) and stores both in one transaction. An \
            article already stored (same canonical URL or same content) is not stored again, \
            so re-running an interrupted ingest is safe. A second run continues the stories of \
            the first. A bad input gets a one-line error on stderr; the others are still \
            stored, and the exit status is 1. Progress goes to stderr when it is a terminal; \
            a one-line summary to stdout at the end.

            http(s) URLs are fetched politely (see `parallax watch`): an article page is \
            ingested; a feed, sitemap or sitemap index has its article links fetched and \
            ingested, skipping articles already stored; OPML lists (URLs or local .opml files) \
            have every feed in them read so.

            --embedder e5 clusters with dense multilingual embeddings as well (see `parallax \
            cluster`): reports in other languages and scripts join their story by meaning. It \
            costs about a tenth to a quarter of a CPU-second per article. The store keeps \
            each article's embedding, so a later run reads those of the articles it resumes \
            (the most recent of the story window) instead of embedding them again.
            """
    )

    @Argument(help: "Files, directories, JSON Lines files, - for standard input, http(s) URLs, or .opml files.")
    var inputs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var fetch: FetchOptions
    @OptionGroup var embedding: EmbedderOptions

    @Option(name: .long, help: ArgumentHelp(
        "Publication date of an input whose text gives none, as SOURCE=YYYY-MM-DD, SOURCE being the input as given or its file name (repeatable).",
        valueName: "source=date"))
    var published: [String] = []

    func validate() throws {
        for entry in published {
            guard let eq = entry.lastIndex(of: "="), CalendarDay(iso: String(entry[entry.index(after: eq)...])) != nil else {
                throw ValidationError("--published expects SOURCE=YYYY-MM-DD, got '\(entry)'")
            }
        }
    }

    func run() async throws {
        let embedder = try embedding.load()
        let pipeline = try Pipeline.standard()
        let store = try await self.store.open()
        var dates: [String: Date] = [:]
        for entry in published {
            let eq = entry.lastIndex(of: "=")!
            dates[String(entry[..<eq])] = CalendarDay(iso: String(entry[entry.index(after: eq)...]))!.date
        }
        var ingester = pipeline.ingester(into: store, options: IngestOptions(publicationDates: dates, embedder: embedder))
        let progress = IngestProgress(enabled: isatty(STDERR_FILENO) == 1)
        progress.resuming()
        _ = try await ingester.resume()
        let onEvent = { (event: IngestEvent) in
            if case .failed(let error) = event {
                progress.clear()
                Output.error(error)
            }
            progress.record(event)
        }
        var summary = try await ingester.ingest(inputs.filter { !WebIngester.handles($0) }, onEvent: onEvent)
        let web = inputs.filter(WebIngester.handles)
        if !web.isEmpty {
            let (fetcher, statePath) = try fetch.openFetcher(db: self.store.db)
            let fetched: Result<WebIngestSummary, any Error>
            do { fetched = .success(try await WebIngester(fetcher: fetcher, options: fetch.webOptions).ingest(web, into: &ingester, onEvent: onEvent)) } catch {
                fetched = .failure(error)
            }
            do throws(ParallaxError) { try await fetcher.state.save(to: statePath) } catch { Output.error(error) }
            await fetcher.shutdown()
            summary = ingester.summary
            summary.failed += try fetched.get().failed
        }
        progress.clear()
        let counts = try await store.counts()
        await store.close()
        Output.line("\(summary.stored) stored, \(summary.duplicates) already stored, \(summary.failed) failed; "
            + "\(summary.storiesTouched.count) stories updated (\(summary.storiesOpened) new); "
            + "\(store) holds \(counts.articles) articles in \(counts.stories) stories")
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// The ingest's progress line on stderr, redrawn a few times a second, only on a terminal.
final class IngestProgress {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var stored = 0, duplicates = 0, failed = 0
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func resuming() { draw("resuming the stories of the last run…", force: true) }

    func record(_ event: IngestEvent) {
        switch event {
        case .stored: stored += 1
        case .duplicate: duplicates += 1
        case .failed: failed += 1
        }
        draw("\(stored) stored, \(duplicates) already stored, \(failed) failed", force: false)
    }

    /// Erases the line, so that a message or the summary starts on a clean line.
    func clear() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    private func draw(_ line: String, force: Bool) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        drawn = true
    }
}
