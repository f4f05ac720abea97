import Foundation
import ParallaxCore

/// Articles, the stories they were clustered into, and full-text search over them, at rest.
///
/// One protocol for every backend (SQLite through GRDB; PostgreSQL in ParallaxPostgres), so the
/// pipeline, the CLI and the server do not know which one they talk to, and one test suite
/// can run against each. Methods are `async` because a networked backend is.
///
/// Writing is idempotent and atomic per article: `add` stores an article together with its
/// story assignment in one transaction, and an article already stored (same canonical URL,
/// or same content hash) is not stored again.
public protocol StoryStore: Sendable, CustomStringConvertible {
    /// Names the store in messages (a file path, a URL): never shows a password.
    var description: String { get }

    /// Releases the store's connections. Nothing may be asked of it afterwards.
    func close() async

    /// For each article (by its keys), the id of the stored article it duplicates (same
    /// canonical URL or same content, see `ArticleFingerprint`; a match by content first), or
    /// nil when it is new. One question to the store for the whole list.
    func storedDuplicates(of keys: [ArticleKeys]) async throws -> [String?]

    /// Stores the articles, each placed in a story, in order and in one transaction: all of
    /// them are stored with their story assignments, or none. One result per article, as
    /// `add(_:placement:)` would have answered one by one: an article that duplicates a
    /// stored one, or one earlier in the batch, is not stored (`.duplicate`).
    func add(_ batch: [ArticlePlacement]) async throws -> [AddResult]

    /// Stories, newest first: by the latest publication date of their articles (by when
    /// they were created when none of their articles is dated).
    func stories(limit: Int, offset: Int) async throws -> [StoredStory]

    func story(id: Int64) async throws -> StoredStory?

    /// The articles of one story, in publication order (undated ones last, by ingestion).
    func articles(inStory id: Int64) async throws -> [StoredArticle]

    /// What an online clusterer needs to resume: the most recently ingested articles (at
    /// most `limit`) that were published within `windowDays` of the newest stored
    /// publication date, or carry no date, each with its story, in ingestion order.
    func recentArticles(windowDays: Double, limit: Int) async throws -> [StoredArticle]

    /// Full-text search over titles and texts, best match first.
    func search(_ query: String, limit: Int) async throws -> [SearchHit]

    /// Replaces the stored claims of story `storyID` with `claims` (and their links), computed
    /// from the story's `articleCount` articles, in one transaction. Nothing is written (the
    /// answer is false) when the story has since gained articles: stored claims always
    /// describe the story's current articles. An article joining the story deletes them
    /// (`add`), so they are computed again. Throws when there is no such story.
    @discardableResult
    func saveClaims(storyID: Int64, claims: [Claim], articleCount: Int) async throws -> Bool

    /// The stored claims of a story, in the order they were saved, each with its links; nil
    /// when none are stored (never computed, or invalidated by a new article).
    func claims(inStory id: Int64) async throws -> StoredClaims?

    /// One stored claim with its links and story, nil when no stored claim has this id.
    func claim(id: String) async throws -> StoredClaim?

    func counts() async throws -> StoreCounts

    /// Saves dense embeddings of stored articles (article id → vector) under `model` (a
    /// `TextEmbedder.identifier`), replacing any saved under the same model. A cache: an
    /// ingest that resumes reuses them instead of embedding the articles again. Ids of
    /// articles not stored are ignored.
    func saveEmbeddings(_ vectors: [String: [Float]], model: String) async throws

    /// The embeddings saved under `model` for these articles; articles without one are absent.
    func embeddings(of articleIDs: [String], model: String) async throws -> [String: [Float]]
}

extension StoryStore {
    /// A store that holds no connection of its own (SQLite's close with the last reference).
    public func close() async {}

    /// The id of the stored article that `article` duplicates, or nil when it is new.
    public func storedDuplicate(of article: Article) async throws -> String? {
        try await storedDuplicates(of: [ArticleKeys(article)]).first ?? nil
    }

    /// Stores the article and places it in a story, in one transaction: either both are
    /// stored or neither. A duplicate is not stored (`.duplicate`).
    public func add(_ article: Article, placement: StoryPlacement) async throws -> AddResult {
        guard let result = try await add([ArticlePlacement(article, placement)]).first else {
            throw StoreError(store: description, message: "no result for article \(article.id)")
        }
        return result
    }
}

