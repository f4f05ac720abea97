import Foundation

/// What Parallax says about a set of articles: do they cover one event, and claim by claim,
/// where do they agree, what does only one say, and where do they contradict each other.
///
/// This is the JSON contract of `parallax compare --format json` (documented in
/// docs/report-format.md). Fields are added in a backward-compatible way; a breaking
/// change bumps `version`.
public struct StoryReport: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    public var version: Int
    public var sources: [Source]
    public var sameStory: Bool
    /// In [0, 1]: how likely the articles report the same event.
    public var similarity: Double
    public var evidence: Evidence
    public var entities: [Entity]
    public var corroborated: [Corroboration]
    public var unique: [ClaimSentence]
    public var conflicts: [Conflict]
    public var quotes: [MatchedQuote]
    public var times: [Time]
    /// Dated events of the story in order, corroborated claims merged across sources.
    /// Added in version 1; absent (empty) in older reports, like every field below.
    public var timeline: [TimelineEvent]
    /// How actors (people, organisations, countries) act toward each other, over time.
    public var relations: [Relation]
    /// Syndicated copies and rewrites of one text: each group counts as one source.
    public var copies: [CopyGroup]
    /// The source published first (earliest publication day), nil when no source is dated
    /// or the earliest day is shared and nothing tells the sources apart.
    public var firstPublished: String?
    /// Per source, the corroborated facts it leaves out.
    public var omissions: [Omission]
    /// Every sentence that states something, as a claim with its entities, numbers, times,
    /// quotes and links to the matching claims of the other sources.
    public var claims: [Claim]

    public init(sources: [Source], sameStory: Bool, similarity: Double, evidence: Evidence, entities: [Entity],
                corroborated: [Corroboration], unique: [ClaimSentence], conflicts: [Conflict],
                quotes: [MatchedQuote], times: [Time], timeline: [TimelineEvent] = [], relations: [Relation] = [],
                copies: [CopyGroup] = [], firstPublished: String? = nil, omissions: [Omission] = [],
                claims: [Claim] = []) {
        self.version = StoryReport.currentVersion
        self.sources = sources
        self.sameStory = sameStory
        self.similarity = similarity
        self.evidence = evidence
        self.entities = entities
        self.corroborated = corroborated
        self.unique = unique
        self.conflicts = conflicts
        self.quotes = quotes
        self.times = times
        self.timeline = timeline
        self.relations = relations
        self.copies = copies
        self.firstPublished = firstPublished
        self.omissions = omissions
        self.claims = claims
    }

    enum CodingKeys: String, CodingKey {
        case version, sources, sameStory, similarity, evidence, entities, corroborated, unique, conflicts, quotes, times
        case timeline, relations, copies, firstPublished, omissions, claims
    }

    // Fields added after the first draft of version 1 may be missing from older reports.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        sources = try c.decode([Source].self, forKey: .sources)
        sameStory = try c.decode(Bool.self, forKey: .sameStory)
        similarity = try c.decode(Double.self, forKey: .similarity)
        evidence = try c.decode(Evidence.self, forKey: .evidence)
        entities = try c.decode([Entity].self, forKey: .entities)
        corroborated = try c.decode([Corroboration].self, forKey: .corroborated)
        unique = try c.decode([ClaimSentence].self, forKey: .unique)
        conflicts = try c.decode([Conflict].self, forKey: .conflicts)
        quotes = try c.decode([MatchedQuote].self, forKey: .quotes)
        times = try c.decode([Time].self, forKey: .times)
        timeline = try c.decodeIfPresent([TimelineEvent].self, forKey: .timeline) ?? []
        relations = try c.decodeIfPresent([Relation].self, forKey: .relations) ?? []
        copies = try c.decodeIfPresent([CopyGroup].self, forKey: .copies) ?? []
        firstPublished = try c.decodeIfPresent(String.self, forKey: .firstPublished)
        omissions = try c.decodeIfPresent([Omission].self, forKey: .omissions) ?? []
        claims = try c.decodeIfPresent([Claim].self, forKey: .claims) ?? []
    }

    // `firstPublished: null` is written, not left out: nullable fields are always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(sources, forKey: .sources)
        try c.encode(sameStory, forKey: .sameStory)
        try c.encode(similarity, forKey: .similarity)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(entities, forKey: .entities)
        try c.encode(corroborated, forKey: .corroborated)
        try c.encode(unique, forKey: .unique)
        try c.encode(conflicts, forKey: .conflicts)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(times, forKey: .times)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(relations, forKey: .relations)
        try c.encode(copies, forKey: .copies)
        try c.encode(firstPublished, forKey: .firstPublished)
        try c.encode(omissions, forKey: .omissions)
        try c.encode(claims, forKey: .claims)
    }

    public struct Source: Sendable, Hashable, Codable {
        public var id: String
        public var source: String
        public var title: String
        /// The title, or the opening words of the text when there is none (`Article.headline`).
        /// Added in version 1; the title (or "(untitled)") when absent.
        public var headline: String
        public var language: String
        public var published: CalendarDay?
        public var words: Int
        public init(id: String, source: String, title: String, headline: String? = nil, language: String,
                    published: CalendarDay?, words: Int) {
            self.id = id
            self.source = source
            self.title = title
            self.headline = headline ?? Article.headline(title: title, text: "")
            self.language = language
            self.published = published
            self.words = words
        }

        enum CodingKeys: String, CodingKey { case id, source, title, headline, language, published, words }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(String.self, forKey: .id), source: try c.decode(String.self, forKey: .source),
                      title: try c.decode(String.self, forKey: .title),
                      headline: try c.decodeIfPresent(String.self, forKey: .headline),
                      language: try c.decode(String.self, forKey: .language),
                      published: try c.decodeIfPresent(CalendarDay.self, forKey: .published),
                      words: try c.decode(Int.self, forKey: .words))
        }

        // `published: null` is written, not left out: nullable fields are always present.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(source, forKey: .source)
            try container.encode(title, forKey: .title)
            try container.encode(headline, forKey: .headline)
            try container.encode(language, forKey: .language)
            try container.encode(published, forKey: .published)
            try container.encode(words, forKey: .words)
        }
    }

    /// Why the verdict was reached: what the sources share.
    public struct Evidence: Sendable, Hashable, Codable {
        public var sharedEntities: [String]
        public var sharedTerms: [String]
        public var sharedNumbers: [String]
        /// Resolved dates two or more sources agree on (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or
        /// `start/end`). Added in version 1; absent in older reports.
        public var sharedDates: [String]
        public init(sharedEntities: [String], sharedTerms: [String], sharedNumbers: [String], sharedDates: [String] = []) {
            self.sharedEntities = sharedEntities
            self.sharedTerms = sharedTerms
            self.sharedNumbers = sharedNumbers
            self.sharedDates = sharedDates
        }

        enum CodingKeys: String, CodingKey { case sharedEntities, sharedTerms, sharedNumbers, sharedDates }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(sharedEntities: try c.decode([String].self, forKey: .sharedEntities),
                      sharedTerms: try c.decode([String].self, forKey: .sharedTerms),
                      sharedNumbers: try c.decode([String].self, forKey: .sharedNumbers),
                      sharedDates: try c.decodeIfPresent([String].self, forKey: .sharedDates) ?? [])
        }
    }

    /// A person, place or organisation named by at least two sources.
    public struct Entity: Sendable, Hashable, Codable {
        public var name: String
        public var kind: EntityMention.Kind
        /// Every distinct form used, with who used it.
        public var variants: [Variant]
        public var sources: [String]
        public struct Variant: Sendable, Hashable, Codable {
            public var text: String
            public var sources: [String]
            public init(text: String, sources: [String]) {
                self.text = text
                self.sources = sources
            }
        }
        public init(name: String, kind: EntityMention.Kind, variants: [Variant], sources: [String]) {
            self.name = name
            self.kind = kind
            self.variants = variants
            self.sources = sources
        }
    }

    /// A sentence of one source, located in that source's text.
    public struct ClaimSentence: Sendable, Hashable, Codable {
        public var source: String
        public var text: String
        public var start: Int
        public var end: Int
        public init(source: String, text: String, start: Int, end: Int) {
            self.source = source
            self.text = text
            self.start = start
            self.end = end
        }
    }

    /// One fact stated by two or more sources.
    public struct Corroboration: Sendable, Hashable, Codable {
        public var sentences: [ClaimSentence]
        /// In [0, 1]: how closely the sentences match.
        public var score: Double
        /// What they share: entities, content words, numbers, dates.
        public var shared: [String]
        /// Sources stating it, syndicated copies of one text counted once. Added in version 1;
        /// older reports decode it as the number of distinct sources.
        public var independentSources: Int
        public init(sentences: [ClaimSentence], score: Double, shared: [String], independentSources: Int? = nil) {
            self.sentences = sentences
            self.score = score
            self.shared = shared
            self.independentSources = independentSources ?? Set(sentences.map(\.source)).count
        }

        enum CodingKeys: String, CodingKey { case sentences, score, shared, independentSources }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(sentences: try c.decode([ClaimSentence].self, forKey: .sentences), score: try c.decode(Double.self, forKey: .score),
                      shared: try c.decode([String].self, forKey: .shared),
                      independentSources: try c.decodeIfPresent(Int.self, forKey: .independentSources))
        }
    }

    /// The same slot filled with different values by different sources.
    public struct Conflict: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable { case date, number, quote }
        public var kind: Kind
        public var sides: [Side]
        public struct Side: Sendable, Hashable, Codable {
            public var source: String
            public var text: String
            public var value: String
            public init(source: String, text: String, value: String) {
                self.source = source
                self.text = text
                self.value = value
            }
        }
        public init(kind: Kind, sides: [Side]) {
            self.kind = kind
            self.sides = sides
        }
    }

    /// One quotation as each source gives it.
    public struct MatchedQuote: Sendable, Hashable, Codable {
        public var speaker: String?
        public var variants: [Variant]
        public struct Variant: Sendable, Hashable, Codable {
            public var source: String
            public var text: String
            public init(source: String, text: String) {
                self.source = source
                self.text = text
            }
        }
        /// True when the variants are in different languages (a translated quotation, matched
        /// by speaker and what it names or counts, not by its words). Added in version 1.
        public var translated: Bool
        public init(speaker: String?, variants: [Variant], translated: Bool = false) {
            self.speaker = speaker
            self.variants = variants
            self.translated = translated
        }

        enum CodingKeys: String, CodingKey { case speaker, variants, translated }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(speaker: try c.decodeIfPresent(String.self, forKey: .speaker), variants: try c.decode([Variant].self, forKey: .variants),
                      translated: try c.decodeIfPresent(Bool.self, forKey: .translated) ?? false)
        }

        // `speaker: null` is written, not left out: nullable fields are always present.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(variants, forKey: .variants)
            try container.encode(translated, forKey: .translated)
        }
    }

    /// A time expression of one source and what it resolved to (nil: unresolved).
    public struct Time: Sendable, Hashable, Codable {
        public var source: String
        public var text: String
        public var sentence: String
        public var resolved: DayInterval?
        public init(source: String, text: String, sentence: String, resolved: DayInterval?) {
            self.source = source
            self.text = text
            self.sentence = sentence
            self.resolved = resolved
        }

        // Encode `resolved: null` explicitly: the contract says an unresolved expression
        // carries a null interval, not a missing key.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(text, forKey: .text)
            try container.encode(sentence, forKey: .sentence)
            try container.encode(resolved, forKey: .resolved)
        }
    }
}

