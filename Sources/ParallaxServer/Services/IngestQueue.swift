import Foundation
import ParallaxCore
import ParallaxPipeline
import ParallaxStore

/// What became of one posted article.
enum IngestOutcome: Sendable {
    case stored(articleID: String, storyID: Int64, openedStory: Bool)
    /// Already in the store as `articleID`.
    case duplicate(articleID: String)
    /// The body could not be read or extracted.
    case failed(ParallaxError)
}

/// One ingest at a time, in arrival order. Requests wait here for their turn.
actor IngestGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// The server's one `StoryIngester`. It is not safe to use from two tasks at once (its
/// clusterer is in memory and mutated by each article), so every ingest passes the
/// `IngestGate` first; the ingester's state is only touched between `enter` and `leave`.
/// The clusterer is rebuilt from the store on the first ingest, not at start-up, so the
/// server answers reads at once even on a large store.
final class IngestQueue: @unchecked Sendable {
    private let gate = IngestGate()
    private let pipeline: Pipeline
    private var ingester: StoryIngester
    private var resumed = false

    init(pipeline: Pipeline, store: any StoryStore, options: IngestOptions) {
        self.pipeline = pipeline
        ingester = pipeline.ingester(into: store, options: options)
    }

    func ingest(_ upload: ArticleUpload) async throws -> IngestOutcome {
        await gate.enter()
        do {
            let outcome = try await ingestInTurn(upload)
            await gate.leave()
            return outcome
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func ingestInTurn(_ upload: ArticleUpload) async throws -> IngestOutcome {
        if !resumed {
            _ = try await ingester.resume()
            resumed = true
        }
        switch upload {
        case .document(let document, let published):
            var outcome: IngestOutcome?
            _ = try await ingester.ingest(documents: [.success(document)], fallbackDates: published.map { [document.source: $0] } ?? [:]) {
                if outcome == nil { outcome = IngestQueue.outcome($0, source: document.source) }
            }
            return outcome ?? .failed(ParallaxError(source: document.source, reason: .empty))
        case .article(let article):
            return try await ingestThroughFile(article)
        }
    }

    private static func outcome(_ event: IngestEvent, source: String) -> IngestOutcome {
        switch event {
        case .stored(let stored, let story, let opened): return .stored(articleID: stored.id, storyID: story, openedStory: opened)
        case .duplicate(_, let existing): return .duplicate(articleID: existing)
        case .failed(let error): return .failed(ParallaxError(source: source, reason: error.reason))
        }
    }

    /// `StoryIngester` takes given articles only as JSON Lines records, so the article goes
    /// through a file of one record, removed right after; its source becomes
    /// `<file>#<source>` (pages show the part after `#`).
    private func ingestThroughFile(_ article: Article) async throws -> IngestOutcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(IngestQueue.uploadFileName)
        try IngestQueue.record(article).write(to: file)
        var outcome: IngestOutcome?
        _ = try await ingester.ingest([file.path]) { event in
            if outcome == nil { outcome = IngestQueue.outcome(event, source: article.source) }
        }
        return outcome ?? .failed(ParallaxError(source: article.source, reason: .empty))
    }

    static let uploadFileName = "api-upload.jsonl"

    /// One JSON Lines record in the ingest's input format; its `id` is the article's source.
    static func record(_ article: Article) throws -> Data {
        let formatter = ISO8601DateFormatter()
        let fields: [String: Any] = [
            "id": article.source, "title": article.title, "text": article.text,
            "url": article.url ?? NSNull(), "lang": article.language ?? NSNull(),
            "published": article.published.map { formatter.string(from: $0) } ?? NSNull(),
        ]
        return try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    }
}
