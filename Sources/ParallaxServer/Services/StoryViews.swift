import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import ParallaxCore
import ParallaxPipeline
import ParallaxStore

/// A story ready to serve: the `StoryDetail` (story, articles, comparison report), the
/// stored articles with their texts (for the story page), and the detail as JSON bytes.
struct StoryView: Sendable {
    /// What the view was built from: a story whose update time and article count are the
    /// same has not changed.
    struct Stamp: Sendable, Hashable {
        var updatedAt: Date
        var articleCount: Int
    }

    var stamp: Stamp
    var detail: StoryDetail
    var articles: [StoredArticle]
    var json: ByteBuffer
}

/// Comparing a story's articles is the expensive part of serving it, so built views are
/// kept per story id. Each request still reads the story's row (cheap) and rebuilds the
/// view when the story changed, also when another process (a `parallax ingest`) changed it;
/// the server's own ingests drop the view at once.
final class StoryViews: Sendable {
    private let store: any StoryStore
    private let pipeline: Pipeline
    private let capacity: Int
    private let views = NIOLockedValueBox(Cache())

    private struct Cache {
        var byID: [Int64: StoryView] = [:]
        /// Ids from least to most recently built, for eviction.
        var order: [Int64] = []
    }

    init(store: any StoryStore, pipeline: Pipeline, capacity: Int = 512) {
        self.store = store
        self.pipeline = pipeline
        self.capacity = capacity
    }

    func view(_ id: Int64) async throws -> StoryView? {
        guard let story = try await store.story(id: id) else { return nil }
        let stamp = StoryView.Stamp(updatedAt: story.updatedAt, articleCount: story.articleCount)
        if let cached = views.withLockedValue({ $0.byID[id] }), cached.stamp == stamp { return cached }
        let articles = try await store.articles(inStory: id)
        guard let detail = try await pipeline.storyDetail(id, in: store) else { return nil }
        let json = ByteBuffer(data: try ParallaxJSON.encoder().encode(detail))
        // Stamped with the story as read first: if it changed meanwhile, the next request rebuilds.
        let view = StoryView(stamp: stamp, detail: detail, articles: articles, json: json)
        views.withLockedValue { cache in
            if cache.byID.updateValue(view, forKey: id) == nil {
                cache.order.append(id)
                if cache.order.count > capacity { cache.byID[cache.order.removeFirst()] = nil }
            }
        }
        return view
    }

    func invalidate(_ id: Int64) {
        views.withLockedValue { cache in
            if cache.byID.removeValue(forKey: id) != nil { cache.order.removeAll { $0 == id } }
        }
    }
}
