import Foundation
import ParallaxCluster
import ParallaxCore
import ParallaxExtract
import ParallaxStore

/// What happened to one input article during an ingest.
public enum IngestEvent: Sendable {
    /// Stored in story `storyID` (opened for it when `openedStory`).
    case stored(Article, storyID: Int64, openedStory: Bool)
    /// Already in the store (same canonical URL or same content) as `existingID`; not stored again.
    case duplicate(Article, existingID: String)
    /// Could not be read, extracted or decoded; the rest of the batch goes on.
    case failed(ParallaxError)
}

/// Counts of one ingest run.
public struct IngestSummary: Sendable, Hashable {
    public var stored = 0
    public var duplicates = 0
    public var failed = 0
    public var storiesOpened = 0
    /// Distinct stories that received an article in this run (opened or joined).
    public var storiesTouched: Set<Int64> = []
    /// Stored articles replayed through the clusterer before the run (see `StoryIngester.resume`).
    public var resumed = 0
    /// Replayed articles whose embedding was read from the store instead of computed again.
    public var embeddingsReused = 0

    public init() {}
}

public struct IngestOptions: Sendable {
    public var clustering: ClusterParameters
    /// `.full` counts the annotator's entities (aliases across languages) and resolved dates
    /// as features: slower than `.fast`, but it links reports across languages, which is
    /// what a store of stories is for.
    public var features: FeatureExtractor.Depth
    /// Articles extracted, then feature-counted together on all cores, before they are
    /// clustered and stored one by one.
    public var batchSize: Int
    /// At most this many stored articles are replayed on start-up (the most recent ones of
    /// the time window), bounding start-up time on a large store.
    public var resumeLimit: Int
    /// Publication dates for inputs whose text gives none, by source (the input as given) or
    /// by file name; the article's own date wins.
    public var publicationDates: [String: Date]
    /// Dense embeddings for the clusterer (as `parallax cluster --embedder`): reports in
    /// different languages and scripts join by meaning. Each stored article's embedding is
    /// saved with it (under the embedder's `identifier`), so `resume` reads them instead of
    /// embedding the replayed articles again; it embeds only those without one.
    public var embedder: (any TextEmbedder)?

    public init(clustering: ClusterParameters = .standard, features: FeatureExtractor.Depth = .full, batchSize: Int = 32,
                resumeLimit: Int = 20_000, publicationDates: [String: Date] = [:], embedder: (any TextEmbedder)? = nil) {
        self.clustering = clustering
        self.features = features
        self.batchSize = batchSize
        self.resumeLimit = resumeLimit
        self.publicationDates = publicationDates
        self.embedder = embedder
    }
}

/// Read → extract → identify → annotate → cluster → store, one article at a time into the
/// store, so an interrupted run keeps everything it committed and a second run continues
/// the same stories.
///
/// The clusterer lives in memory. `resume()` rebuilds it from the store: the articles of
/// the time window are counted again from their stored text and replayed in ingestion
/// order, and each of the clusterer's stories is mapped to the stored story of the first
/// replayed article it holds. New articles that join a replayed story join that stored
/// story; ids of stored stories never change. Run one ingest per store at a time: two
/// would each cluster without seeing the other's new articles.
///
/// A batch is written while the next one is read, counted and clustered (the write is a
/// task of its own, awaited before the next write starts), so the store's time and the
/// clusterer's overlap. Its events come once it is written, always before an ingest call
/// returns. The clusterer never waits for a story id: an article joining a story the
/// store has not answered for yet names the article that opened it (`.storyOf`).
public struct StoryIngester {
    public let pipeline: Pipeline
    public let store: any StoryStore
    public let options: IngestOptions
    private var clusterer: OnlineClusterer
    private var counter: ParallelFeatureCounter
    /// The clusterer's story labels ("story-3") → ids of stored stories.
    private var storedStory: [String: Int64] = [:]
    /// Labels of stories opened by articles whose write is not answered yet → those articles.
    private var openedBy: [String: String] = [:]
    /// The batch being written.
    private var pending: PendingWrite?
    public private(set) var summary = IngestSummary()

    /// A batch handed to the store (with its articles' embeddings) and not yet answered.
    private struct PendingWrite {
        var task: Task<[AddResult], Error>
        var placements: [ArticlePlacement]
        var labels: [String]
    }

    /// Articles by their keys (content hash, canonical URL): those of the batch being placed
    /// and of the batch being written, whose duplicates the store cannot see yet.
    private struct UnstoredKeys {
        private var byHash: [String: String] = [:], byURL: [String: String] = [:]

