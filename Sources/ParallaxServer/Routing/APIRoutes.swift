import Foundation
import Hummingbird
import NIOCore
import ParallaxCore
import ParallaxStore

/// The JSON API under /api, plus /metrics and /openapi.json. Reads are public; writes
/// need the bearer token.
struct APIRoutes: Sendable {
    let services: ServerServices

    static let searchLimitRange = 1...100
    static let defaultSearchLimit = 20

    func register(on routes: RouteTable<BasicRequestContext>) {
        routes.add(.get, "/api/stories") { request, _ in try await stories(request) }
        routes.add(.get, "/api/stories/{id}") { _, context in try await story(context) }
        routes.add(.get, "/api/stories/{id}/claims") { _, context in try await storyClaims(context) }
        routes.add(.get, "/api/claims/{id}") { _, context in try await claim(context) }
        routes.add(.get, "/api/articles/{id}") { _, context in try await article(context) }
        routes.add(.post, "/api/articles") { request, _ in try await post(request) }
        routes.add(.get, "/api/search") { request, _ in try await search(request) }
        routes.add(.get, "/api/health") { _, _ in try await health() }
        routes.add(.get, "/metrics") { _, _ in try await metrics() }
        routes.add(.get, "/openapi.json") { _, _ in try openAPI() }
    }

    func stories(_ request: Request) async throws -> Response {
        let query = try StoryQuery(QueryParameters(request.uri), defaultLimit: services.pageSize)
        return try Responses.json(try await services.listing.page(query))
    }

    func story(_ context: BasicRequestContext) async throws -> Response {
        let id = try APIRoutes.storyID(context)
        guard let view = try await services.views.view(id) else { throw APIError.notFound("story \(id)") }
        return Responses.json(bytes: view.json)
    }

    /// `GET /api/stories/{id}/claims`: every claim of the story with its links.
    struct StoryClaimsBody: Encodable {
        var storyID: Int64
        var articleCount: Int
        var computedAt: Date
        var claims: [Claim]
    }

    func storyClaims(_ context: BasicRequestContext) async throws -> Response {
        let id = try APIRoutes.storyID(context)
        guard let stored = try await services.claims.claims(story: id) else { throw APIError.notFound("story \(id)") }
        return try Responses.json(StoryClaimsBody(storyID: stored.storyID, articleCount: stored.articleCount,
                                                  computedAt: stored.computedAt, claims: stored.claims))
    }

    /// `GET /api/claims/{id}`: one claim, its links and its story.
    struct ClaimBody: Encodable {
        var storyID: Int64
        var claim: Claim
    }

    func claim(_ context: BasicRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let stored = try await services.claims.claim(id: id) else { throw APIError.notFound("claim '\(id)'") }
        return try Responses.json(ClaimBody(storyID: stored.storyID, claim: stored.claim))
    }

    static func storyID(_ context: some RequestContext) throws(APIError) -> Int64 {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw) else { throw APIError.notFound("story '\(raw)'") }
        return id
    }

    /// An article with its place in the store.
    struct ArticleBody: Encodable {
        var article: Article
        var storyID: Int64
        var ingestedAt: Date
        var similarity: Double?
        var copyOf: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(article, forKey: .article)
            try c.encode(storyID, forKey: .storyID)
            try c.encode(ingestedAt, forKey: .ingestedAt)
            try c.encode(similarity, forKey: .similarity)
            try c.encode(copyOf, forKey: .copyOf)
        }

        enum CodingKeys: String, CodingKey { case article, storyID, ingestedAt, similarity, copyOf }
    }

    func article(_ context: BasicRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let stored = try await services.articles.article(id) else { throw APIError.notFound("article '\(id)'") }
        return try Responses.json(ArticleBody(article: stored.article, storyID: stored.storyID, ingestedAt: stored.ingestedAt,
                                              similarity: stored.similarity, copyOf: stored.copyOf))
    }

    struct SearchBody: Encodable {
        var query: String
        var hits: [SearchHit]
    }

    func search(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        guard let query = parameters.string("q") else { throw APIError(.badRequest, "missing query parameter 'q'") }
        let limit = try parameters.int("limit", default: APIRoutes.defaultSearchLimit, range: APIRoutes.searchLimitRange)
        return try Responses.json(SearchBody(query: query, hits: try await services.store.search(query, limit: limit)))
    }

    /// What `POST /api/articles` answers: the article's id and its story's.
    struct IngestBody: Encodable {
        /// `stored` (201) or `duplicate` (200: already stored, nothing changed).
        var status: String
        var articleID: String
        var storyID: Int64?
        var openedStory: Bool

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(articleID, forKey: .articleID)
            try c.encode(storyID, forKey: .storyID)
            try c.encode(openedStory, forKey: .openedStory)
        }

        enum CodingKeys: String, CodingKey { case status, articleID, storyID, openedStory }
    }

    func post(_ request: Request) async throws -> Response {
        try services.authorization.check(request)
        let limit = services.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw APIError.tooLarge(limit: limit) }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch is NIOTooManyBytesError { throw APIError.tooLarge(limit: limit) }
        let upload = try ArticleUpload.parse(body: Array(buffer: body), contentType: request.headers[.contentType],
                                             query: QueryParameters(request.uri), pipeline: services.pipeline)
        switch try await services.ingest.ingest(upload) {
        case .stored(let article, let story, let opened):
            services.metrics.recordIngest(.stored)
            await services.articles.record(article: article, story: story)
            services.views.invalidate(story)
            var response = try Responses.json(IngestBody(status: "stored", articleID: article, storyID: story, openedStory: opened),
                                              status: .created)
            response.headers[.location] = "/api/articles/\(article)"
            return response
        case .duplicate(let existing):
            services.metrics.recordIngest(.duplicate)
            let story = try await services.articles.storyID(of: existing)
            return try Responses.json(IngestBody(status: "duplicate", articleID: existing, storyID: story, openedStory: false))
        case .failed(let error):
            services.metrics.recordIngest(.failed)
            throw APIError(.badRequest, error.description)
        }
    }

    struct HealthBody: Encodable {
        var status: String
        var articles: Int
        var stories: Int
    }

    func health() async throws -> Response {
        do {
            let counts = try await services.store.counts()
            return try Responses.json(HealthBody(status: "ok", articles: counts.articles, stories: counts.stories))
        } catch {
            throw APIError(.serviceUnavailable, "store unreachable: \(ErrorMiddleware<BasicRequestContext>.oneLine(error))")
        }
    }

    func metrics() async throws -> Response {
        // The counts are gauges of the store; a store that cannot answer leaves them out
        // rather than failing the whole scrape.
        let counts = try? await services.store.counts()
        return Responses.text(PrometheusText.render(services.metrics.snapshot(), counts: counts), contentType: PrometheusText.contentType)
    }

    func openAPI() throws -> Response {
        guard let document = OpenAPIDocument.bytes else { throw APIError(.internalServerError, "openapi.json is missing from the bundle") }
        return Responses.json(bytes: ByteBuffer(bytes: document))
    }
}

/// The hand-written OpenAPI document, Resources/openapi.json.
public enum OpenAPIDocument {
    public static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }()
}
