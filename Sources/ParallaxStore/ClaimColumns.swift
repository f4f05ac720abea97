import Foundation
import ParallaxCore

/// A claim as every backend's `claims` table holds it: scalar columns for what is queried or
/// shown alone, JSON arrays for the annotations (entities, numbers, times, quotes), which are
/// only ever read back whole. Links live in `claim_links`, one row per direction.
public struct ClaimColumns: Sendable, Hashable {
    public var id: String
    public var storyID: Int64
    public var articleID: String
    /// Order of the claim within its story's saved list.
    public var position: Int
    public var source: String
    public var sentence: Int
    public var text: String
    public var start: Int
    public var end: Int
    public var language: String
    public var entities: String
    public var numbers: String
    public var times: String
    public var quotes: String

    public init(_ claim: Claim, storyID: Int64, position: Int) throws {
        id = claim.id
        self.storyID = storyID
        articleID = claim.articleID
        self.position = position
        source = claim.source
        sentence = claim.sentence
        text = claim.text
        start = claim.start
        end = claim.end
        language = claim.language
        entities = try ParallaxJSON.line(claim.entities)
        numbers = try ParallaxJSON.line(claim.numbers)
        times = try ParallaxJSON.line(claim.times)
        quotes = try ParallaxJSON.line(claim.quotes)
    }

    public init(id: String, storyID: Int64, articleID: String, position: Int, source: String, sentence: Int, text: String,
                start: Int, end: Int, language: String, entities: String, numbers: String, times: String, quotes: String) {
        self.id = id
        self.storyID = storyID
        self.articleID = articleID
        self.position = position
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
    }

    /// The claim these columns hold, with `links`.
    public func claim(links: [Claim.Link]) throws -> Claim {
        let decoder = ParallaxJSON.decoder()
        func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try decoder.decode(type, from: Data(json.utf8)) }
        return Claim(id: id, articleID: articleID, source: source, sentence: sentence, text: text, start: start, end: end,
                     language: language, entities: try decode([EntityMention].self, entities),
                     numbers: try decode([NumberMention].self, numbers), times: try decode([TimeMention].self, times),
                     quotes: try decode([Quote].self, quotes), links: links)
    }

    /// The rows of `claim_links` for `claims`: (claim, linked claim, kind, score, position of
    /// the link in the claim's list). Links to claims outside the list are dropped (a link
    /// must name a stored claim), and so is a second link from one claim to the same claim
    /// (a pair has one relation; the first listed is kept).
    public static func links(_ claims: [Claim]) -> [(claim: String, linked: String, kind: String, score: Double, position: Int)] {
        let ids = Set(claims.map(\.id))
        return claims.flatMap { claim in
            var seen: Set<String> = []
            return claim.links.filter { ids.contains($0.claim) && seen.insert($0.claim).inserted }.enumerated().map { index, link in
                (claim.id, link.claim, link.kind.rawValue, link.score, index)
            }
        }
    }

    /// A link read back; nil for a kind this version does not know (a newer writer's).
    public static func link(linked: String, kind: String, score: Double) -> Claim.Link? {
        Claim.Link.Kind(rawValue: kind).map { Claim.Link(claim: linked, kind: $0, score: score) }
    }
}
