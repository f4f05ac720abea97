import Foundation
import ParallaxStore

/// Which stories to list: a page of them, newest first, optionally filtered.
struct StoryQuery: Sendable {
    var limit: Int
    var offset: Int
    /// ISO 639-1 code one of the story's articles is written in.
    var language: String?
    /// Stories with an article published in [since, until]; undated stories are left out
    /// when either bound is given.
    var since: Date?
    var until: Date?
    /// A name (person, place, organisation) an article of the story mentions.
    var entity: String?

    static let maxLimit = 200

    var isFiltered: Bool { language != nil || since != nil || until != nil || entity != nil }

    init(limit: Int, offset: Int = 0, language: String? = nil, since: Date? = nil, until: Date? = nil, entity: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.language = language?.lowercased()
        self.since = since
        self.until = until
        self.entity = entity
    }

    init(_ query: QueryParameters, defaultLimit: Int) throws(APIError) {
        self.init(limit: try query.int("limit", default: defaultLimit, range: 1...StoryQuery.maxLimit),
                  offset: try query.int("offset", default: 0, range: 0...Int(Int32.max)),
                  language: query.string("language"), since: try query.date("since"), until: try query.date("until", endOfDay: true),
                  entity: query.string("entity"))
    }
}

/// One page of the story list. `nextOffset` is null on the last page; `total` counts every
/// story that matches, or is null when a filtered scan stopped before the end of the store.
struct StoryList: Sendable, Encodable {
    var stories: [StoredStory]
    var offset: Int
    var limit: Int
    var nextOffset: Int?
    var total: Int?

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stories, forKey: .stories)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
        try c.encode(nextOffset, forKey: .nextOffset)
        try c.encode(total, forKey: .total)
    }

    enum CodingKeys: String, CodingKey { case stories, offset, limit, nextOffset, total }
}

/// Lists stories for the API and the web UI. The store protocol pages stories newest first
/// but filters nothing, so filters are applied here, over the store's pages: language and
/// dates on each story's fields; the entity through a full-text phrase search whose hits
/// name their stories.
struct StoryListing: Sendable {
    let store: any StoryStore
    /// Stories read from the store per round of a filtered scan.
    static let scanPageSize = 200
    /// Search hits read for an entity filter: stories beyond the articles of these are missed.
    static let entityHitLimit = 5_000

    func page(_ query: StoryQuery) async throws -> StoryList {
        guard query.isFiltered else {
            let stories = try await store.stories(limit: query.limit + 1, offset: query.offset)
            let total = try await store.counts().stories
            return StoryList(stories: Array(stories.prefix(query.limit)), offset: query.offset, limit: query.limit,
                                 nextOffset: stories.count > query.limit ? query.offset + query.limit : nil, total: total)
        }
        var entityStories: Set<Int64>?
        if let entity = query.entity { entityStories = try await storiesMentioning(entity) }
        if let entityStories, entityStories.isEmpty {
            return StoryList(stories: [], offset: query.offset, limit: query.limit, nextOffset: nil, total: 0)
        }
        // Matching stories up to one past the page, so we know whether another page follows.
        let wanted = query.offset + query.limit + 1
        var matched: [StoredStory] = []
        var scanned = 0
        var reachedEnd = false
        while matched.count < wanted {
            let batch = try await store.stories(limit: StoryListing.scanPageSize, offset: scanned)
            scanned += batch.count
            matched += batch.filter { StoryListing.matches($0, query, entityStories) }
            if batch.count < StoryListing.scanPageSize {
                reachedEnd = true
                break
            }
        }
        let page = Array(matched.dropFirst(query.offset).prefix(query.limit))
        return StoryList(stories: page, offset: query.offset, limit: query.limit,
                             nextOffset: matched.count > query.offset + query.limit ? query.offset + query.limit : nil,
                             total: reachedEnd ? matched.count : nil)
    }

    static func matches(_ story: StoredStory, _ query: StoryQuery, _ entityStories: Set<Int64>?) -> Bool {
        if let language = query.language, !story.languages.contains(language) { return false }
        if query.since != nil || query.until != nil {
            guard let first = story.firstPublished ?? story.lastPublished, let last = story.lastPublished ?? story.firstPublished else {
                return false
            }
            if let since = query.since, last < since { return false }
            if let until = query.until, first > until { return false }
        }
        if let entityStories, !entityStories.contains(story.id) { return false }
        return true
    }

    /// Stories with an article that mentions `name` as a phrase (its words in a row).
    func storiesMentioning(_ name: String) async throws -> Set<Int64> {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        guard !words.isEmpty else { return [] }
        let hits = try await store.search("\"\(words)\"", limit: StoryListing.entityHitLimit)
        return Set(hits.compactMap(\.storyID))
    }
}
