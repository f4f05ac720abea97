import Foundation

/// Weighted, length-capped, unit-length feature vectors of one article.
public struct ArticleFeatures: Sendable {
    public var language: String
    public var published: Date?
    public var terms: SparseVector
    public var wordGrams: SparseVector
    public var names: SparseVector
    public var entities: SparseVector
    public var numbers: SparseVector
    public var dates: SparseVector
    /// Countries named (`CountryNames`), the same keys in every language.
    public var countries: SparseVector
    /// Consonant skeletons of names (`NameSounds`), to meet names written in other scripts.
    public var nameSounds: SparseVector
    /// Dense embedding (unit length for an article, a sum for a story), when an embedder is in use.
    public var embedding: [Float]?

    public init(language: String, published: Date?, terms: SparseVector, wordGrams: SparseVector, names: SparseVector,
                entities: SparseVector, numbers: SparseVector, dates: SparseVector, countries: SparseVector = SparseVector(),
                nameSounds: SparseVector = SparseVector(), embedding: [Float]? = nil) {
        self.language = language
        self.published = published
        self.terms = terms
        self.wordGrams = wordGrams
        self.names = names
        self.entities = entities
        self.numbers = numbers
        self.dates = dates
        self.countries = countries
        self.nameSounds = nameSounds
        self.embedding = embedding
    }
}

/// Sublinear TF-IDF weighting with document frequencies learned from the stream.
public struct FeatureWeighting: Sendable {
    public private(set) var frequencies: DocumentFrequencies
    public let maximumLength: Int
    /// When set, article embeddings are centred on their language's mean (learned here too).
    public var centring: LanguageCentring?

    public init(frequencies: DocumentFrequencies = DocumentFrequencies(), maximumLength: Int = FeatureParameters.standard.maximumVectorLength) {
        self.frequencies = frequencies
        self.maximumLength = maximumLength
    }

    /// Counts one more document's features in the document frequencies.
    public mutating func learn(_ counts: FeatureCounts) {
        frequencies.add(documentKeys: counts.allKeys)
        if let embedding = counts.embedding { centring?.learn(embedding, language: counts.language) }
    }

    /// (1 + ln tf) · idf, capped to the heaviest `maximumLength` features (four times as many
    /// word n-grams, which are several per word), unit length.
    public func weigh(_ counts: FeatureCounts) -> ArticleFeatures {
        // Most features have one of a few small document frequencies: each idf (a logarithm)
        // is computed once per article.
        var idfs = [Float?](repeating: nil, count: 64)
        func idf(_ key: UInt64) -> Float {
            let df = frequencies.frequency(key)
            guard df < Double(idfs.count) else { return frequencies.idf(key) }
            if let known = idfs[Int(df)] { return known }
            let value = frequencies.idf(key)
            idfs[Int(df)] = value
            return value
        }
        func vector(_ raw: [UInt64: Float], limit: Int = maximumLength) -> SparseVector {
            var keys: [UInt64] = [], weights: [Float] = []
            keys.reserveCapacity(raw.count)
            weights.reserveCapacity(raw.count)
            for (key, tf) in raw where tf > 0 {
                let weight = (1 + Float(log(Double(max(tf, 1))))) * idf(key)
                guard weight != 0 else { continue }
                keys.append(key)
                weights.append(weight)
            }
            return SparseVector(distinctKeys: keys, weights: weights, top: limit).normalized()
        }
        return ArticleFeatures(language: counts.language, published: counts.published, terms: vector(counts.terms),
                               wordGrams: vector(counts.wordGrams, limit: 4 * maximumLength), names: vector(counts.nameGrams),
                               entities: vector(counts.entities), numbers: vector(counts.numbers), dates: vector(counts.dates),
                               countries: vector(counts.countries), nameSounds: vector(counts.nameSounds), embedding: counts.embedding.map { centring?.centred($0, language: counts.language) ?? $0 })
    }
}
