import Dispatch
import Foundation
import ParallaxCore

/// Counts the features of a batch of articles on several threads, each with its own
/// extractor (and its caches), in the batch's order. Counting an article needs nothing of
/// the rest of the stream, so it can run ahead of the sequential clustering.
public struct ParallelFeatureCounter: Sendable {
    private var extractors: [FeatureExtractor]
    private let identifier: any LanguageIdentifier

    public init(extractor: FeatureExtractor, identifier: any LanguageIdentifier,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        extractors = Array(repeating: extractor, count: max(1, workers))
        self.identifier = identifier
    }

    public mutating func counts(_ articles: [StreamArticle]) -> [FeatureCounts] {
        let workers = min(extractors.count, max(1, articles.count))
        let identifier = self.identifier
        var results = [FeatureCounts?](repeating: nil, count: articles.count)
        results.withUnsafeMutableBufferPointer { output in
            extractors.withUnsafeMutableBufferPointer { extractors in
                // Each worker writes only its own slots and uses only its own extractor.
                nonisolated(unsafe) let output = output
                nonisolated(unsafe) let extractors = extractors
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var i = worker
                    while i < articles.count {
                        let article = articles[i]
                        let language = article.language ?? identifier.identify(article.title + "\n" + article.text).code
                        output[i] = extractors[worker].counts(title: article.title, text: article.text, language: language,
                                                              published: article.published)
                        i += workers
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// The counts with each article's dense embedding attached. The embedder (itself
    /// parallel) runs on another thread while the features are counted here. An embedder
    /// that answers with another number of vectors than texts is an error, not a shift.
    public mutating func counts(_ articles: [StreamArticle], embedder: any TextEmbedder) throws(ParallaxError) -> [FeatureCounts] {
        let embedding = EmbeddingTask(embedder, articles.map(Self.embeddingText))
        var counts = counts(articles)
        for (i, vector) in try embedding.result().enumerated() { counts[i].embedding = vector }
        return counts
    }

    /// What an article's embedding is computed from: title and body (the embedder keeps
    /// their beginning, which names the event).
    public static func embeddingText(_ article: StreamArticle) -> String {
        article.title.isEmpty ? article.text : article.title + "\n" + article.text
    }
}

/// One `embed` call on a global queue; `result` waits for it.
final class EmbeddingTask: @unchecked Sendable {
    private var outcome: Result<[[Float]], ParallaxError>?
    private let done = DispatchSemaphore(value: 0)

    init(_ embedder: any TextEmbedder, _ texts: [String]) {
        DispatchQueue.global().async {
            self.outcome = Result { () throws(ParallaxError) in try embedder.vectors(for: texts) }
            self.done.signal()
        }
    }

    /// The semaphore orders the worker's write before this read.
    func result() throws(ParallaxError) -> [[Float]] {
        done.wait()
        return try outcome!.get()
    }
}
