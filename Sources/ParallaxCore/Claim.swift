/// One sentence of one article as a claim: where it stands in the article, what it names,
/// counts, dates and quotes, and how it relates to the claims of the other articles of its
/// story. Built by the comparison stage (`StoryReport.claims`), stored per story, served by
/// `GET /api/stories/{id}/claims` and `GET /api/claims/{id}`.
public struct Claim: Sendable, Hashable, Codable {
    /// `<article id>:<sentence index>`: stable as long as the article's text is (the article id
    /// is derived from it), unique in a store (an article belongs to one story).
    public var id: String
    public var articleID: String
    /// The article's source as the report names it (file, URL).
    public var source: String
    /// Index of the sentence in its article.
    public var sentence: Int
    /// The sentence, exactly `article.text[start..<end]` in Unicode scalar offsets.
    public var text: String
    public var start: Int
    public var end: Int
    /// ISO 639-1 code of the sentence, `und` when unknown.
    public var language: String
    /// Names as written, each with its language-independent key and fullest name.
    public var entities: [EntityMention]
    /// Quantities with their units and qualifier (exact, approximately, at least, at most).
    public var numbers: [NumberMention]
    /// Time expressions with the interval (and granularity) they resolved to.
    public var times: [TimeMention]
    /// Quotations in the sentence, with their speakers where known.
    public var quotes: [Quote]
    /// Claims of other articles this one matches, strongest first.
    public var links: [Link]

    public init(id: String, articleID: String, source: String, sentence: Int, text: String, start: Int, end: Int,
                language: String, entities: [EntityMention] = [], numbers: [NumberMention] = [], times: [TimeMention] = [],
                quotes: [Quote] = [], links: [Link] = []) {
        self.id = id
        self.articleID = articleID
        self.source = source
        self.sentence = sentence
        self.text = text
        self.start = start
        self.end = end
        self.language = language
        self.entities = entities
        self.numbers = numbers
        self.times = times
        self.quotes = quotes
        self.links = links
    }

    /// The id of sentence `sentence` of article `articleID`.
    public static func id(articleID: String, sentence: Int) -> String { "\(articleID)\(separator)\(sentence)" }

    /// The article id and sentence index a claim id names, nil when it is not a claim id.
    public static func parse(id: String) -> (articleID: String, sentence: Int)? {
        guard let cut = id.lastIndex(of: separator), let sentence = Int(id[id.index(after: cut)...]), sentence >= 0 else {
            return nil
        }
        let article = String(id[..<cut])
        return article.isEmpty ? nil : (article, sentence)
    }

    /// Between article id and sentence index: a character allowed as-is in a URL path segment,
    /// unlike `#`.
    static let separator: Character = ":"

    /// How a claim relates to a claim of another article.
    public struct Link: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// The two sentences state one fact.
            case same
            /// They state one fact with a different number or date.
            case differentValue
            /// They say opposite things: a speaker quoted with different words, or one
            /// sentence negates what the other asserts.
            case contradiction
            /// This claim states the linked claim's fact and adds to it.
            case elaboration
            /// The linked claim states this claim's fact and adds to it (the inverse of
            /// `elaboration`, so each claim lists all its links).
            case elaboratedBy
        }

        /// Id of the linked claim.
        public var claim: String
        public var kind: Kind
        /// In [0, 1]: how closely the two sentences match.
        public var score: Double

        public init(claim: String, kind: Kind, score: Double) {
            self.claim = claim
            self.kind = kind
            self.score = score
        }

        /// The same link seen from the linked claim.
        public var inverseKind: Kind {
            switch kind {
            case .elaboration: return .elaboratedBy
            case .elaboratedBy: return .elaboration
            case .same, .differentValue, .contradiction: return kind
            }
        }
    }
}