// MARK: - Sections added within version 1 (timeline, relations, copies, omissions)

extension StoryReport {
    /// One dated event of the story: a claim and the days it happened on.
    public struct TimelineEvent: Sendable, Hashable, Codable {
        /// First and last day of the event, as precisely as the sources together date it
        /// (the intersection of compatible intervals from different sources).
        public var start: CalendarDay
        public var end: CalendarDay
        /// The claim, as the first source stating it words it.
        public var text: String
        /// Sources stating it (dated within the interval, or undated in a corroborated claim).
        public var sources: [String]
        /// The time expressions that date it, as written ("In October", "last year").
        public var expressions: [String]
        public init(start: CalendarDay, end: CalendarDay, text: String, sources: [String], expressions: [String]) {
            self.start = start
            self.end = end
            self.text = text
            self.sources = sources
            self.expressions = expressions
        }
    }

    /// How two actors act toward each other, event by event in date order.
    public struct Relation: Sendable, Hashable, Codable {
        /// The two actors' names (fullest form), in order of first appearance.
        public var actors: [String]
        public var events: [Event]
        /// Mean tone of the events, in [-1, 1].
        public var tone: Double
        public init(actors: [String], events: [Event], tone: Double) {
            self.actors = actors
            self.events = events
            self.tone = tone
        }

