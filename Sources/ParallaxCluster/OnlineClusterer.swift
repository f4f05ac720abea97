import Foundation
import ParallaxCore
import ParallaxLanguage

/// One article of a stream to cluster.
public struct StreamArticle: Sendable, Hashable {
    public var id: String
    public var title: String
    public var text: String
    /// ISO 639-1 code; nil to identify it from the text.
    public var language: String?
    public var published: Date?

    public init(id: String, title: String = "", text: String, language: String? = nil, published: Date? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.language = language
        self.published = published
    }
}

extension StreamArticle {
    /// From a JSON Lines record {"id", "title"?, "text", "lang"?, "published"?}.
    public init(record: JSONRecord) throws(RecordError) {
        self.init(id: try record.required("id"), title: try record.string("title") ?? "", text: try record.text("text"),
                  language: try record.string("lang"), published: try record.date("published"))
    }
}

/// A language identifier that knows no language: for when no model is at hand.
public struct UndeterminedLanguage: LanguageIdentifier {
    public init() {}
    public func identify(_ text: String) -> LanguageGuess { .undetermined }
}

/// Where the clusterer put an article.
public struct ClusterAssignment: Sendable, Hashable {
    public var articleID: String
    /// Stable id of the story ("story-1", "story-2", … in order of opening).
    public var story: String
    /// True when the article opened the story.
    public var opened: Bool
    /// Score of the story it joined (nil when it opened a new one).
    public var similarity: Double?
    /// The earlier article this one copies (syndication or a light rewrite), if any.
    public var copyOf: String?
}

/// Single-pass clustering of a news stream into stories, in the spirit of Miranda et al.
/// 2018: each article is compared with the candidate stories that share its heaviest
/// features (through an inverted index over live stories), joins the best one when the
/// score reaches the threshold, else opens a new story. Stories not updated within the
/// time window (by publication date, or by stream position when there are too many) are
/// evicted, so memory stays bounded on an endless stream.
public struct OnlineClusterer: Sendable {
    public let parameters: ClusterParameters
    public let model: SimilarityModel
    public private(set) var extractor: FeatureExtractor
    public private(set) var weighting: FeatureWeighting
    private let identifier: any LanguageIdentifier
    private var copies: NearDuplicateDetector
    private var stories: [Int: Story] = [:]
    private var index: [UInt64: [Int]] = [:]
    private var storiesOpened = 0
    private var position = 0
    private var latestPublished: Date?

    public init(parameters: ClusterParameters = .standard, model: SimilarityModel = SimilarityModel(),
                extractor: FeatureExtractor = FeatureExtractor(), identifier: any LanguageIdentifier) {
        self.parameters = parameters
        self.model = model
        self.extractor = extractor
        self.weighting = FeatureWeighting(maximumLength: extractor.parameters.maximumVectorLength)
        self.identifier = identifier
        self.copies = NearDuplicateDetector(threshold: parameters.copyJaccard, capacity: parameters.maximumLiveStories)
    }

    /// Stories currently in the index.
    public var liveStories: Int { stories.count }
    /// Stories opened since the start of the stream.
    public var openedStories: Int { storiesOpened }

    private mutating func counts(_ article: StreamArticle) -> FeatureCounts {
        let language = article.language ?? identifier.identify(article.title + "\n" + article.text).code
        return extractor.counts(title: article.title, text: article.text, language: language, published: article.published)
    }

    /// Places one article; articles should come in publication order.
    public mutating func add(_ article: StreamArticle) -> ClusterAssignment {
        add(article, counts: counts(article))
    }

    /// Places an article whose features were already counted (by `ParallelFeatureCounter`,
    /// on other threads: counting needs nothing of the stream, placing needs all of it).
    public mutating func add(_ article: StreamArticle, counts: FeatureCounts) -> ClusterAssignment {
        position += 1
        if let published = article.published, published > (latestPublished ?? .distantPast) { latestPublished = published }
        weighting.learn(counts)
        let features = weighting.weigh(counts)
        let signature = MinHashSignature(shingles: counts.shingles)

        var chosen: (story: Int, score: Double)?
        let original = copies.original(of: signature)
        if let original, stories[original.tag] != nil {
            chosen = (original.tag, 1)
        } else if let best = bestStory(for: features), best.score >= parameters.threshold {
            chosen = best
        }

        let number: Int
        if let chosen {
            number = chosen.story
            join(number, features)
        } else {
            storiesOpened += 1
            number = storiesOpened
            stories[number] = Story(features, position: position, limit: parameters.centroidTerms)
            reindex(number)
        }
        copies.insert(id: article.id, tag: number, signature: signature)
        if position % 256 == 0 || stories.count > parameters.maximumLiveStories { evict() }
        return ClusterAssignment(articleID: article.id, story: "story-\(number)", opened: chosen == nil,
                                 similarity: chosen?.score, copyOf: original?.id)
    }

    /// Score of an article against a story: the pair model over the story's centroid, plus
    /// the cross-lingual allowance when the story is in other languages only, less the time
    /// evidence when the story's dates are far from the article's.
    public func score(_ features: ArticleFeatures, _ story: Story) -> Double {
        let components = SimilarityComponents(features, story: story)
        var z = model.logit(components)
        if components.crossLingual { z += parameters.crossLingualBonus }
        if let published = features.published, let first = story.firstPublished, let last = story.lastPublished {
            let days = max(0, first.timeIntervalSince(published), published.timeIntervalSince(last)) / 86_400
            z -= parameters.timeWeight * (1 - exp(-days / parameters.timeScaleDays))
        }
        return 1 / (1 + exp(-z))
    }

