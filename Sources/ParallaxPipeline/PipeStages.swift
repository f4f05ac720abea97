import Dispatch
import Foundation
import ParallaxCluster
import ParallaxCore
import ParallaxExtract

/// A per-record step of `parallax pipe`. Each reads JSON Lines and writes JSON Lines, so a
/// chain of them is a filter that `RDD.pipe` (or a shell pipe) can run anywhere.
public enum PipeStage: String, Sendable, CaseIterable {
    /// A line naming a file or directory → one `document` record per document it holds (an
    /// `article` record per line of a JSON Lines file), in the order `parallax ingest` reads them.
    case read
    /// `document` → `article`, as `parallax extract` does; `article` records from JSON
    /// Lines get their segments' languages.
    case extract
    /// `article` → `annotated`: the annotations and the clustering features the store's
    /// ingest would otherwise count (the expensive part of placing an article in a story).
    case annotate
}

/// Time spent in each step, summed over the workers, and the records it handled.
public struct PipeTimings: Sendable {
    public enum Step: String, Sendable, CaseIterable { case read, decode, extract, identify, annotate, features, encode, store }
    public private(set) var seconds: [Step: Double] = [:]
    public private(set) var records: [Step: Int] = [:]

    public init() {}

    public mutating func add(_ step: Step, _ elapsed: Double, records count: Int = 1) {
        seconds[step, default: 0] += elapsed
        records[step, default: 0] += count
    }

    public mutating func merge(_ other: PipeTimings) {
        for (step, value) in other.seconds { seconds[step, default: 0] += value }
        for (step, value) in other.records { records[step, default: 0] += value }
    }

    /// One line per step: records, total seconds, milliseconds per record.
    public var report: [String] {
        Step.allCases.compactMap { step in
            guard let count = records[step], count > 0 else { return nil }
            let total = seconds[step] ?? 0
            return "\(step.rawValue): \(count) records, \(String(format: "%.3f", total)) s, \(String(format: "%.3f", 1000 * total / Double(count))) ms/record"
        }
    }
}

/// The per-record work of the stages, on one worker (its feature extractor keeps caches).
struct PipeWorker {
    let pipeline: Pipeline
    let depth: FeatureExtractor.Depth
    var extractor: FeatureExtractor
    var timings = PipeTimings()

    init(pipeline: Pipeline, depth: FeatureExtractor.Depth) {
        self.pipeline = pipeline
        self.depth = depth
        extractor = FeatureExtractor(depth: depth, annotator: pipeline.annotator)
    }

    mutating func apply(_ stage: PipeStage, _ record: PipeRecord) -> PipeRecord {
        switch (stage, record) {
        case (_, .failure), (.read, _):
            return record
        case (.extract, .document(let origin, let document)):
            let start = DispatchTime.now()
            defer { timings.add(.extract, start.elapsed) }
            do throws(ParallaxError) { return .article(origin, try pipeline.extractor.extract(document)) } catch {
                return .failure(PipeFailure(error, origin: origin))
            }
        case (.extract, .article(let origin, let article)):
            return .article(origin, identified(article))
        case (.annotate, .document(let origin, let document)):
            return .failure(PipeFailure(ParallaxError(source: document.source, reason: .invalidInput("annotate needs an article: run extract before it")),
                                        origin: origin))
        case (.annotate, .article(let origin, let article)):
            return .annotated(annotate(identified(article), origin: origin))
        case (.extract, .annotated), (.annotate, .annotated):
            return record
        }
    }

    /// Segments' languages for an article given as a JSON Lines record, as the ingest gives them.
    private mutating func identified(_ article: Article) -> Article {
        guard article.segments.isEmpty else { return article }
        let start = DispatchTime.now()
        defer { timings.add(.identify, start.elapsed) }
        return StoryIngester.identified(article, identifier: pipeline.identifier)
    }

    /// The annotations, and the features exactly as the ingest's `ParallelFeatureCounter`
    /// counts them (from the article's title, text, language and date).
    ///
    /// At `.full` depth the feature counter annotates a copy of the article without
    /// segments. When that copy would get the same paragraphs and paragraph languages as the
    /// article itself (all but mixed-language articles), its annotation is the article's,
    /// so the article is annotated once and the features are counted from that annotation.
    private mutating func annotate(_ article: Article, origin: PipeOrigin?) -> AnnotatedRecord {
        let stream = StoryIngester.streamArticle(article)
        var start = DispatchTime.now()
        let language = stream.language ?? pipeline.identifier.identify(stream.title + "\n" + stream.text).code
        if stream.language == nil { timings.add(.identify, start.elapsed) }

        start = DispatchTime.now()
        let annotated = pipeline.annotator.annotate(article)
        timings.add(.annotate, start.elapsed)

        start = DispatchTime.now()
        defer { timings.add(.features, start.elapsed) }
        let view = FeatureView(stream, language: language)
        let counts: FeatureCounts
        if depth == .full, view.annotatesLike(article) {
            counts = extractor.counts(AnnotatedArticle(article: view.article, sentences: annotated.sentences, entities: annotated.entities,
                                                       quotes: annotated.quotes, numbers: annotated.numbers, times: annotated.times))
        } else {
            counts = extractor.counts(title: stream.title, text: stream.text, language: language, published: stream.published)
        }
        return AnnotatedRecord(origin: origin, annotated: annotated, features: counts, depth: depth)
    }
}

