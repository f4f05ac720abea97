import ArgumentParser
import Dispatch
import Foundation
import ParallaxCore
import ParallaxPipeline

struct PipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Run pipeline stages as a JSON Lines filter (for shell pipes and Spark's RDD.pipe).",
        discussion: """
            Stages, in order: read (a line naming a file or directory → a "document" record \
            per document it holds; a JSON Lines file gives an "article" record per line), \
            extract (document → article, as `parallax extract`), annotate (article → \
            "annotated": annotations and the clustering features the store would count), and \
            store (records in publication order → stories in --db, as `parallax ingest` of \
            the same articles in the same order; it must come last). Example: `parallax pipe \
            read extract annotate < paths.txt > annotated.jsonl`, then `parallax pipe store \
            --db news.db < annotated.jsonl`. One record a line in, in input order out, \
            flushed after every batch. A record that fails becomes an error record \
            {"error": {"source", "message"}, "input"?, "index"?, "id"?} in its place and the \
            stream goes on; error records that arrive pass through untouched. store writes \
            one line per record ({"id", "story", "opened"}, {"id", "duplicate_of"} or the \
            error record) and a summary on stderr; its exit status is 1 when a record failed.
            """
    )

    @Argument(help: ArgumentHelp("Stages: read, extract, annotate, store.", valueName: "stage"))
    var stages: [String]

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Records worked on at once (default: one per core; 1 under Spark, which runs a process per core).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Records per batch: read, worked on, stored in one transaction and flushed together.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Print the time spent in each step (per record) on stderr at the end.")
    var timings = false

    static let storeStage = "store"

    func validate() throws {
        let known = PipeStage.allCases.map(\.rawValue) + [Self.storeStage]
        guard !stages.isEmpty else { throw ValidationError("name at least one stage: \(known.joined(separator: ", "))") }
        var previous = -1
        for stage in stages {
            guard let position = known.firstIndex(of: stage) else {
                throw ValidationError("unknown stage '\(stage)'; stages are \(known.joined(separator: ", "))")
            }
            guard position > previous else { throw ValidationError("stages run in the order \(known.joined(separator: ", ")), each once") }
            previous = position
        }
        guard workers > 0 else { throw ValidationError("--workers must be positive") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() async throws {
        let pipeline = try Pipeline.standard()
        let perRecord = stages.compactMap(PipeStage.init(rawValue:))
        // The store reads only the article and the features of an annotated record.
        var runner = PipeRunner(stages: perRecord, pipeline: pipeline, input: .standardInput, batchSize: batchSize, workers: workers,
                                annotations: stages.last != Self.storeStage)
        var output = BufferedOutput()
        var storeTimings = PipeTimings()
        defer {
            if timings {
                var all = runner.timings
                all.merge(storeTimings)
                for line in all.report { Output.warning("timing: " + line) }
            }
        }
        guard stages.last == Self.storeStage else {
            while let lines = runner.nextLines() {
                for line in lines { output.line(line) }
                output.flush()
            }
            return
        }
        let store = try await self.store.open()
        var ingester = pipeline.ingester(into: store, options: IngestOptions(batchSize: batchSize))
        _ = try await ingester.resume()
        var summary = IngestSummary()
        while let batch = runner.nextBatch() {
            let records = batch.map { item -> PipeRecord in
                switch item {
                case .record(let record): record
                case .passThrough(_, let failure): .failure(failure)
                }
            }
            let start = DispatchTime.now()
            summary = try await ingester.ingest(records: records) { event in output.line(Self.line(event)) }
            storeTimings.add(.store, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, records: records.count)
            output.flush()
        }
        let start = DispatchTime.now()
        summary = try await ingester.finishWrites { event in output.line(Self.line(event)) }
        storeTimings.add(.store, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, records: 0)
        output.flush()
        Output.warning("\(summary.stored) stored, \(summary.duplicates) already stored, \(summary.failed) failed; "
            + "\(summary.storiesTouched.count) stories updated (\(summary.storiesOpened) new)")
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// What the store did with one record, as one JSON line.
    static func line(_ event: IngestEvent) -> String {
        switch event {
        case .stored(let article, let story, let opened):
            "{\"id\":\(JSONText.quoted(article.id)),\"opened\":\(opened),\"story\":\(story)}"
        case .duplicate(let article, let existing):
            "{\"duplicate_of\":\(JSONText.quoted(existing)),\"id\":\(JSONText.quoted(article.id))}"
        case .failed(let error):
            "{\"error\":{\"message\":\(JSONText.quoted(error.reason.description)),\"source\":\(JSONText.quoted(error.source))}}"
        }
    }
}