    private func bestStory(for features: ArticleFeatures) -> (story: Int, score: Double)? {
        var shared: [Int: Int] = [:]
        for key in Story.indexKeys(features.terms, features.names, features.entities, features.numbers, features.dates,
                                   limit: parameters.lookupFeatures) {
            guard let postings = index[key], postings.count <= OnlineClusterer.commonFeaturePostings else { continue }
            for story in postings { shared[story, default: 0] += 1 }
        }
        var best: (story: Int, score: Double)?
        let candidates = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(parameters.maximumCandidates)
        for (number, _) in candidates {
            guard let story = stories[number] else { continue }
            let s = score(features, story)
            if s > (best?.score ?? -1) { best = (number, s) }
        }
        return best
    }

    /// A feature posted by more live stories than this is too common to find candidates.
    static let commonFeaturePostings = 1_000

    private mutating func join(_ number: Int, _ features: ArticleFeatures) {
        let (position, limit) = (self.position, parameters.centroidTerms)
        stories[number]?.add(features, position: position, limit: limit)
        reindex(number)
    }

    /// Posts the story under its current heaviest features, withdrawing those it lost.
    private mutating func reindex(_ number: Int) {
        guard var story = stories[number] else { return }
        let c = story.sums
        let keys = Set(Story.indexKeys(c.terms, c.names, c.entities, c.numbers, c.dates, limit: parameters.centroidTerms))
        for key in story.indexed.subtracting(keys) { unpost(key, number) }
        for key in keys.subtracting(story.indexed) { index[key, default: []].append(number) }
        story.indexed = keys
        stories[number] = story
    }

    private mutating func unpost(_ key: UInt64, _ number: Int) {
        guard var postings = index[key] else { return }
        if let i = postings.lastIndex(of: number) { postings.remove(at: i) }
        index[key] = postings.isEmpty ? nil : postings
    }

    /// Drops stories outside the time window, then the least recently updated ones beyond
    /// the live-story cap.
    private mutating func evict() {
        var expired: [Int] = []
        if let now = latestPublished {
            let horizon = now.addingTimeInterval(-parameters.windowDays * 86_400)
            expired = stories.compactMap { number, story in (story.lastPublished.map { $0 < horizon } ?? false) ? number : nil }
        }
        let excess = stories.count - expired.count - parameters.maximumLiveStories
        if excess > 0 {
            // Make room for a while (a tenth of the cap) so eviction does not run on every article.
            let expiredSet = Set(expired)
            let byAge = stories.filter { !expiredSet.contains($0.key) }.sorted { $0.value.lastPosition < $1.value.lastPosition }
            expired += byAge.prefix(excess + parameters.maximumLiveStories / 10).map(\.key)
        }
        for number in expired {
            guard let story = stories.removeValue(forKey: number) else { continue }
            for key in story.indexed { unpost(key, number) }
        }
    }
}

/// A story being built: the running sums of its articles' feature vectors (the centroid,
/// capped to the heaviest features) and its time span.
public struct Story: Sendable {
    public internal(set) var sums: ArticleFeatures
    public internal(set) var languages: Set<String>
    public internal(set) var articles: Int
    public internal(set) var firstPublished: Date?
    public internal(set) var lastPublished: Date?
    public internal(set) var lastPosition: Int
    var indexed: Set<UInt64> = []

    init(_ features: ArticleFeatures, position: Int, limit: Int) {
        sums = features
        languages = features.language == "und" ? [] : [features.language]
        articles = 1
        firstPublished = features.published
        lastPublished = features.published
        lastPosition = position
        cap(limit)
    }

    /// Norms of the centroid sums, per feature family (kept with the sums, so scoring an
    /// article against the story needs one dot product per family).
    public internal(set) var norms = FeatureNorms()

    mutating func add(_ features: ArticleFeatures, position: Int, limit: Int) {
        sums.terms = sums.terms.adding(features.terms)
        sums.wordGrams = sums.wordGrams.adding(features.wordGrams)
        sums.names = sums.names.adding(features.names)
        sums.entities = sums.entities.adding(features.entities)
        sums.numbers = sums.numbers.adding(features.numbers)
        sums.dates = sums.dates.adding(features.dates)
        if features.language != "und" { languages.insert(features.language) }
        articles += 1
        if let published = features.published {
            firstPublished = min(firstPublished ?? published, published)
            lastPublished = max(lastPublished ?? published, published)
        }
        lastPosition = position
        cap(limit)
    }

    private mutating func cap(_ limit: Int) {
        sums.terms = sums.terms.top(limit)
        sums.wordGrams = sums.wordGrams.top(4 * limit)
        sums.names = sums.names.top(limit)
        sums.entities = sums.entities.top(limit)
        sums.numbers = sums.numbers.top(limit)
        sums.dates = sums.dates.top(limit)
        norms = FeatureNorms(terms: sums.terms.norm, wordGrams: sums.wordGrams.norm, names: sums.names.norm,
                             entities: sums.entities.norm, numbers: sums.numbers.norm, dates: sums.dates.norm)
    }

    /// The features a story is found by: its heaviest terms and names, and every entity,
    /// number and date (these are rarer and survive translation).
    static func indexKeys(_ terms: SparseVector, _ names: SparseVector, _ entities: SparseVector, _ numbers: SparseVector,
                          _ dates: SparseVector, limit: Int) -> [UInt64] {
        terms.keysByWeight(limit: limit) + names.keysByWeight(limit: limit) + entities.keysByWeight(limit: limit)
            + numbers.keysByWeight(limit: limit) + dates.keysByWeight(limit: limit)
    }
}

/// Euclidean norms of a story's centroid sums.
public struct FeatureNorms: Sendable, Hashable {
    public var terms: Float = 0
    public var wordGrams: Float = 0
    public var names: Float = 0
    public var entities: Float = 0
    public var numbers: Float = 0
    public var dates: Float = 0
}