/// An article and the story it goes to, one item of `StoryStore.add(_:)`.
public struct ArticlePlacement: Sendable {
    public var article: Article
    public var placement: StoryPlacement
    /// The article's keys, when the caller has them already (they cost a pass over the text).
    public var keys: ArticleKeys

    public init(_ article: Article, _ placement: StoryPlacement, keys: ArticleKeys? = nil) {
        self.article = article
        self.placement = placement
        self.keys = keys ?? ArticleKeys(article)
    }
}

/// What an article is recognised by when it comes again (`ArticleFingerprint`), computed once
/// and passed along: the duplicate checks and the stored row use the same values.
public struct ArticleKeys: Sendable, Hashable {
    public var contentHash: String
    public var canonicalURL: String?

    public init(_ article: Article) {
        contentHash = ArticleFingerprint.contentHash(article)
        canonicalURL = ArticleFingerprint.canonicalURL(article)
    }
}

/// Where an article goes: a story of its own, or an existing one.
public enum StoryPlacement: Sendable, Hashable {
    /// Open a new story (its id is chosen by the store).
    case newStory
    /// Join a stored story; `similarity` is the clusterer's score, `copyOf` the id of an
    /// earlier article this one copies (syndication), if any.
    case story(id: Int64, similarity: Double?, copyOf: String?)
    /// Join the story of article `articleID`: one stored before, or one placed earlier in the
    /// same batch, so a batch can fill a story it opens. When that article was not stored
    /// (it was a duplicate), this one opens a new story in its place.
    case storyOf(articleID: String, similarity: Double?, copyOf: String?)
}

public enum AddResult: Sendable, Hashable {
    /// Stored, in story `storyID`; `openedStory` when the story was created for it.
    case added(storyID: Int64, openedStory: Bool)
    /// Not stored: the store already holds it as article `existingID`.
    case duplicate(existingID: String)
}

