import Foundation
import ParallaxCore

/// How likely two articles report the same event, in [0, 1].
///
/// Three signals, blended and passed through a logistic curve so 0.5 is the decision point:
/// - TF-IDF cosine of the articles' content stems and entity keys (sublinear term frequency,
///   IDF from the compared sentences);
/// - the share of fact-bearing sentences that align with a sentence of the other article;
/// - the overlap of entity keys (entities survive translation), when both articles have some.
struct StorySimilarity: Sendable {
    static let weights = (cosine: 0.4, aligned: 0.35, entities: 0.25)
    /// Blend value that maps to 0.5, and the logistic slope. Unrelated news articles blend
    /// around 0.05–0.1; two reports of one event around 0.3 and above.
    static let midpoint = 0.17
    static let slope = 18.0

    struct Components: Sendable {
        var cosine: Double
        var aligned: Double
        var entities: Double?

        var blend: Double {
            let w = StorySimilarity.weights
            guard let entities else { return (w.cosine * cosine + w.aligned * aligned) / (w.cosine + w.aligned) }
            return w.cosine * cosine + w.aligned * aligned + w.entities * entities
        }

        var similarity: Double { 1 / (1 + exp(-StorySimilarity.slope * (blend - StorySimilarity.midpoint))) }
    }

    let vectors: [[String: Double]]
    let entityKeys: [Set<String>]

    init(units: [ClaimUnits], matcher: ClaimMatcher, titleEntityKeys: [Set<String>]) {
        vectors = units.map { article in
            var counts: [String: Int] = [:]
            for unit in article.sentences {
                for word in unit.words { counts[word.stem, default: 0] += 1 }
                for key in unit.entities.keys { counts[ClaimMatcher.entityTerm(key), default: 0] += 1 }
            }
            return counts.reduce(into: [:]) { vector, entry in
                let boost = entry.key.hasPrefix("\u{1}") ? ClaimMatcher.entityBoost : 1
                vector[entry.key] = (1 + log(Double(entry.value))) * matcher.idf(entry.key) * boost
            }
        }
        entityKeys = zip(units, titleEntityKeys).map { Set($0.sentences.flatMap(\.entities.keys)).union($1) }
    }

    func components(_ i: Int, _ j: Int, units: [ClaimUnits], alignment: SentenceAlignment) -> Components {
        let a = vectors[i], b = vectors[j]
        let dot = a.reduce(0.0) { $0 + $1.value * (b[$1.key] ?? 0) }
        let norms = sqrt(a.values.reduce(0) { $0 + $1 * $1 }) * sqrt(b.values.reduce(0) { $0 + $1 * $1 })
        let cosine = norms > 0 ? dot / norms : 0

        var pairs: Set<SentenceAlignment.SentenceRef> = []
        for edge in alignment.edges where Set([edge.a.source, edge.b.source]) == Set([i, j]) {
            pairs.insert(edge.a)
            pairs.insert(edge.b)
        }
        let factSentences = (units[i].sentences + units[j].sentences).filter(\.hasFact).count
        let aligned = factSentences > 0 ? min(1, Double(pairs.count) / Double(factSentences)) : 0

        var entities: Double?
        if !entityKeys[i].isEmpty, !entityKeys[j].isEmpty {
            entities = Double(entityKeys[i].intersection(entityKeys[j]).count) / Double(min(entityKeys[i].count, entityKeys[j].count))
        }
        return Components(cosine: cosine, aligned: aligned, entities: entities)
    }
}