        init(_ placements: [ArticlePlacement]) {
            for item in placements { insert(item.keys, id: item.article.id) }
        }

        /// The id of an earlier article with one of these keys.
        func existing(_ keys: ArticleKeys) -> String? {
            byHash[keys.contentHash] ?? keys.canonicalURL.flatMap { byURL[$0] }
        }

        mutating func insert(_ keys: ArticleKeys, id: String) {
            byHash[keys.contentHash] = id
            if let url = keys.canonicalURL { byURL[url] = id }
        }
    }

    public init(pipeline: Pipeline, store: any StoryStore, options: IngestOptions = IngestOptions()) {
        self.pipeline = pipeline
        self.store = store
        self.options = options
        let extractor = FeatureExtractor(depth: options.features, annotator: pipeline.annotator)
        clusterer = OnlineClusterer(parameters: options.clustering, extractor: extractor, identifier: pipeline.identifier)
        counter = ParallelFeatureCounter(extractor: extractor, identifier: pipeline.identifier)
    }

    /// Replays the stored articles of the clusterer's time window; returns how many.
    public mutating func resume() async throws -> Int {
        let recent = try await store.recentArticles(windowDays: options.clustering.windowDays, limit: options.resumeLimit)
        var start = 0
        while start < recent.count {
            let batch = Array(recent[start..<min(start + options.batchSize, recent.count)])
            let articles = batch.map { StoryIngester.streamArticle($0.article) }
            var counts = counter.counts(articles)
            if let embedder = options.embedder {
                let saved = try await store.embeddings(of: articles.map(\.id), model: embedder.identifier)
                for (index, article) in articles.enumerated() {
                    guard let vector = saved[article.id], vector.count == embedder.dimension else { continue }
                    counts[index].embedding = vector
                    summary.embeddingsReused += 1
                }
                let missing = articles.indices.filter { counts[$0].embedding == nil }
                try embed(articles, into: &counts)
                // Saved now, so the next start finds them.
                var computed: [String: [Float]] = [:]
                for index in missing { computed[articles[index].id] = counts[index].embedding }
                try await store.saveEmbeddings(computed, model: embedder.identifier)
            }
            for (stored, counts) in zip(batch, counts) {
                let assignment = clusterer.add(StoryIngester.streamArticle(stored.article), counts: counts)
                if storedStory[assignment.story] == nil { storedStory[assignment.story] = stored.storyID }
            }
            start += batch.count
        }
        summary.resumed += recent.count
        return recent.count
    }

    /// With an embedder, the embedding of each article whose counts have none (counts made
    /// upstream by `parallax pipe … annotate` have none either). An embedder that fails
    /// stops the run before the batch is placed: nothing of it is stored half-clustered.
    private func embed(_ articles: [StreamArticle], into counts: inout [FeatureCounts]) throws {
        guard let embedder = options.embedder else { return }
        let missing = counts.indices.filter { counts[$0].embedding == nil }
        guard !missing.isEmpty else { return }
        let vectors = try embedder.vectors(for: missing.map { ParallelFeatureCounter.embeddingText(articles[$0]) })
        for (index, vector) in zip(missing, vectors) { counts[index].embedding = vector }
    }

