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
    /// Feature by feature, how the article compared with the centroid of the story it joined
    /// (before joining it), as the score used them; nil when it opened a story or joined as a
    /// copy. The score also counts the time gap, the cross-language allowance and the check
    /// against the story's most similar recent member.
    public var evidence: SimilarityComponents? = nil
    /// Sentences left out when the story was chosen, because earlier reports printed them
    /// too (`RepeatedSentences`: an outlet's footer, a cookie notice).
    public var setAside: Int = 0
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
    /// Sentences earlier articles printed too (`ClusterParameters.repeatedSentences`).
    private var repeatedSentences: RepeatedSentences?
    private var stories: [Int: Story] = [:]
    /// Feature key → the slots of the live stories posted under it.
    private var index: [UInt64: [Int32]] = [:]
    /// Slot → number of the story holding it (0: free). Postings name slots, so counting the
    /// features an article shares with each story is an array increment, not a dictionary
    /// update (common features are posted by hundreds of stories).
    private var slotStories: [Int] = []
    private var freeSlots: [Int32] = []
    /// Slot → the story's embedding centroid at unit length (nil without embeddings): with
    /// embeddings, candidates are also found by meaning, for articles that share no lookup
    /// feature with their story (another script, another wording).
    private var slotEmbeddings: [[Float]?] = []
    /// Per slot, lookup features shared with the article being placed (all zero between articles).
    private var shared: [Int32] = []
    private var storiesOpened = 0
    private var position = 0
    private var latestPublished: Date?

    /// `model` nil: the standard weights, with those for centred embeddings when
    /// `parameters.centreEmbeddings` is set.
    public init(parameters: ClusterParameters = .standard, model: SimilarityModel? = nil,
                extractor: FeatureExtractor = FeatureExtractor(), identifier: any LanguageIdentifier) {
        self.parameters = parameters
        self.model = model ?? SimilarityModel(embeddingWeights: parameters.centreEmbeddings ? .withCentredEmbeddings : .withEmbeddings)
        self.extractor = extractor
        self.weighting = FeatureWeighting(maximumLength: extractor.parameters.maximumVectorLength)
        if parameters.centreEmbeddings { weighting.centring = LanguageCentring() }
        self.identifier = identifier
        self.copies = NearDuplicateDetector(threshold: parameters.copyJaccard, capacity: parameters.maximumLiveStories)
        self.repeatedSentences = parameters.repeatedSentences.map(RepeatedSentences.init)
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
        // Counted ahead, on other threads, from the whole text. Without the sentences other
        // reports printed too, the features are counted again (a few articles in a hundred)
        // to choose the story; the story then takes the whole text, which is its report.
        var own: FeatureCounts?
        var setAside = 0
        if let stripped = repeatedSentences?.strip(article.text) {
            setAside = stripped.sentences
            var ownArticle = article
            ownArticle.text = stripped.text
            if counts.language != "und" { ownArticle.language = counts.language }
            own = self.counts(ownArticle)
            own?.embedding = counts.embedding
        }
        position += 1
        if let published = article.published, published > (latestPublished ?? .distantPast) { latestPublished = published }
        weighting.learn(counts)
        let features = weighting.weigh(counts)
        let deciding = own.map { weighting.weigh($0) } ?? features
        let signature = counts.signature ?? MinHashSignature(shingles: counts.shingles)

        var chosen: (story: Int, score: Double)?
        var evidence: SimilarityComponents?
        let original = copies.original(of: signature)
        if let original, stories[original.tag] != nil {
            chosen = (original.tag, 1)
        } else if let best = bestStory(for: deciding), best.score >= parameters.threshold,
                  parameters.crossLanguageCheck?.passes(best.evidence) ?? true {
            chosen = (best.story, best.score)
            evidence = best.evidence
        }

        let number: Int
        if let chosen {
            number = chosen.story
            join(number, features)
        } else {
            storiesOpened += 1
            number = storiesOpened
            var story = Story(features, position: position, limit: parameters.centroidTerms)
            story.slot = takeSlot(number)
            stories[number] = story
            reindex(number)
        }
        copies.insert(id: article.id, tag: number, signature: signature)
        if position % 256 == 0 || stories.count > parameters.maximumLiveStories { evict() }
        return ClusterAssignment(articleID: article.id, story: "story-\(number)", opened: chosen == nil,
                                 similarity: chosen?.score, copyOf: original?.id, evidence: evidence, setAside: setAside)
    }

    /// Score of an article against a story: the pair model over the story's centroid, plus
    /// the cross-lingual allowance when the story is in other languages only, less the time
    /// evidence when the story's dates are far from the article's.
    ///
    /// A centroid blurs the events of one topic together (two crashes, two votes), so for a
    /// story of several articles the score also asks its most similar recent member: when
    /// that pair score is lower, the result moves towards it by `memberWeight`.
    public func score(_ features: ArticleFeatures, _ story: Story) -> Double {
        let article = ArticleLookup(features)
        return sigmoid(checked(centroidLogit(article, story), memberLogit(article, story)))
    }

    /// The centroid's logit lowered towards the best member's when that member agrees less:
    /// the check can stop a join, never make one.
    private func checked(_ centroid: Double, _ member: Double?) -> Double {
        guard let member else { return centroid }
        return centroid + parameters.memberWeight * min(0, member - centroid)
    }

    private func centroidLogit(_ features: ArticleLookup, _ story: Story) -> Double {
        adjustedLogit(SimilarityComponents(features, story: story), features.published, story.firstPublished, story.lastPublished)
    }

    /// The logit of the most similar recent member; nil when the check is off or the story
    /// has a single article. (The members' mean instead, average linkage, was tried on the
    /// Wikinews dev clusters: 0.846 B-cubed F1 against 0.854 at the same weight, 0.847 at its
    /// best over member weight and threshold; it trades recall for precision.)
    private func memberLogit(_ features: ArticleLookup, _ story: Story) -> Double? {
        guard parameters.memberWeight > 0, !story.members.isEmpty else { return nil }
        var best = -Double.infinity
        for member in story.members {
            let pair = SimilarityComponents(unit: features, unit: member)
            best = max(best, adjustedLogit(pair, features.published, member.published, member.published))
        }
        return best
    }

    private func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// The pair model's logit with the cross-lingual allowance (a flat part, and without
    /// embeddings weights for the evidence that survives translation) and the time evidence
    /// (the distance in days from the article to the span `first`…`last`).
    private func adjustedLogit(_ components: SimilarityComponents, _ published: Date?, _ first: Date?, _ last: Date?) -> Double {
        let components = scored(components)
        var z = model.logit(components)
        if components.crossLingual {
            z += components.dense == nil
                ? parameters.crossLingualBonus + parameters.crossLingualEvidence.logit(components) : parameters.denseCrossLingualBonus
        }
        if let published, let first, let last {
            let days = max(0, first.timeIntervalSince(published), published.timeIntervalSince(last)) / 86_400
            z -= parameters.timeWeight * (1 - exp(-days / parameters.timeScaleDays))
        }
        return z
    }

    /// The components as the score uses them: with `denseAcrossLanguagesOnly`, no embedding
    /// cosine between articles of one language.
    private func scored(_ components: SimilarityComponents) -> SimilarityComponents {
        var components = components
        if parameters.denseAcrossLanguagesOnly, !components.crossLingual { components.dense = nil }
        return components
    }

    private mutating func bestStory(for features: ArticleFeatures) -> (story: Int, score: Double, evidence: SimilarityComponents)? {
        let candidates = candidateStories(for: features)
        guard !candidates.isEmpty else { return nil }
        let article = ArticleLookup(features)
        // Centroid scores first (cheap); the member check, a few pair scores per story, can
        // only lower them, so it runs best centroid first and stops at the first story that
        // could not beat the threshold or the best so far.
        var bounded: [(rank: Int, number: Int, components: SimilarityComponents, centroid: Double)] = []
        for (rank, number) in candidates.enumerated() {
            guard let story = stories[number] else { continue }
            let components = SimilarityComponents(article, story: story)
            bounded.append((rank, number, components,
                            adjustedLogit(components, article.published, story.firstPublished, story.lastPublished)))
        }
        bounded.sort { $0.centroid > $1.centroid }
        // Slightly below the threshold's logit, so rounding cannot drop a story at the threshold.
        let thresholdLogit = log(parameters.threshold / (1 - parameters.threshold)) - 1e-9
        var best: (rank: Int, number: Int, components: SimilarityComponents, logit: Double)?
        for candidate in bounded {
            if candidate.centroid < max(thresholdLogit, best?.logit ?? -.infinity) { break }
            guard let story = stories[candidate.number] else { continue }
            let z = checked(candidate.centroid, memberLogit(article, story))
            // Equal scores go to the story sharing more lookup features, as in candidate order.
            if best == nil || z > best!.logit || (z == best!.logit && candidate.rank < best!.rank) {
                best = (candidate.rank, candidate.number, candidate.components, z)
            }
        }
        return best.map { ($0.number, sigmoid($0.logit), scored($0.components)) }
    }

    /// The stories sharing the most lookup features with the article (more shared first,
    /// then the later opened), at most `maximumCandidates`.
    private mutating func candidateStories(for features: ArticleFeatures) -> [Int] {
        var touched: [Int32] = []
        var maximum: Int32 = 0
        for key in Story.indexKeys(features, limit: parameters.lookupFeatures) {
            guard let postings = index[key], postings.count <= OnlineClusterer.commonFeaturePostings else { continue }
            for slot in postings {
                if shared[Int(slot)] == 0 { touched.append(slot) }
                shared[Int(slot)] += 1
                maximum = max(maximum, shared[Int(slot)])
            }
        }
        // The cut: the largest count that at least `maximumCandidates` stories reach (or 1);
        // only stories at or above it are sorted.
        var withCount = [Int](repeating: 0, count: Int(maximum) + 2)
        for slot in touched { withCount[Int(shared[Int(slot)])] += 1 }
        var cut = Int(maximum)
        var reaching = withCount[cut]
        while cut > 1, reaching < parameters.maximumCandidates {
            cut -= 1
            reaching += withCount[cut]
        }
        var ranked: [(shared: Int32, number: Int)] = []
        for slot in touched {
            if shared[Int(slot)] >= cut { ranked.append((shared[Int(slot)], slotStories[Int(slot)])) }
            shared[Int(slot)] = 0
        }
        ranked.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.number > $1.number }
        var candidates = ranked.prefix(parameters.maximumCandidates).map(\.number)
        if let embedding = features.embedding, parameters.denseCandidates > 0 {
            let lexical = Set(candidates)
            candidates += nearestStories(to: embedding).filter { !lexical.contains($0) }
        }
        return candidates
    }

    /// The `denseCandidates` live stories whose embedding centroids are nearest to `embedding`
    /// (a scan: one dot product per live story, small beside computing the embedding).
    private func nearestStories(to embedding: [Float]) -> [Int] {
        var nearest: [(cosine: Float, number: Int)] = []
        for (slot, centroid) in slotEmbeddings.enumerated() {
            guard let centroid, slotStories[slot] != 0 else { continue }
            let cosine = DenseVector.dot(embedding, centroid)
            if nearest.count < parameters.denseCandidates {
                nearest.append((cosine, slotStories[slot]))
                nearest.sort { $0.cosine > $1.cosine }
            } else if cosine > nearest[nearest.count - 1].cosine {
                nearest[nearest.count - 1] = (cosine, slotStories[slot])
                nearest.sort { $0.cosine > $1.cosine }
            }
        }
        return nearest.map(\.number)
    }

    private mutating func takeSlot(_ number: Int) -> Int32 {
        if let slot = freeSlots.popLast() {
            slotStories[Int(slot)] = number
            return slot
        }
        slotStories.append(number)
        slotEmbeddings.append(nil)
        shared.append(0)
        return Int32(slotStories.count - 1)
    }

    /// A feature posted by more live stories than this is too common to find candidates.
    static let commonFeaturePostings = 1_000

    private mutating func join(_ number: Int, _ features: ArticleFeatures) {
        let (position, limit, members) = (self.position, parameters.centroidTerms, parameters.recentMembers)
        stories[number]?.add(features, position: position, limit: limit, members: members)
        reindex(number)
    }

    /// Posts the story under its current heaviest features, withdrawing those it lost (a
    /// merge of the two sorted key lists).
    private mutating func reindex(_ number: Int) {
        guard let story = stories[number] else { return }
        var keys = Story.indexKeys(story.sums, limit: parameters.centroidTerms)
        keys.sort()
        var unique = keys.startIndex
        for key in keys where unique == keys.startIndex || keys[unique - 1] != key {
            keys[unique] = key
            unique += 1
        }
        keys.removeSubrange(unique...)
        let old = story.indexed, slot = story.slot
        var i = 0, j = 0
        while i < old.count || j < keys.count {
            if j == keys.count || (i < old.count && old[i] < keys[j]) {
                unpost(old[i], slot)
                i += 1
            } else if i == old.count || keys[j] < old[i] {
                index[keys[j], default: []].append(slot)
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        stories[number]?.indexed = keys
        slotEmbeddings[Int(slot)] = story.sums.embedding.map(DenseVector.normalized)
    }

    private mutating func unpost(_ key: UInt64, _ slot: Int32) {
        // In place: a copy of a long posting list per withdrawal was quadratic.
        guard let i = index[key]?.lastIndex(of: slot) else { return }
        index[key]!.remove(at: i)
        if index[key]!.isEmpty { index[key] = nil }
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
            for key in story.indexed { unpost(key, story.slot) }
            slotStories[Int(story.slot)] = 0
            slotEmbeddings[Int(story.slot)] = nil
            freeSlots.append(story.slot)
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
    /// Keys the story is posted under in the index, sorted, and its slot there.
    var indexed: [UInt64] = []
    var slot: Int32 = -1
    /// The latest articles' own vectors (capped like the centroid), oldest first. Empty while
    /// the story has one article: its centroid is then that article.
    public internal(set) var members: [ArticleFeatures] = []

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

    mutating func add(_ features: ArticleFeatures, position: Int, limit: Int, members keep: Int) {
        if keep > 0 {
            if articles == 1 { members.append(Self.unit(sums)) }
            members.append(Self.unit(Self.capped(features, limit)))
            if members.count > keep { members.removeFirst(members.count - keep) }
        }
        sums.terms = sums.terms.adding(features.terms)
        sums.wordGrams = sums.wordGrams.adding(features.wordGrams)
        sums.names = sums.names.adding(features.names)
        sums.entities = sums.entities.adding(features.entities)
        sums.numbers = sums.numbers.adding(features.numbers)
        sums.dates = sums.dates.adding(features.dates)
        sums.countries = sums.countries.adding(features.countries)
        sums.nameSounds = sums.nameSounds.adding(features.nameSounds)
        if let embedding = features.embedding, sums.embedding != nil { DenseVector.add(&sums.embedding!, embedding) }
        if features.language != "und" { languages.insert(features.language) }
        articles += 1
        if let published = features.published {
            firstPublished = min(firstPublished ?? published, published)
            lastPublished = max(lastPublished ?? published, published)
        }
        lastPosition = position
        cap(limit)
    }

    /// Features cut to the `limit` heaviest per family (four times as many word n-grams).
    private static func capped(_ features: ArticleFeatures, _ limit: Int) -> ArticleFeatures {
        var f = features
        f.terms = f.terms.top(limit)
        f.wordGrams = f.wordGrams.top(4 * limit)
        f.names = f.names.top(limit)
        f.entities = f.entities.top(limit)
        f.numbers = f.numbers.top(limit)
        f.dates = f.dates.top(limit)
        f.countries = f.countries.top(limit)
        f.nameSounds = f.nameSounds.top(limit)
        return f
    }

    private static func unit(_ features: ArticleFeatures) -> ArticleFeatures {
        var f = features
        f.terms = f.terms.normalized()
        f.wordGrams = f.wordGrams.normalized()
        f.names = f.names.normalized()
        f.entities = f.entities.normalized()
        f.numbers = f.numbers.normalized()
        f.dates = f.dates.normalized()
        f.countries = f.countries.normalized()
        f.nameSounds = f.nameSounds.normalized()
        f.embedding = f.embedding.map(DenseVector.normalized)
        return f
    }

    private mutating func cap(_ limit: Int) {
        sums = Self.capped(sums, limit)
        norms = FeatureNorms(terms: sums.terms.norm, wordGrams: sums.wordGrams.norm, names: sums.names.norm,
                             entities: sums.entities.norm, numbers: sums.numbers.norm, dates: sums.dates.norm,
                             countries: sums.countries.norm, nameSounds: sums.nameSounds.norm, embedding: sums.embedding.map(DenseVector.norm) ?? 0)
    }

    /// The features a story is found by: its heaviest terms and names, and every entity,
    /// number, date, country and name skeleton (these are rarer and survive translation). Their order is of no
    /// consequence (they count shared postings), so the top of each family is cut without
    /// sorting it.
    static func indexKeys(_ f: ArticleFeatures, limit: Int) -> [UInt64] {
        f.terms.top(limit).keys + f.names.top(limit).keys + f.entities.top(limit).keys + f.numbers.top(limit).keys
            + f.dates.top(limit).keys + f.countries.top(limit).keys + f.nameSounds.top(limit).keys
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
    public var countries: Float = 0
    public var nameSounds: Float = 0
    public var embedding: Float = 0
}
