import ArgumentParser
import Foundation
import ParallaxCluster
import ParallaxCore
import ParallaxLanguage

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group a stream of news articles into stories, online, across languages.",
        discussion: """
            Reads JSON Lines {"id", "title"?, "text", "lang"?, "published"?} in stream order \
            (publication order) and writes {"id", "cluster"} per article as soon as it is \
            placed, plus "copy_of" when the article is a copy or light rewrite of an earlier \
            one. Stories keep their ids; those not updated within the time window are \
            forgotten, so memory stays bounded on an endless stream. A bad line gets a one-line \
            error on stderr naming the line; the others are still clustered, and the exit \
            status is 1. Progress goes to stderr when it is a terminal.
            """
    )

    @Argument(help: "A JSON Lines file, or - for standard input.")
    var input: String = "-"

    @Option(name: .long, help: "Feature depth: fast (tokens, stems, names, numbers) or full (adds the annotator's entities and dates).")
    var features: FeatureExtractor.Depth = .fast

    @Option(name: .long, help: "Score an article needs to join a story, in [0, 1].")
    var threshold: Double = ClusterParameters.standard.threshold

    @Option(name: .long, help: "Days without a new article after which a story is closed.")
    var windowDays: Double = ClusterParameters.standard.windowDays

    @Option(name: .long, help: "How far (0…1) a join score moves towards its score with the most similar recent member of the story, when that is lower.")
    var memberWeight: Double = ClusterParameters.standard.memberWeight

    @Option(name: .long, help: "Recent member articles a story keeps for that check.")
    var recentMembers: Int = ClusterParameters.standard.recentMembers

    @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(
        "Check each join across languages scored without embeddings with a model of right and wrong joins.",
        discussion: "On by default: it keeps unrelated reports in other languages out of a story, at a small cost in recall across languages."))
    var crossLanguageCheck = true

    @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(
        "Leave sentences earlier articles printed too out of the choice of story.",
        discussion: "On by default: an outlet's footer or a cookie notice, printed under reports of unrelated events, no longer joins them. An article most of whose text was printed before (a copy, a light rewrite) is kept whole."))
    var setAsideRepeatedSentences = true

    @Flag(name: .long, help: ArgumentHelp(
        "Say why each article went where it did: the join score and each feature's similarity to the story.",
        discussion: "Adds \"opened\" (true when the article opened its story), and for an article that joined a story \"similarity\" (the score that reached the threshold) and the centroid similarities \"terms\", \"word_grams\", \"names\", \"entities\", \"numbers\", \"dates\", \"countries\", \"name_sounds\", \"dense\" (with an embedder, across languages) and \"cross_lingual\", as `parallax similarity --explain` names them; \"repeated_sentences\" counts the sentences left out of the choice because earlier articles printed them too (an outlet's footer, a cookie notice)."))
    var explain = false

    @OptionGroup var embedding: EmbedderOptions

    /// Articles read ahead and counted together: large enough to keep the cores busy, small
    /// enough that output keeps flowing on a slow stream.
    static let batchSize = 64

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in [0, 1]") }
        guard windowDays > 0 else { throw ValidationError("--window-days must be positive") }
        guard (0...1).contains(memberWeight) else { throw ValidationError("--member-weight must be in [0, 1]") }
        guard recentMembers >= 0 else { throw ValidationError("--recent-members must not be negative") }
    }

    func run() throws {
        let embedder = try embedding.load()
        var parameters = ClusterParameters.standard
        parameters.threshold = threshold
        parameters.windowDays = windowDays
        parameters.memberWeight = memberWeight
        parameters.recentMembers = recentMembers
        if !crossLanguageCheck { parameters.crossLanguageCheck = nil }
        if !setAsideRepeatedSentences { parameters.repeatedSentences = nil }
        let identifier = languageIdentifier()
        var clusterer = OnlineClusterer(parameters: parameters, extractor: FeatureExtractor(depth: features), identifier: identifier)
        let reader: JSONLinesReader
        do throws(ParallaxError) { reader = try JSONLinesReader(path: input) } catch {
            Output.error(error)
            throw ExitCode(1)
        }
        let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        var output = BufferedOutput()
        var failed = 0
        var placed = 0
        // Lines are read in batches, decoded and counted on all cores; while one batch is
        // counted the previous one is clustered here, in order, and bad lines are reported
        // where they stand. Counting is the larger half of the work, and this overlap keeps
        // both cores busy.
        let ahead = CountingAhead(reader: reader, counter: ParallelFeatureCounter(extractor: FeatureExtractor(depth: features), identifier: identifier),
                                  embedder: embedder)
        func place(_ batch: CountingAhead.Batch) throws {
            if let error = batch.embeddingError {
                output.flush()
                Output.error(error)
                throw ExitCode(1)
            }
            var counts = batch.counts.makeIterator()
            for result in batch.records {
                switch result {
                case .success(let article):
                    let assignment = clusterer.add(article, counts: counts.next()!)
                    output.line(Self.json(assignment, explain: explain))
                    placed += 1
                    progress.update(articles: placed, stories: clusterer.openedStories, live: clusterer.liveStories)
                case .failure(let error):
                    output.flush()
                    Output.error(error)
                    failed += 1
                }
            }
        }
        var lines: [JSONLinesReader.Line] = []
        for line in reader {
            lines.append(line)
            if lines.count == Self.batchSize {
                let previous = ahead.finish()
                ahead.start(lines)
                lines.removeAll(keepingCapacity: true)
                if let previous { try place(previous) }
            }
        }
        if let previous = ahead.finish() { try place(previous) }
        ahead.start(lines)
        if let last = ahead.finish() { try place(last) }
        output.flush()
        progress.finish(articles: placed, stories: clusterer.openedStories)
        if failed > 0 { throw ExitCode(1) }
    }
}