/// The article as the `.full` feature counter sees it: title, paragraphs split from the
/// text, date and one language, no segments.
struct FeatureView {
    let article: Article

    init(_ stream: StreamArticle, language: String) {
        var paragraphs = stream.text.components(separatedBy: Article.paragraphSeparator)
        if paragraphs.isEmpty { paragraphs = [stream.text] }
        article = Article(source: "-", title: stream.title, paragraphs: paragraphs, published: stream.published,
                          language: language.isEmpty ? "und" : language)
    }

    /// True when the annotator reads `other` paragraph by paragraph in the same languages as
    /// this view: same paragraphs, and every paragraph's language (its segment's when known,
    /// else the article's, else the annotator's default) is the view's single language.
    /// Conservative: any doubt means the features are counted on their own.
    func annotatesLike(_ other: Article) -> Bool {
        func known(_ code: String?) -> String? { code.flatMap { $0.isEmpty || $0 == "und" ? nil : $0 } }
        guard other.paragraphs == article.paragraphs else { return false }
        let language = known(article.language)
        guard known(other.language) == language else { return false }
        return other.segments.allSatisfy { $0.kind == .title || known($0.language) == nil || known($0.language) == language }
    }
}

/// Runs a chain of stages over a stream of lines, a batch at a time: the batch's records go
/// through the stages on all workers, then leave in input order. Memory holds one batch
/// (and one input line); output is flushed after every batch.
public struct PipeRunner {
    /// One record out: a record to encode, or an error record that arrived and leaves as it came.
    public enum Output: Sendable {
        case record(PipeRecord)
        case passThrough(line: String, failure: PipeFailure)
    }

    public let stages: [PipeStage]
    public let batchSize: Int
    private var workers: [PipeWorker]
    private var source: Source

    /// `stages` in order; the first `read` turns path lines into documents. `workers`
    /// records are worked on at once (one per core by default; 1 under a scheduler that
    /// already runs one process per core, as Spark does).
    /// Without `annotations`, annotated records that arrive are decoded without their
    /// annotations (for the store, which needs only the article and its features).
    public init(stages: [PipeStage], pipeline: Pipeline, input: FileHandle, depth: FeatureExtractor.Depth = IngestOptions().features,
                batchSize: Int = 32, workers: Int = ProcessInfo.processInfo.activeProcessorCount, annotations: Bool = true) {
        self.stages = stages
        self.batchSize = max(1, batchSize)
        self.workers = Array(repeating: PipeWorker(pipeline: pipeline, depth: depth), count: max(1, workers))
        source = Source(lines: LineSplitter(handle: input), reads: stages.first == .read, reader: pipeline.reader, annotations: annotations)
    }

    public var timings: PipeTimings {
        workers.reduce(into: source.timings) { $0.merge($1.timings) }
    }

    /// The next batch of records through every stage, in input order; nil at the end.
    public mutating func nextBatch() -> [Output]? {
        var items: [Source.Item] = []
        while items.count < batchSize, let item = source.next() { items.append(item) }
        if items.isEmpty { return nil }
        let pending = items  // a constant, so that the workers may read it
        var batch = [Output?](repeating: nil, count: pending.count)
        let stages = self.stages, reads = source.reads, annotations = source.annotations
        let count = batch.count, workerCount = min(workers.count, count)
        batch.withUnsafeMutableBufferPointer { items in
            workers.withUnsafeMutableBufferPointer { workers in
                // Each worker touches only its own slots of the batch and its own state.
                // Lines are decoded here, on every worker, not as they are read: decoding
                // is most of what the store step does besides clustering.
                nonisolated(unsafe) let items = items
                nonisolated(unsafe) let workers = workers
                DispatchQueue.concurrentPerform(iterations: workerCount) { w in
                    for i in stride(from: w, to: count, by: workerCount) {
                        let start = DispatchTime.now()
                        let item = Source.output(pending[i], reads: reads, annotations: annotations)
                        if case .line = pending[i] { workers[w].timings.add(.decode, start.elapsed) }
                        guard case .record(var record) = item else { items[i] = item; continue }
                        for stage in stages { record = workers[w].apply(stage, record) }
                        items[i] = .record(record)
                    }
                }
            }
        }
        return batch.compactMap { $0 }  // every slot was filled above
    }

