import Foundation
import Hummingbird
import ParallaxStore

/// The web UI: server-rendered pages, no script.
struct WebRoutes: Sendable {
    let services: ServerServices

    func register(on routes: RouteTable<BasicRequestContext>) {
        routes.add(.get, "/") { request, _ in try await storyList(request) }
        routes.add(.get, "/stories/{id}") { _, context in try await story(context) }
        routes.add(.get, "/search") { request, _ in try await search(request) }
    }

    func storyList(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        let query = try StoryQuery(parameters, defaultLimit: services.pageSize)
        let list = try await services.listing.page(query)
        var entries: [StoryListPage.Entry] = []
        for story in list.stories {
            var names: [String] = []
            for stored in try await services.store.articles(inStory: story.id) {
                let name = SourceName.of(stored.article)
                if !names.contains(name) { names.append(name) }
            }
            entries.append(StoryListPage.Entry(story: story, sources: names))
        }
        // The pager keeps the filters, rebuilt from their parsed values.
        let kept = ["language", "since", "until", "entity", "limit"].compactMap { name in
            parameters.string(name).map { "\(name)=\(HTML.queryValue($0))" }
        }
        let page = StoryListPage(entries: entries, list: list, filterQuery: kept.joined(separator: "&"))
        return Responses.html(Layout(title: "Stories").page(page.render()))
    }

    func story(_ context: BasicRequestContext) async throws -> Response {
        let id = try APIRoutes.storyID(context)
        guard let view = try await services.views.view(id) else { throw APIError.notFound("story \(id)") }
        return Responses.html(Layout(title: view.detail.story.title).page(StoryPage(view: view).render()))
    }

    static let searchPageLimit = 50

    func search(_ request: Request) async throws -> Response {
        let query = QueryParameters(request.uri).string("q") ?? ""
        let hits = query.isEmpty ? [] : try await services.store.search(query, limit: WebRoutes.searchPageLimit)
        return Responses.html(Layout(title: query.isEmpty ? "Search" : "Search: \(query)", query: query)
            .page(SearchPage(query: query, hits: hits).render()))
    }
}