extension ClusterCommand {
    /// One output line: {"id", "cluster", "copy_of"?}, and with `explain` why it went there.
    static func json(_ assignment: ClusterAssignment, explain: Bool) -> String {
        var json = "{\"id\":" + JSONText.quoted(assignment.articleID) + ",\"cluster\":" + JSONText.quoted(assignment.story)
        if let copy = assignment.copyOf { json += ",\"copy_of\":" + JSONText.quoted(copy) }
        if explain {
            json += ",\"opened\":" + (assignment.opened ? "true" : "false")
            if let similarity = assignment.similarity { json += ",\"similarity\":" + JSONText.number(similarity) }
            if let c = assignment.evidence { json += "," + SimilarityCommand.fields(c).joined(separator: ",") }
            if assignment.setAside > 0 { json += ",\"repeated_sentences\":\(assignment.setAside)" }
        }
        return json + "}"
    }
}

/// Decodes and counts one batch of lines on other threads while the caller clusters the
/// previous batch. One batch at most is in flight; `finish` waits for it, and the semaphore
/// orders the worker's writes before the caller's reads.
final class CountingAhead: @unchecked Sendable {
    struct Batch {
        /// Decoded lines in input order (blank lines dropped).
        var records: [Result<StreamArticle, ParallaxError>]
        /// Feature counts of the successfully decoded articles, in the same order.
        var counts: [FeatureCounts]
        /// Set when the embedder failed (the counts then have no embeddings): the run stops.
        var embeddingError: ParallaxError?
    }

    private let reader: JSONLinesReader
    private var counter: ParallelFeatureCounter
    private let embedder: (any TextEmbedder)?
    private var ready: Batch?
    private var inFlight = false
    private let finished = DispatchSemaphore(value: 0)

    init(reader: JSONLinesReader, counter: ParallelFeatureCounter, embedder: (any TextEmbedder)?) {
        self.reader = reader
        self.counter = counter
        self.embedder = embedder
    }

    func start(_ lines: [JSONLinesReader.Line]) {
        precondition(!inFlight, "one batch at a time")
        inFlight = true
        DispatchQueue.global().async {
            let records = lines.compactMap { self.reader.decode($0, StreamArticle.init(record:)) }
            let articles = records.compactMap { try? $0.get() }
            if let embedder = self.embedder {
                do throws(ParallaxError) {
                    self.ready = Batch(records: records, counts: try self.counter.counts(articles, embedder: embedder))
                } catch {
                    self.ready = Batch(records: records, counts: [], embeddingError: error)
                }
            } else {
                self.ready = Batch(records: records, counts: self.counter.counts(articles))
            }
            self.finished.signal()
        }
    }

    /// The batch started last, once counted; nil when none is in flight.
    func finish() -> Batch? {
        guard inFlight else { return nil }
        finished.wait()
        inFlight = false
        defer { ready = nil }
        return ready
    }
}

/// The bundled language model, needed only for inputs without a language field; if it
/// cannot be loaded, those count as undetermined (a warning says so) and the rest still runs.
func languageIdentifier() -> any LanguageIdentifier {
    do { return try NGramLanguageIdentifier.bundled() } catch {
        Output.warning("language model unavailable (\(error)); texts without a language field count as undetermined")
        return UndeterminedLanguage()
    }
}

/// Collects output lines and writes them in blocks: one write per line is the bottleneck
/// of a fast stream. Flushed before any message on stderr, so the two stay in order.
struct BufferedOutput {
    private var buffer = ""

    mutating func line(_ string: String) {
        buffer += string
        buffer += "\n"
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        Output.write(buffer)
        buffer = ""
    }
}

/// A one-line progress counter on stderr, redrawn at most a few times a second, only when
/// stderr is a terminal.
final class Progress {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private let start = Date()

    init(enabled: Bool) { self.enabled = enabled }

    func update(articles: Int, stories: Int, live: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let rate = Double(articles) / max(now.timeIntervalSince(start), 0.001)
        FileHandle.standardError.write(Data("\r\(articles) articles, \(stories) stories (\(live) live), \(Int(rate)) articles/s ".utf8))
    }

    func finish(articles: Int, stories: Int) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\(articles) articles in \(stories) stories\u{1B}[K\n".utf8))
    }
}