        public struct Event: Sendable, Hashable, Codable {
            /// When it happened: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `START/END`.
            public var date: String
            public var start: CalendarDay
            public var end: CalendarDay
            /// `claim` when a time expression of the claim dates it, `story` when another
            /// claim of the story dates the same act told again, `published` when the
            /// article's publication day stands in.
            public var datedBy: String
            /// What kind of act: `accuse`, `threaten`, `sanction`, `criticize`, `praise`,
            /// `meet`, `call`, `ask`, `agree`, `help` … (see docs/report-format.md).
            public var kind: String
            /// In [-1, 1]: hostile (-1) to cooperative (+1).
            public var tone: Double
            /// Who acts and who is acted upon (for mutual acts such as `meet`, as written).
            public var from: String
            public var to: String
            /// The word that says it, as written.
            public var word: String
            /// True when the sentence does not name both actors (a mutual act such as "the
            /// two spoke by phone") and they were taken from the article's main actors.
            public var inferred: Bool
            public var source: String
            public var text: String
            public init(date: String, start: CalendarDay, end: CalendarDay, datedBy: String, kind: String, tone: Double,
                        from: String, to: String, word: String, inferred: Bool, source: String, text: String) {
                self.date = date
                self.start = start
                self.end = end
                self.datedBy = datedBy
                self.kind = kind
                self.tone = tone
                self.from = from
                self.to = to
                self.word = word
                self.inferred = inferred
                self.source = source
                self.text = text
            }
        }
    }

