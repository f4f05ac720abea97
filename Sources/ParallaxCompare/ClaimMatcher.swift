import Foundation
import ParallaxCore

/// How well two claims of different sources match, and what they share.
struct ClaimMatch: Sendable {
    /// Weighted Dice over the two claims' features, in [0, 1].
    var score: Double
    /// Share of each side's feature weight that found a match on the other side.
    var coverage: (Double, Double)
    /// Number of distinct features that found a match, on the side with fewer.
    var matched: Int
    /// Number of names, numbers and dates that found a match, on the side with fewer.
    var anchors: Int
    /// What they share, most telling first ("Gustavo Petro", "meeting", "2 hour", "2025-10").
    var shared: [String]

    static let none = ClaimMatch(score: 0, coverage: (0, 0), matched: 0, anchors: 0, shared: [])
}

/// Scores claim pairs by IDF-weighted overlap of content words, entity keys, compatible
/// numbers and overlapping resolved times.
///
/// Words match when their stems or American spellings are equal, when they are listed as
/// synonyms, or when their character trigrams are close (Dice ≥ `trigramDice`), which
/// absorbs inflection and spelling variants a stemmer misses ("drug"/"drugs" without a
/// stemmer, "narco"/"narcos"). IDF comes from the sentences of the compared articles
/// themselves: a word every sentence uses tells little, a word two sentences share tells much.
struct ClaimMatcher: Sendable {
    static let trigramDice = 0.6
    /// Shortest word (in scalars) that may match by trigrams; shorter ones must be equal
    /// ("firm" and "firmly" share most trigrams but not a meaning).
    static let trigramMinimumLength = 5
    static let synonymMatch = 0.9
    /// Words naming one meaning of `ConceptLexicon` (most often translations of each other).
    /// (Chosen on the tune split of Benchmarks/claims among 0.5, 0.6, 0.7 and 0.9: a
    /// translation is a looser match than a listed synonym.)
    static let conceptMatch = 0.7
    /// Languages that build a word's forms by stacking suffixes ("yitirdi", "yitirirken": lost,
    /// while losing), more than their Snowball stemmers take off: there two words also match
    /// when they open with the same `suffixPrefix` scalars or more, most of the shorter one.
    static let suffixingLanguages: Set<String> = ["tr", "fi", "hu", "et"]
    static let suffixPrefix = 5
    static let suffixPrefixShare = 0.6
    static let suffixMatch = 0.8
    /// Bonus for a pair of adjacent content words shared in order, relative to their IDF.
    static let bigramWeight = 0.5
    /// Entities survive translation and name the actors of a fact: they weigh more than words.
    static let entityBoost = 1.5
    /// Weight of a number or a resolved time relative to the rarest word.
    static let numberWeight = 1.0
    static let timeWeight = 0.6
    /// Weight of a word without a match when the claims are in different languages.
    static let translatedWordWeight = 0.25

    private let documentFrequency: [String: Int]
    private let documents: Int

    init(units: [ClaimUnit]) {
        var frequency: [String: Int] = [:]
        for unit in units {
            var terms = Set(unit.words.map(\.stem))
            terms.formUnion(unit.entities.keys.map(ClaimMatcher.entityTerm))
            for term in terms { frequency[term, default: 0] += 1 }
        }
        documentFrequency = frequency
        documents = max(units.count, 1)
    }

    /// Weight of a match between two forms of one name (see `entityMatch`) relative to equal keys.
    static let partialEntityMatch = 0.8
    /// Shortest name part that counts: initials and particles ("de", "al") name nobody.
    static let namePartMinimumLength = 3

    /// How well two entity keys name one entity, in [0, 1]: 1 when equal; `partialEntityMatch`
    /// when they end in the same word (a surname alone and the full name: "raab" and
    /// "dominic raab") or every part of the shorter is in the longer ("boris" and "boris
    /// johnson"). Parts match when equal or, from `trigramMinimumLength` scalars on, when
    /// their trigrams are close, which absorbs transcriptions ("schaefer" and the folded
    /// "schafer").
    static func entityMatch(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let partsA = a.split(separator: " ").map(String.init).filter { $0.unicodeScalars.count >= namePartMinimumLength }
        let partsB = b.split(separator: " ").map(String.init).filter { $0.unicodeScalars.count >= namePartMinimumLength }
        guard let lastA = partsA.last, let lastB = partsB.last else { return 0 }
        func same(_ x: String, _ y: String) -> Bool {
            if x == y { return true }
            guard x.unicodeScalars.count >= trigramMinimumLength, y.unicodeScalars.count >= trigramMinimumLength else { return false }
            return Orthography.dice(Orthography.trigrams(x), Orthography.trigrams(y)) >= trigramDice
        }
        let (shorter, longer) = partsA.count <= partsB.count ? (partsA, partsB) : (partsB, partsA)
        if same(lastA, lastB) || shorter.allSatisfy({ part in longer.contains { same(part, $0) } }) { return partialEntityMatch }
        return 0
    }

