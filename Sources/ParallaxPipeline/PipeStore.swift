import Foundation
import ParallaxCluster
import ParallaxCore

extension StoryIngester {
    /// The last step of a pipe backfill: records of `parallax pipe` (documents, articles or
    /// annotated articles, in publication order) clustered and stored one by one, as
    /// `ingest(_:)` stores the same articles read in the same order. The features of
    /// annotated records are used as they come when they were counted at this ingester's
    /// depth, so the per-article work done elsewhere is not done again here; everything
    /// else is the ingest's own code (de-duplication, language segments, clustering, store).
    /// Error records count as failures.
    ///
    /// The last batch may still be being written when this returns, so a stream can come in
    /// many calls and the store keep working between them: `finishWrites` writes it and
    /// reports its articles.
    public mutating func ingest(records: some Sequence<PipeRecord>, onEvent: (IngestEvent) -> Void = { _ in }) async throws -> IngestSummary {
        var batch: [Result<Article, ParallaxError>] = []
        var counted: [String: FeatureCounts] = [:]
        for record in records {
            switch record {
            case .document(_, let document):
                do throws(ParallaxError) { batch.append(.success(try pipeline.extractor.extract(document))) } catch { batch.append(.failure(error)) }
            case .article(_, let article):
                batch.append(.success(article))
            case .annotated(let annotated):
                batch.append(.success(annotated.annotated.article))
                if annotated.depth == options.features { counted[annotated.annotated.article.id] = annotated.features }
            case .failure(let failure):
                batch.append(.failure(failure.error))
            }
            if batch.count >= options.batchSize {
                try await place(batch, counted: counted, onEvent)
                batch.removeAll(keepingCapacity: true)
                counted.removeAll(keepingCapacity: true)
            }
        }
        try await place(batch, counted: counted, onEvent)
        return summary
    }

    /// Waits for the batch still being written, reports its articles, and answers the summary
    /// of everything ingested.
    public mutating func finishWrites(onEvent: (IngestEvent) -> Void = { _ in }) async throws -> IngestSummary {
        try await finishWrite(onEvent)
        return summary
    }
}