    /// Ingests files, directories (recursively), `-` (standard input) and JSON Lines files
    /// (`.jsonl`, `.ndjson`; one article a line). Bad inputs become `.failed` events and the
    /// rest goes on; only a store failure (disk full, file not writable) or a failing
    /// embedder throws.
    public mutating func ingest(_ inputs: [String], onEvent: (IngestEvent) -> Void = { _ in }) async throws -> IngestSummary {
        var batch: [Result<Article, ParallaxError>] = []
        for input in IngestInputs(inputs, reader: pipeline.reader) {
            batch.append(article(from: input).map(dated))
            if batch.count >= options.batchSize {
                try await place(batch, onEvent)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await place(batch, onEvent)
        try await finishWrite(onEvent)
        return summary
    }

    /// Ingests documents read elsewhere (pages fetched from the web) like files. An article
    /// whose text and `publicationDates` give no date gets `fallbackDates[document.source]`
    /// (a feed item's date, say).
    public mutating func ingest(documents: [Result<RawDocument, ParallaxError>], fallbackDates: [String: Date] = [:],
                                onEvent: (IngestEvent) -> Void = { _ in }) async throws -> IngestSummary {
        var batch: [Result<Article, ParallaxError>] = []
        for document in documents {
            batch.append(article(from: .document(document)).map(dated).map { article in
                guard article.published == nil, let date = fallbackDates[article.source] else { return article }
                var dated = article
                dated.published = date
                return dated
            })
            if batch.count >= options.batchSize {
                try await place(batch, onEvent)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await place(batch, onEvent)
        try await finishWrite(onEvent)
        return summary
    }

    private func article(from input: IngestInputs.Item) -> Result<Article, ParallaxError> {
        switch input {
        case .document(let result):
            return result.flatMap { document in
                do throws(ParallaxError) { return .success(try pipeline.extractor.extract(document)) } catch { return .failure(error) }
            }
        case .record(let result):
            return result
        }
    }

    private func dated(_ article: Article) -> Article {
        guard article.published == nil, !options.publicationDates.isEmpty else { return article }
        var article = article
        article.published = options.publicationDates[article.source]
            ?? options.publicationDates[URL(fileURLWithPath: article.source).lastPathComponent]
        return article
    }

    /// A JSON Lines record has no extractor to identify its languages (an extracted article
    /// has at least one segment): the title and each paragraph get theirs here, and the
    /// article the record's `lang` or the text's. Done after de-duplication, which needs none of it.
    static func identified(_ article: Article, identifier: any LanguageIdentifier) -> Article {
        var article = article
        var segments: [Segment] = []
        if !article.title.isEmpty {
            let guess = identifier.identify(article.title)
            segments.append(Segment(kind: .title, text: article.title, language: guess.code, confidence: guess.confidence))
        }
        for paragraph in article.paragraphs {
            let guess = identifier.identify(paragraph)
            segments.append(Segment(kind: .paragraph, text: paragraph, language: guess.code, confidence: guess.confidence))
        }
        article.segments = segments
        if article.language == nil { article.language = identifier.identify(article.text).code }
        return article
    }

    /// De-duplicates a batch against the store, the batch being written and itself, counts
    /// the new articles' features on all cores, clusters them one by one, and hands them to
    /// the store to be written in one transaction while the next batch is prepared.
    /// Features already counted upstream (`parallax pipe … annotate`), by article id, are
    /// not counted again.
    mutating func place(_ batch: [Result<Article, ParallaxError>], counted: [String: FeatureCounts] = [:],
                        _ onEvent: (IngestEvent) -> Void) async throws {
        var articles: [Article] = [], events: [IngestEvent] = []
        for result in batch {
            switch result {
            case .failure(let error):
                summary.failed += 1
                events.append(.failed(error))
            case .success(let article):
                articles.append(article)
            }
        }
        var fresh: [Article] = [], freshKeys: [String: ArticleKeys] = [:]
        var unstored = UnstoredKeys(pending?.placements ?? [])
        let batchKeys = articles.map(ArticleKeys.init)
        for ((article, keys), stored) in zip(zip(articles, batchKeys), try await store.storedDuplicates(of: batchKeys)) {
            if let existing = stored ?? unstored.existing(keys) {
                summary.duplicates += 1
                events.append(.duplicate(article, existingID: existing))
                continue
            }
            unstored.insert(keys, id: article.id)
            fresh.append(article)
            freshKeys[article.id] = keys
        }
        fresh = fresh.map { $0.segments.isEmpty ? StoryIngester.identified($0, identifier: pipeline.identifier) : $0 }
        var counting = counter.counts(fresh.filter { counted[$0.id] == nil }.map(StoryIngester.streamArticle)).makeIterator()
        var counts = fresh.map { counted[$0.id] ?? counting.next()! }
        try embed(fresh.map(StoryIngester.streamArticle), into: &counts)
        var placements: [ArticlePlacement] = [], labels: [String] = []
        for (article, counts) in zip(fresh, counts) {
            let assignment = clusterer.add(StoryIngester.streamArticle(article), counts: counts)
            let placement: StoryPlacement
            if let story = storedStory[assignment.story] {
                placement = .story(id: story, similarity: assignment.similarity, copyOf: assignment.copyOf)
            } else if let opener = openedBy[assignment.story] {
                placement = .storyOf(articleID: opener, similarity: assignment.similarity, copyOf: assignment.copyOf)
            } else {
                placement = .newStory
                openedBy[assignment.story] = article.id
            }
            placements.append(ArticlePlacement(article, placement, keys: freshKeys[article.id]))
            labels.append(assignment.story)
        }
        try await finishWrite(onEvent)
        for event in events { onEvent(event) }
        guard !placements.isEmpty else { return }
        let store = self.store
        let embeddings = Dictionary(zip(fresh, counts).compactMap { article, counts in counts.embedding.map { (article.id, $0) } },
                                    uniquingKeysWith: { first, _ in first })
        let model = options.embedder?.identifier
        pending = PendingWrite(task: Task {
            let results = try await store.add(placements)
            // The embeddings of the articles now stored, for a later resume (a cache beside
            // the articles: an article stored without one is embedded again on resume).
            if let model {
                var stored: [String: [Float]] = [:]
                for (placement, result) in zip(placements, results) {
                    if case .added = result, let vector = embeddings[placement.article.id] { stored[placement.article.id] = vector }
                }
                try await store.saveEmbeddings(stored, model: model)
            }
            return results
        }, placements: placements, labels: labels)
    }

    /// Waits for the batch being written and reports its articles.
    mutating func finishWrite(_ onEvent: (IngestEvent) -> Void) async throws {
        guard let write = pending else { return }
        pending = nil
        let results = try await write.task.value
        for ((item, label), result) in zip(zip(write.placements, write.labels), results) {
            switch result {
            case .added(let story, let opened):
                storedStory[label] = story
                openedBy[label] = nil
                summary.stored += 1
                summary.storiesTouched.insert(story)
                if opened { summary.storiesOpened += 1 }
                onEvent(.stored(item.article, storyID: story, openedStory: opened))
            case .duplicate(let existing):
                // Stored by another writer since the check above.
                summary.duplicates += 1
                onEvent(.duplicate(item.article, existingID: existing))
            }
        }
    }

    static func streamArticle(_ article: Article) -> StreamArticle {
        StreamArticle(id: article.id, title: article.title, text: article.text,
                      language: article.language == "und" ? nil : article.language, published: article.published)
    }
}

extension Pipeline {
    /// An ingester into `store` through this pipeline's stages.
    public func ingester(into store: any StoryStore, options: IngestOptions = IngestOptions()) -> StoryIngester {
        StoryIngester(pipeline: self, store: store, options: options)
    }

    /// A stored story, its articles, and the comparison report of those articles. The
    /// report's claims are saved in the store, so the API serves them without comparing the
    /// story again until it gains an article.
    public func storyDetail(_ id: Int64, in store: any StoryStore) async throws -> StoryDetail? {
        guard let story = try await store.story(id: id) else { return nil }
        let articles = try await store.articles(inStory: id)
        let report = compare(articles.map(\.article))
        // A cache: a store that cannot be written (read-only file, busy) still shows the story.
        _ = try? await store.saveClaims(storyID: id, claims: report.claims, articleCount: articles.count)
        return StoryDetail(story: story, articles: articles.map(StoryDetail.Member.init), report: report)
    }
}

/// `parallax story ID --format json`: `{"story", "articles", "report"}`.
public struct StoryDetail: Sendable, Codable {
    public var story: StoredStory
    public var articles: [Member]
    public var report: StoryReport

    /// One article of the story: where it came from and how it joined.
    public struct Member: Sendable, Codable {
        public var id: String
        public var source: String
        public var url: String?
        public var canonicalURL: String?
        public var title: String
        /// The title, or the opening words of the text when there is none (`Article.headline`).
        public var headline: String
        public var published: Date?
        public var language: String?
        public var site: String?
        public var byline: String?
        public var words: Int
        public var ingestedAt: Date
        public var similarity: Double?
        public var copyOf: String?

        public init(_ stored: StoredArticle) {
            let article = stored.article
            id = article.id
            source = article.source
            url = article.url
            canonicalURL = article.canonicalURL
            title = article.title
            headline = article.headline
            published = article.published
            language = article.language
            site = article.site
            byline = article.byline
            words = article.wordCount
            ingestedAt = stored.ingestedAt
            similarity = stored.similarity
            copyOf = stored.copyOf
        }

        // Nullable fields are written as null, never left out.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode(canonicalURL, forKey: .canonicalURL)
            try c.encode(title, forKey: .title)
            try c.encode(headline, forKey: .headline)
            try c.encode(published, forKey: .published)
            try c.encode(language, forKey: .language)
            try c.encode(site, forKey: .site)
            try c.encode(byline, forKey: .byline)
            try c.encode(words, forKey: .words)
            try c.encode(ingestedAt, forKey: .ingestedAt)
            try c.encode(similarity, forKey: .similarity)
            try c.encode(copyOf, forKey: .copyOf)
        }
    }
}
