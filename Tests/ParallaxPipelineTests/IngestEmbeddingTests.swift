import Foundation
import ParallaxCore
import ParallaxPipeline
import ParallaxStore
import TestSupport
import Testing

/// `parallax ingest --embedder`: the store's stories are clustered with embeddings too.
@Suite struct IngestEmbeddingTests {
    struct FailingEmbedder: TextEmbedder {
        var dimension: Int { 2 }
        var identifier: String { "failing" }
        func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
            throw ParallaxError(source: "test embedder", reason: .invalidInput("engine gone"))
        }
    }

    static let pipeline: Result<Pipeline, Error> = Result { try Pipeline.standard() }
    static let embedder = TopicEmbedder(topics: [["停電", "отключение", "Stromausfall"], ["orchestra"]])

    /// A temporary folder with a JSON Lines file of `articles` and the path of a store in it.
    private func files(_ articles: [[String: String]]) throws -> (folder: URL, input: String, db: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-ingest-embedding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = try articles.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        let input = folder.appendingPathComponent("articles.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
        return (folder, input, folder.appendingPathComponent("stories.db").path)
    }

    private let blackout = [
        ["id": "ja", "title": "東京で大規模な停電", "text": "東京都内の広い範囲で停電が発生し、鉄道の運行が止まった。", "lang": "ja", "published": "2026-02-03"],
        ["id": "ru", "title": "Масштабное отключение электроэнергии", "text": "В столице Японии остановились поезда из-за отключения света.",
         "lang": "ru", "published": "2026-02-03"],
        ["id": "en", "title": "Orchestra opens festival season", "text": "The orchestra opened the summer festival with a new symphony.",
         "lang": "en", "published": "2026-02-03"],
    ]

    /// Two reports of one event in different scripts share no word: without embeddings they
    /// are two stories, with them one; the unrelated report stays apart either way. A second
    /// run resumes with the stored articles embedded again: a German report joins the story.
    @Test func reportsInOtherScriptsJoinTheirStoryAcrossRuns() async throws {
        let pipeline = try Self.pipeline.get()
        for embedder in [nil, Self.embedder as (any TextEmbedder)?] {
            let (folder, input, db) = try files(blackout)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteStore(path: db)
            var ingester = pipeline.ingester(into: store, options: IngestOptions(embedder: embedder))
            _ = try await ingester.resume()
            let summary = try await ingester.ingest([input])
            #expect(summary.stored == 3)
            #expect(summary.storiesOpened == (embedder == nil ? 3 : 2))
            guard embedder != nil else { await store.close(); continue }

            let later = folder.appendingPathComponent("later.jsonl").path
            try Data(#"{"id": "de", "title": "Stromausfall in Tokio", "text": "Züge standen still.", "lang": "de", "published": "2026-02-04"}"#.utf8 + [0x0A])
                .write(to: URL(fileURLWithPath: later))
            var second = pipeline.ingester(into: store, options: IngestOptions(embedder: embedder))
            #expect(try await second.resume() == 3)
            let next = try await second.ingest([later])
            #expect(next.stored == 1 && next.storiesOpened == 0)
            let stories = try await store.stories(limit: 10, offset: 0)
            let sizes = try await stories.asyncMap { try await store.articles(inStory: $0.id).count }
            #expect(sizes.sorted() == [1, 3])
            await store.close()
        }
    }

    /// Counts the texts it embeds; its vectors are `TopicEmbedder`'s.
    final class CountingEmbedder: TextEmbedder, @unchecked Sendable {
        let inner: TopicEmbedder
        let identifier: String
        private let lock = NSLock()
        private var embedded = 0
        var dimension: Int { inner.dimension }
        var count: Int { lock.withLock { embedded } }

        init(_ inner: TopicEmbedder, identifier: String) {
            self.inner = inner
            self.identifier = identifier
        }

        func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
            lock.withLock { embedded += texts.count }
            return try inner.embed(texts)
        }
    }

    /// The embeddings are stored with the articles: a resume reads them instead of embedding
    /// again, an embedder with another identifier does not reuse them, and articles stored
    /// without one (a run without the embedder) are embedded once on resume, then reused.
    @Test func resumeReusesStoredEmbeddings() async throws {
        let pipeline = try Self.pipeline.get()
        let (folder, input, db) = try files(blackout)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: db)
        func resumed(_ embedder: CountingEmbedder) async throws -> (reused: Int, embedded: Int) {
            var ingester = pipeline.ingester(into: store, options: IngestOptions(embedder: embedder))
            #expect(try await ingester.resume() == 3)
            return (ingester.summary.embeddingsReused, embedder.count)
        }

        let first = CountingEmbedder(Self.embedder, identifier: "topics v1")
        var ingester = pipeline.ingester(into: store, options: IngestOptions(embedder: first))
        _ = try await ingester.ingest([input])
        #expect(first.count == 3)
        #expect(try await resumed(CountingEmbedder(Self.embedder, identifier: "topics v1")) == (3, 0))
        #expect(try await resumed(CountingEmbedder(Self.embedder, identifier: "topics v2")) == (0, 3))
        #expect(try await resumed(CountingEmbedder(Self.embedder, identifier: "topics v2")) == (3, 0))
        await store.close()

        // Stored without an embedder: embedded on the first resume with one.
        let (plainFolder, plainInput, plainDB) = try files(blackout)
        defer { try? FileManager.default.removeItem(at: plainFolder) }
        let plain = try SQLiteStore(path: plainDB)
        var withoutEmbedder = pipeline.ingester(into: plain, options: IngestOptions())
        _ = try await withoutEmbedder.ingest([plainInput])
        let ids = try await plain.recentArticles(windowDays: 30, limit: 10).map(\.article.id)
        #expect(ids.count == 3)
        #expect(try await plain.embeddings(of: ids, model: "topics v1").isEmpty)
        var resuming = pipeline.ingester(into: plain, options: IngestOptions(embedder: CountingEmbedder(Self.embedder, identifier: "topics v1")))
        #expect(try await resuming.resume() == 3)
        #expect(resuming.summary.embeddingsReused == 0)
        #expect(try await plain.embeddings(of: ids, model: "topics v1").keys.sorted() == ids.sorted())
        await plain.close()
    }

    /// An embedder that fails stops the run with its error, and nothing of the batch is stored.
    @Test func aFailingEmbedderStoresNothingHalfClustered() async throws {
        let pipeline = try Self.pipeline.get()
        let (folder, input, db) = try files(blackout)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: db)
        var ingester = pipeline.ingester(into: store, options: IngestOptions(embedder: FailingEmbedder()))
        await #expect(throws: ParallaxError.self) { _ = try await ingester.ingest([input]) }
        #expect(try await store.counts().articles == 0)
        await store.close()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
