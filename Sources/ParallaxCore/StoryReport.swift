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

    public init(sources: [Source], sameStory: Bool, similarity: Double, evidence: Evidence, entities: [Entity],
                corroborated: [Corroboration], unique: [ClaimSentence], conflicts: [Conflict],
                quotes: [MatchedQuote], times: [Time]) {
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
    }

    public struct Source: Sendable, Hashable, Codable {
        public var id: String
        public var source: String
        public var title: String
        public var language: String
        public var published: CalendarDay?
        public var words: Int
        public init(id: String, source: String, title: String, language: String, published: CalendarDay?, words: Int) {
            self.id = id
            self.source = source
            self.title = title
            self.language = language
            self.published = published
            self.words = words
        }

        // `published: null` is written, not left out: nullable fields are always present.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(source, forKey: .source)
            try container.encode(title, forKey: .title)
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
        public init(sentences: [ClaimSentence], score: Double, shared: [String]) {
            self.sentences = sentences
            self.score = score
            self.shared = shared
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
        public init(speaker: String?, variants: [Variant]) {
            self.speaker = speaker
            self.variants = variants
        }

        // `speaker: null` is written, not left out: nullable fields are always present.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(variants, forKey: .variants)
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