    static func entityTerm(_ key: String) -> String { "\u{1}" + key }

    /// Inverse document frequency over the compared sentences, ln(1 + N/df); an unseen term
    /// counts as seen once.
    func idf(_ term: String) -> Double { log(1 + Double(documents) / Double(max(documentFrequency[term] ?? 1, 1))) }

    var maximumIDF: Double { log(1 + Double(documents)) }

    /// How well word `a` matches word `b`, in [0, 1]. `acrossLanguages`: the words come from
    /// claims in different languages, where naming one concept makes them translations of each
    /// other. Within a language the concepts are not used: there they are looser than the
    /// synonym groups (on the tune split of Benchmarks/claims, two more right links within a
    /// language and two more wrong ones).
    func wordMatch(_ a: ContentWord, _ b: ContentWord, acrossLanguages: Bool) -> Double {
        if a.form == b.form || a.stem == b.stem { return 1 }
        if a.isNumber || b.isNumber { return 0 }
        if let group = a.synonymGroup, group == b.synonymGroup { return ClaimMatcher.synonymMatch }
        if a.suffixing, b.suffixing {
            var common = 0
            for (x, y) in zip(a.form.unicodeScalars, b.form.unicodeScalars) {
                guard x == y else { break }
                common += 1
            }
            let shorter = min(a.form.unicodeScalars.count, b.form.unicodeScalars.count)
            if common >= ClaimMatcher.suffixPrefix, Double(common) >= ClaimMatcher.suffixPrefixShare * Double(shorter) {
                return ClaimMatcher.suffixMatch
            }
        }
        if acrossLanguages, !a.concepts.isEmpty, a.concepts.contains(where: b.concepts.contains) { return ClaimMatcher.conceptMatch }
        guard a.form.unicodeScalars.count >= ClaimMatcher.trigramMinimumLength,
              b.form.unicodeScalars.count >= ClaimMatcher.trigramMinimumLength else { return 0 }
        let dice = Orthography.dice(a.trigrams, b.trigrams)
        return dice >= ClaimMatcher.trigramDice ? dice : 0
    }

    /// Whether two claims are in different (known) languages: their words are then mostly
    /// translations of each other, which no word match can see.
    static func crossLanguage(_ a: ClaimUnit, _ b: ClaimUnit) -> Bool {
        a.language != b.language && a.language != "und" && b.language != "und"
    }