    /// The next batch as JSON Lines (encoded on all workers), or nil at the end.
    public mutating func nextLines() -> [String]? {
        guard let batch = nextBatch() else { return nil }
        var lines = [String](repeating: "", count: batch.count)
        let start = DispatchTime.now()
        let workerCount = min(workers.count, batch.count)
        lines.withUnsafeMutableBufferPointer { lines in
            nonisolated(unsafe) let lines = lines
            DispatchQueue.concurrentPerform(iterations: workerCount) { w in
                for i in stride(from: w, to: batch.count, by: workerCount) {
                    switch batch[i] {
                    case .record(let record): lines[i] = PipeCodec.encode(record)
                    case .passThrough(let line, _): lines[i] = line
                    }
                }
            }
        }
        source.timings.add(.encode, start.elapsed * Double(workerCount), records: batch.count)
        return lines
    }

    /// Input lines → records: paths expanded by `read`, or record lines to decode.
    private struct Source {
        var lines: LineSplitter
        let reads: Bool
        let reader: DocumentReader
        let annotations: Bool
        var timings = PipeTimings()
        /// The input being read, its name and the position of its next record.
        private var current: (inputs: IngestInputs, name: String, index: Int)?
        private var reportedReadError = false

        /// A record ready to go, or a JSON line still to decode (by any worker).
        enum Item: Sendable {
            case ready(Output)
            case line([UInt8], name: String)
        }

        init(lines: LineSplitter, reads: Bool, reader: DocumentReader, annotations: Bool) {
            self.lines = lines
            self.reads = reads
            self.reader = reader
            self.annotations = annotations
        }

        /// The item as a record: a line decoded, and checked against what `read` expects.
        static func output(_ item: Item, reads: Bool, annotations: Bool) -> Output {
            guard case .line(let bytes, let name) = item else {
                if case .ready(let output) = item { return output }
                preconditionFailure("an item is ready or a line")
            }
            switch PipeCodec.decode(bytes, name: name, annotations: annotations) {
            case nil:
                // `next()` passes no blank line on; if one came, it is an error, not a hole.
                return .record(.failure(PipeFailure(ParallaxError(source: name, reason: .invalidInput("blank line")))))
            case .passThrough(let failure)?:
                return .passThrough(line: String(decoding: bytes, as: UTF8.self), failure: failure)
            case .record(let record)?:
                if reads, case .failure = record { return .record(record) }
                if reads {
                    return .record(.failure(PipeFailure(ParallaxError(source: name, reason: .invalidInput("read expects a path a line")),
                                                        origin: record.origin)))
                }
                return .record(record)
            }
        }

        mutating func next() -> Item? {
            while true {
                if var reading = current {
                    let start = DispatchTime.now()
                    let item = reading.inputs.next()
                    current = nil
                    if let item {
                        timings.add(.read, start.elapsed)
                        current = (reading.inputs, reading.name, reading.index + 1)
                        return .ready(.record(Self.record(item, origin: PipeOrigin(input: reading.name, index: reading.index))))
                    }
                }
                guard let line = lines.next() else {
                    if let error = lines.error, !reportedReadError {
                        reportedReadError = true
                        return .ready(.record(.failure(PipeFailure(ParallaxError(source: "-", reason: .unreadable(error))))))
                    }
                    return nil
                }
                let name = "-:\(line.number)"
                let first = line.bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }
                if first == nil { continue }
                if first == UInt8(ascii: "{") || !reads { return .line(Array(line.bytes), name: name) }
                let path = String(decoding: line.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard path != "-" else {
                    return .ready(.record(.failure(PipeFailure(ParallaxError(source: name, reason: .invalidInput("read takes paths; standard input holds them"))))))
                }
                current = (IngestInputs([path], reader: reader), path, 0)
            }
        }

        private static func record(_ item: IngestInputs.Item, origin: PipeOrigin) -> PipeRecord {
            switch item {
            case .document(.success(let document)): .document(origin, document)
            case .record(.success(let article)): .article(origin, article)
            case .document(.failure(let error)), .record(.failure(let error)): .failure(PipeFailure(error, origin: origin))
            }
        }
    }
}

extension DispatchTime {
    /// Seconds since this time.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}
