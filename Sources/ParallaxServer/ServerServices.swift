import Foundation
import ParallaxPipeline
import ParallaxStore

/// What the route handlers share, built once per server.
struct ServerServices: Sendable {
    let store: any StoryStore
    let pipeline: Pipeline
    let listing: StoryListing
    let views: StoryViews
    let articles: ArticleIndex
    let claims: StoryClaims
    let ingest: IngestQueue
    let metrics: ServerMetrics
    let authorization: WriteAuthorization
    let maxBodyBytes: Int
    let pageSize: Int

    init(_ configuration: ServerConfiguration) {
        store = configuration.store
        pipeline = configuration.pipeline
        listing = StoryListing(store: configuration.store)
        views = StoryViews(store: configuration.store, pipeline: configuration.pipeline)
        articles = ArticleIndex(store: configuration.store)
        claims = StoryClaims(store: configuration.store, views: views, articles: articles)
        ingest = IngestQueue(pipeline: configuration.pipeline, store: configuration.store, options: configuration.ingestOptions)
        metrics = ServerMetrics()
        authorization = WriteAuthorization(token: configuration.writeToken)
        maxBodyBytes = configuration.maxBodyBytes
        pageSize = configuration.pageSize
    }
}