    /// Articles that are copies or light rewrites of one text (a wire story run by several
    /// outlets): they count as one source.
    public struct CopyGroup: Sendable, Hashable, Codable {
        /// The sources, the one published first first.
        public var sources: [String]
        /// The source published first, nil when their dates do not tell.
        public var first: String?
        /// Lowest shingle overlap (Jaccard, in [0, 1]) between two members.
        public var similarity: Double
        public init(sources: [String], first: String?, similarity: Double) {
            self.sources = sources
            self.first = first
            self.similarity = similarity
        }

        // `first: null` is written, not left out: nullable fields are always present.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sources, forKey: .sources)
            try container.encode(first, forKey: .first)
            try container.encode(similarity, forKey: .similarity)
        }
    }

    /// Corroborated facts one source leaves out.
    public struct Omission: Sendable, Hashable, Codable {
        public var source: String
        /// One sentence per fact, from a source that states it (in the omitting source's
        /// language when one does).
        public var claims: [ClaimSentence]
        public init(source: String, claims: [ClaimSentence]) {
            self.source = source
            self.claims = claims
        }
    }
}

extension StoryReport {
    /// The other sources of `source`'s copy group (empty when it is no copy): renderers name
    /// them beside what the source says.
    public func copies(of source: String) -> [String] {
        copies.first { $0.sources.contains(source) }?.sources.filter { $0 != source } ?? []
    }

    /// What a renderer says for an empty timeline: without a publication date, relative
    /// expressions ("last year", "on Tuesday") cannot be placed, which is most often why.
    public var emptyTimelineNote: String {
        guard let missing = missingPublicationDates else { return "No dated claim." }
        return "No dated claim: \(missing), so relative time expressions (“last year”, “on Tuesday”) stay unresolved. "
            + Self.publicationDateAdvice
    }

    /// What a renderer says for an empty list of relations: an act is placed by its claim's
    /// time expression or its article's publication day, and is left out without either.
    public var emptyRelationsNote: String {
        guard let missing = missingPublicationDates else { return "No relation between named actors found." }
        return "No relation between named actors could be placed in time: \(missing), and an act is dated by its "
            + "claim's time expression or its article's publication day. " + Self.publicationDateAdvice
    }

    static let publicationDateAdvice = "A publication date comes from the article's metadata or, for parallax compare, from --published SOURCE=YYYY-MM-DD."

    /// "no source has a publication date", "2 of 3 sources have no publication date"; nil when all have one.
    private var missingPublicationDates: String? {
        let missing = sources.filter { $0.published == nil }.count
        guard missing > 0 else { return nil }
        if missing == sources.count { return sources.count == 1 ? "the source has no publication date" : "no source has a publication date" }
        return "\(missing) of \(sources.count) sources \(missing == 1 ? "has" : "have") no publication date"
    }
}