/// A story as stored: a group of articles about one event. Its id never changes.
public struct StoredStory: Sendable, Hashable, Codable {
    public var id: Int64
    /// The headline of the article that opened the story (`Article.headline`: its title, or
    /// the opening words of its text when it has none).
    public var title: String
    public var firstPublished: Date?
    public var lastPublished: Date?
    public var articleCount: Int
    /// Body languages of its articles (ISO 639-1), sorted; `und` is left out.
    public var languages: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64, title: String, firstPublished: Date?, lastPublished: Date?, articleCount: Int,
                languages: [String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.title = title
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.articleCount = articleCount
        self.languages = languages
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    // Nullable fields are written as null, never left out (as in every Parallax output).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(firstPublished, forKey: .firstPublished)
        try c.encode(lastPublished, forKey: .lastPublished)
        try c.encode(articleCount, forKey: .articleCount)
        try c.encode(languages, forKey: .languages)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

extension StoredStory {
    /// A story opened by `article` at `now`; `id` is the one the store assigned.
    public init(openedBy article: Article, id: Int64, at now: Date) {
        self.init(id: id, title: article.headline, firstPublished: article.published, lastPublished: article.published,
                  articleCount: 1, languages: StoredStory.knownLanguage(article).map { [$0] } ?? [], createdAt: now, updatedAt: now)
    }

    /// The story once `article` has joined it at `now`. Every backend updates a story this way.
    public mutating func absorb(_ article: Article, at now: Date) {
        articleCount += 1
        if let published = article.published {
            firstPublished = min(firstPublished ?? published, published)
            lastPublished = max(lastPublished ?? published, published)
        }
        if let language = StoredStory.knownLanguage(article), !languages.contains(language) {
            languages = (languages + [language]).sorted()
        }
        updatedAt = now
    }

    private static func knownLanguage(_ article: Article) -> String? {
        guard let language = article.language, !language.isEmpty, language != "und" else { return nil }
        return language
    }
}

/// An article as stored, with its place in a story.
public struct StoredArticle: Sendable, Hashable {
    public var article: Article
    public var contentHash: String
    public var ingestedAt: Date
    public var storyID: Int64
    /// The clusterer's score when the article joined its story (nil when it opened it).
    public var similarity: Double?
    /// The earlier article this one copies, if any.
    public var copyOf: String?

    public init(article: Article, contentHash: String, ingestedAt: Date, storyID: Int64, similarity: Double?, copyOf: String?) {
        self.article = article
        self.contentHash = contentHash
        self.ingestedAt = ingestedAt
        self.storyID = storyID
        self.similarity = similarity
        self.copyOf = copyOf
    }
}

/// One search result.
public struct SearchHit: Sendable, Hashable, Codable {
    public var articleID: String
    public var storyID: Int64?
    public var title: String
    public var source: String
    public var url: String?
    public var published: Date?
    public var language: String?
    /// Relevance: higher is better, comparable within one query and one backend (SQLite: the
    /// negated BM25 score; PostgreSQL: `ts_rank`).
    public var score: Double
    /// A few words around the matches, each match between `SearchHit.matchStart` and
    /// `SearchHit.matchEnd`: control characters that cannot occur in article text, so a
    /// renderer can escape the text first and mark the matches after.
    public var snippet: String

    public static let matchStart = "\u{2}"
    public static let matchEnd = "\u{3}"

    public init(articleID: String, storyID: Int64?, title: String, source: String, url: String?, published: Date?,
                language: String?, score: Double, snippet: String) {
        self.articleID = articleID
        self.storyID = storyID
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.language = language
        self.score = score
        self.snippet = snippet
    }

    /// The snippet with its matches marked by `open` and `close`.
    public func snippet(open: String, close: String) -> String {
        snippet.replacingOccurrences(of: SearchHit.matchStart, with: open).replacingOccurrences(of: SearchHit.matchEnd, with: close)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articleID, forKey: .articleID)
        try c.encode(storyID, forKey: .storyID)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(published, forKey: .published)
        try c.encode(language, forKey: .language)
        try c.encode(score, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
    }
}

/// The claims of one story as stored, and what they were computed from.
public struct StoredClaims: Sendable, Hashable {
    public var storyID: Int64
    /// The story's article count when they were computed (always its current one: see
    /// `StoryStore.saveClaims`).
    public var articleCount: Int
    public var computedAt: Date
    public var claims: [Claim]

    public init(storyID: Int64, articleCount: Int, computedAt: Date, claims: [Claim]) {
        self.storyID = storyID
        self.articleCount = articleCount
        self.computedAt = computedAt
        self.claims = claims
    }
}

/// One stored claim and the story it belongs to.
public struct StoredClaim: Sendable, Hashable {
    public var storyID: Int64
    public var claim: Claim

    public init(storyID: Int64, claim: Claim) {
        self.storyID = storyID
        self.claim = claim
    }
}

public struct StoreCounts: Sendable, Hashable, Codable {
    public var articles: Int
    public var stories: Int

    public init(articles: Int, stories: Int) {
        self.articles = articles
        self.stories = stories
    }
}

/// A store failure (cannot open, full disk, corrupt file…), as one line naming the store.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var store: String
    public var message: String

    public init(store: String, message: String) {
        self.store = store
        self.message = message
    }

    public var description: String { "\(store): \(message)" }
}

/// The two keys by which an article is recognised as already stored. Every backend uses
/// these, so a store filled by one backend deduplicates the same way in another.
public enum ArticleFingerprint {
    /// 32 hex digits identifying the article's content: the title and text, case-folded,
    /// with whitespace runs collapsed (so a re-extraction that only differs in spacing is
    /// the same article). Two 64-bit FNV-1a hashes with different seeds: 128 bits, so
    /// collisions are out of reach for any realistic store.
    public static func contentHash(_ article: Article) -> String {
        // The normalized text's UTF-8, after the second hash's seed byte (U+0001), built in one
        // pass over the scalars: this runs for every article added. Case-folding scalar by
        // scalar is what `String.lowercased()` does; whitespace is tested on scalars, not
        // Characters, which differs only for whitespace followed by combining marks. A test
        // pins the hash of a fixed article, so stores keep recognising what they hold.
        var bytes: [UInt8] = [0x01]
        bytes.reserveCapacity(article.title.utf8.count + article.text.utf8.count + 2)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if isWhitespace(scalar) {
                pendingSpace = bytes.count > 1
                return
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        for scalar in article.title.unicodeScalars { append(scalar) }
        append("\n")
        for scalar in article.text.unicodeScalars { append(scalar) }
        return hex(StableHash.fnv1a64(bytes[1...])) + hex(StableHash.fnv1a64(bytes))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Unicode White_Space, answered without the property table for ASCII (tab to carriage
    /// return, and space), which is nearly all the whitespace of real text.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The URL that names the article: its canonical URL, else the URL it was read from,
    /// without surrounding whitespace or `#fragment` (which names a place in the page, not
    /// another page). Nil for articles read from files.
    public static func canonicalURL(_ article: Article) -> String? {
        guard var url = (article.canonicalURL ?? article.url)?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
            return nil
        }
        if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
        return url.isEmpty ? nil : url
    }
}