    func match(_ a: ClaimUnit, _ b: ClaimUnit) -> ClaimMatch {
        var labels: [(String, Double)] = []
        var matchedA = 0.0, totalA = 0.0, matchedB = 0.0, totalB = 0.0
        var matchedCount = 0, matchedCountB = 0
        // Matched names, numbers and dates: the facts' anchors, which survive translation.
        var anchors = 0, anchorsB = 0
        // Across languages an unmatched word is weak evidence against a match (it is likely a
        // translation): it weighs `translatedWordWeight` in the score. Coverage (how much of
        // a claim the other states) stays strict: a translation is not proof of the words.
        let unmatchedWeight = ClaimMatcher.crossLanguage(a, b) ? ClaimMatcher.translatedWordWeight : 1
        var discountA = 0.0, discountB = 0.0

        // Every word of `a` against every word of `b`, once.
        let acrossLanguages = ClaimMatcher.crossLanguage(a, b)
        let similarity = a.words.map { word in b.words.map { wordMatch(word, $0, acrossLanguages: acrossLanguages) } }
        for (x, word) in a.words.enumerated() {
            let weight = idf(word.stem)
            let best = similarity[x].max() ?? 0
            totalA += best > 0 ? weight : weight * unmatchedWeight
            if best == 0 { discountA += weight * (1 - unmatchedWeight) }
            if best > 0 {
                matchedA += weight * best
                matchedCount += 1
                labels.append((word.text.lowercased(), weight * best))
            }
        }
        for (y, word) in b.words.enumerated() {
            let weight = idf(word.stem)
            let best = similarity.map { $0[y] }.max() ?? 0
            totalB += best > 0 ? weight : weight * unmatchedWeight
            if best == 0 { discountB += weight * (1 - unmatchedWeight) }
            matchedB += weight * best
            if best > 0 { matchedCountB += 1 }
        }

        // Two content words matched in the same order in both claims ("major drug …") are
        // a phrase the sources share: a bonus on top of the words' own weight.
        var bigramBonus = 0.0
        if a.words.count > 1, b.words.count > 1 {
            for x in 0..<(a.words.count - 1) {
                let shared = (0..<(b.words.count - 1)).contains { y in similarity[x][y] > 0 && similarity[x + 1][y + 1] > 0 }
                if shared {
                    let weight = ClaimMatcher.bigramWeight * min(idf(a.words[x].stem), idf(a.words[x + 1].stem))
                    bigramBonus += weight
                    labels.append((a.words[x].text.lowercased() + " " + a.words[x + 1].text.lowercased(), weight))
                }
            }
        }
        matchedA += bigramBonus
        matchedB += bigramBonus

        // Each entity of one side against its best counterpart on the other (see `entityMatch`).
        func bestEntity(_ key: String, in other: [String: String]) -> Double {
            if other[key] != nil { return 1 }
            return other.keys.map { ClaimMatcher.entityMatch(key, $0) }.max() ?? 0
        }
        // In key order: a dictionary's order changes from run to run, and with it the order
        // of the shared labels and the last bits of the sums.
        for (key, text) in a.entities.sorted(by: { $0.key < $1.key }) {
            let weight = ClaimMatcher.entityBoost * idf(ClaimMatcher.entityTerm(key))
            totalA += weight
            let best = bestEntity(key, in: b.entities)
            if best > 0 {
                matchedA += weight * best
                matchedCount += 1
                anchors += 1
                labels.append((text, weight * best))
            }
        }
        for key in b.entities.keys.sorted() {
            let weight = ClaimMatcher.entityBoost * idf(ClaimMatcher.entityTerm(key))
            totalB += weight
            let best = bestEntity(key, in: a.entities)
            if best > 0 { matchedB += weight * best; matchedCountB += 1; anchorsB += 1 }
        }

        let numberWeight = ClaimMatcher.numberWeight * maximumIDF
        for number in a.numbers {
            totalA += numberWeight
            if b.numbers.contains(where: { $0.mayCountTheSame(as: number) }) {
                matchedA += numberWeight
                matchedCount += 1
                anchors += 1
                labels.append((number.text, numberWeight))
            }
        }
        for number in b.numbers {
            totalB += numberWeight
            if a.numbers.contains(where: { $0.mayCountTheSame(as: number) }) { matchedB += numberWeight; matchedCountB += 1; anchorsB += 1 }
        }

        // Only resolved times take part: an unresolved one can neither agree nor disagree.
        let timeWeight = ClaimMatcher.timeWeight * maximumIDF
        let timesA = a.resolvedTimes, timesB = b.resolvedTimes
        for interval in timesA {
            totalA += timeWeight
            if timesB.contains(where: { $0.overlaps(interval) }) {
                matchedA += timeWeight
                matchedCount += 1
                anchors += 1
                labels.append((ReportFormatting.interval(interval), timeWeight))
            }
        }
        for interval in timesB {
            totalB += timeWeight
            if timesA.contains(where: { $0.overlaps(interval) }) { matchedB += timeWeight; matchedCountB += 1; anchorsB += 1 }
        }

        guard totalA > 0, totalB > 0 else { return .none }
        var seen: Set<String> = []
        let shared = labels.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0).filter { seen.insert($0).inserted }
        return ClaimMatch(score: min(1, (matchedA + matchedB) / (totalA + totalB)),
                          coverage: (min(1, matchedA / (totalA + discountA)), min(1, matchedB / (totalB + discountB))),
                          matched: min(matchedCount, matchedCountB), anchors: min(anchors, anchorsB), shared: shared)
    }
}
