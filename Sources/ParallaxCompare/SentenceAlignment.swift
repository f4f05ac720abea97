import ParallaxCore

/// Which sentences of different sources state the same fact.
///
/// Every cross-source sentence pair is scored (`SentencePairScore`: `ClaimMatcher`'s lexical
/// match, and with an embedder how far the pair's cosine stands out). A pair aligns when
/// - the alignment model (`AlignmentModel`, a logistic model fitted on annotated pairs) finds
///   it likely to state one fact from its match and its place among the pairs of its two
///   articles: the score, the shared features, how much of each side the other covers,
///   whether it is the best match of one or both sentences, how far apart the sentences sit,
///   and whether one of them opens its article (a headline fused with the lead);
/// - or, with an embedder (`SentenceVectors`), its cosine stands out among the sentence pairs
///   of its two articles (`DenseRules`), with a little lexical support or, across languages,
///   far enough alone: translations share no words.
/// A sentence may align with several sentences of another source (a fact spread over two
/// sentences), but only with its `partnersPerSource` best. The sentences next to an aligned
/// pair, in the same order, align on weaker evidence (`neighbourThreshold`): outlets tell an
/// event in much the same order. Within a language they still need two shared words besides
/// names, numbers and dates: every sentence of two reports may name the story's protagonist.
/// A line that says nothing (`ClaimUnit.saysSomething`: a name, bare number or date alone,
/// such as a dateline or a list number) aligns with nothing.
struct SentenceAlignment: Sendable {
    /// How a cosine that stands out aligns a pair (with an embedder): chosen for precision on
    /// the tuning split of Benchmarks/claims.
    struct DenseRules: Sendable {
        /// A pair whose cosine stands `standing` deviations above the other pairs of its two
        /// articles aligns with `shared` shared features; one that stands out by
        /// `aloneStanding` aligns on that alone.
        var standing: Double
        var shared: Int
        var aloneStanding: Double

        /// Within a language the alignment model reads the words well: the cosine adds only
        /// pairs whose cosine stands 2 deviations out and that share two features, never a
        /// pair on the cosine alone (at 1.5 deviations, or alone from 2.5, it added 4 right
        /// and 9 wrong links on the tune split of Benchmarks/claims with e5).
        static let sameLanguage = DenseRules(standing: 2, shared: 2, aloneStanding: .infinity)
        /// A translation shares little beyond names and numbers, so across languages the
        /// cosine counts for more: 2 deviations with one shared feature, or 2.5 alone. (Tune
        /// split, cross-language links: 17 right and 10 wrong at 1.5 with two features or 2
        /// alone, 17 and 6 with these; chosen among standings 1.5 / 2, features 1 / 2 / 3 and
        /// alone 2 / 2.5.)
        static let crossLanguage = DenseRules(standing: 2, shared: 1, aloneStanding: 2.5)

        static func between(_ a: ClaimUnit, _ b: ClaimUnit) -> DenseRules {
            ClaimMatcher.crossLanguage(a, b) ? crossLanguage : sameLanguage
        }

        func aligns(_ pair: SentencePairScore) -> Bool {
            guard let standing = pair.denseStanding else { return false }
            return standing >= aloneStanding || (standing >= self.standing && pair.lexical.matched >= shared)
        }
    }

    /// Score from which the dates of an aligned pair are one slot (`ConflictFinder.conflicts`):
    /// pairs this strong state one fact, weaker ones may tell two events of one story.
    static let threshold = 0.3
    /// The same across languages, where names and numbers carry the score: of the 20
    /// cross-language date conflicts in the stream's 200 largest stories (scores 0.30–0.59),
    /// 19 set two events of a loosely grouped story against each other ("el martes" against
    /// "Wednesday" for two shootings); the one right, a mistranslated year, scored 0.48.
    static let crossLanguageDateThreshold = 0.5

    /// The score from which two aligned sentences' dates are one slot.
    static func dateThreshold(_ a: ClaimUnit, _ b: ClaimUnit) -> Double {
        ClaimMatcher.crossLanguage(a, b) ? crossLanguageDateThreshold : threshold
    }
    /// Next to an aligned pair (same order in both sources), weaker evidence suffices: this
    /// score, and this many shared words besides names, numbers and dates within a language
    /// (shared features of any kind across languages). Until session 14 any two features did
    /// within a language too: a name and one word then made 4 of the rule's 7 wrong links on
    /// Benchmarks/claims, both splits, while its 3 right links and the seeds' two share two
    /// words or more (BENCHMARKS.md, Session 14).
    static let neighbourThreshold = 0.12
    static let neighbourShared = 2
    /// Across languages no pair aligns on its words below this score, however many names and
    /// concepts it shares: in a story of many articles the best pair of two loosely related
    /// articles in two languages shares a name and a word such as "said" or "minister". Of
    /// the cross-language claims of the stream's 40 largest stories below 0.2, 3 in about 45
    /// were right; every cross-language link of Benchmarks/claims scores 0.22 or more
    /// (BENCHMARKS.md, Session 21). An embedder's cosine may still align such a pair.
    static let crossLanguageFloor = 0.2
    /// Fewest shared features for a pair to count as one sentence stating the other's fact and more.
    static let minimumShared = 3
    static let partnersPerSource = 2
    /// A sentence whose best match in every other source stays below this says something
    /// nobody else says.
    static let nothingThreshold = 0.15

    struct Edge: Sendable {
        var a: SentenceRef
        var b: SentenceRef
        var match: ClaimMatch
    }

    struct SentenceRef: Sendable, Hashable, Comparable {
        var source: Int
        var sentence: Int
        static func < (l: SentenceRef, r: SentenceRef) -> Bool {
            l.source != r.source ? l.source < r.source : l.sentence < r.sentence
        }
    }

    /// A sentence covering this share of another's feature weight states that sentence's
    /// fact (`contained`)…
    static let containedCoverage = 0.7
    /// …and adds to it when at most this share of its own weight is found in the other.
    static let containerCoverage = 0.5

    /// Aligned pairs, each with `a` from the earlier source.
    let edges: [Edge]
    /// Best score of each sentence against any sentence of any other source.
    let bestScore: [SentenceRef: Double]
    /// Pairs that are not aligned although one sentence states the other's fact and more:
    /// at least `minimumShared` shared features, `containedCoverage` of one side's weight
    /// found in the other, at most `containerCoverage` of the other's found in it. Each
    /// with `a` from the earlier source, as in `edges`.
    let contained: [Edge]

    /// Every scored sentence pair with its evidence, when asked for (`recordingPairs`):
    /// what `StoryComparator.compareListingPairs` reports.
    let pairs: [ScoredPair]

    struct ScoredPair: Sendable {
        var a: SentenceRef
        var b: SentenceRef
        var evidence: AlignmentEvidence
        var denseStanding: Double?
        /// The alignment model's probability that the two state one fact.
        var probability: Double
    }

    init(units: [ClaimUnits], matcher: ClaimMatcher, vectors: SentenceVectors? = nil, model: AlignmentModel = .standard,
         recordingPairs: Bool = false) {
        var scored: [ScoredPair] = []
        var candidates: [Edge] = []
        var containing: [Edge] = []
        var best: [SentenceRef: Double] = [:]
        for i in units.indices {
            for j in units.indices where j > i {
                let first = units[i].sentences, second = units[j].sentences
                let matches = first.map { a in second.map { b in matcher.match(a, b) } }
                func edge(_ x: Int, _ y: Int) -> Edge {
                    Edge(a: SentenceRef(source: i, sentence: first[x].sentence), b: SentenceRef(source: j, sentence: second[y].sentence),
                         match: matches[x][y])
                }
                let standings = SentencePairScore.standings(first.map { a in second.map { b in
                    vectors?.cosine(SentenceRef(source: i, sentence: a.sentence), SentenceRef(source: j, sentence: b.sentence))
                } })
                let pairScores = matches.indices.map { x in
                    matches[x].indices.map { y in SentencePairScore(lexical: matches[x][y], denseStanding: standings[x][y]) }
                }
                let scores = pairScores.map { $0.map(\.score) }
                let bestOfFirst = scores.map { $0.max() ?? 0 }
                let bestOfSecond = second.indices.map { y in scores.map { $0[y] }.max() ?? 0 }
                var anchors: Set<[Int]> = []
                for x in first.indices {
                    for y in second.indices where scores[x][y] > 0 || pairScores[x][y].denseStanding != nil {
                        let saySomething = first[x].saysSomething && second[y].saysSomething
                        let score = scores[x][y], match = matches[x][y]
                        let ofFirst = score > 0 && score >= bestOfFirst[x], ofSecond = score > 0 && score >= bestOfSecond[y]
                        let evidence = AlignmentEvidence(
                            score: score, matched: match.matched, anchors: match.anchors,
                            lowerCoverage: min(match.coverage.0, match.coverage.1), higherCoverage: max(match.coverage.0, match.coverage.1),
                            bestOfEither: ofFirst || ofSecond, mutualBest: ofFirst && ofSecond,
                            crossLanguage: ClaimMatcher.crossLanguage(first[x], second[y]),
                            positionGap: abs(Double(x) / Double(first.count) - Double(y) / Double(second.count)),
                            opensAnArticle: x == 0 || y == 0)
                        let lexical = model.aligns(evidence) && (!evidence.crossLanguage || score >= SentenceAlignment.crossLanguageFloor)
                        if saySomething, lexical || DenseRules.between(first[x], second[y]).aligns(pairScores[x][y]) {
                            anchors.insert([x, y])
                        }
                        if recordingPairs {
                            scored.append(ScoredPair(a: SentenceRef(source: i, sentence: first[x].sentence),
                                                     b: SentenceRef(source: j, sentence: second[y].sentence),
                                                     evidence: evidence, denseStanding: pairScores[x][y].denseStanding,
                                                     probability: model.probability(evidence)))
                        }
                    }
                }
                // Reports of one event often tell it in the same order: the sentence after (or
                // before) an aligned pair needs less evidence to align with its counterpart.
                var neighbours: Set<[Int]> = []
                for anchor in anchors {
                    for step in [-1, 1] {
                        let x = anchor[0] + step, y = anchor[1] + step
                        guard first.indices.contains(x), second.indices.contains(y), !anchors.contains([x, y]),
                              first[x].saysSomething, second[y].saysSomething else { continue }
                        let match = matches[x][y]
                        // Across languages a translation shares little but its names and
                        // numbers, so there any two shared features will do.
                        let crossing = ClaimMatcher.crossLanguage(first[x], second[y])
                        // Within a language, a verb of saying is no shared content: every
                        // quote has one ("we decided …, the mayor said" beside "the design
                        // will decide everything, she said").
                        let saying = crossing ? 0 : match.shared.filter { CompareLexicon.sayingVerbs.contains($0.lowercased()) }.count
                        let shared = crossing ? match.matched : match.matched - match.anchors - saying
                        let threshold = crossing ? SentenceAlignment.crossLanguageFloor : SentenceAlignment.neighbourThreshold
                        if match.score >= threshold, shared >= SentenceAlignment.neighbourShared {
                            neighbours.insert([x, y])
                        }
                    }
                }
                candidates += anchors.union(neighbours).sorted { $0.lexicographicallyPrecedes($1) }.map { edge($0[0], $0[1]) }
                for x in first.indices {
                    for y in second.indices where matches[x][y].matched >= SentenceAlignment.minimumShared
                        && SentenceAlignment.oneContainsTheOther(matches[x][y].coverage) {
                        containing.append(edge(x, y))
                    }
                }
                for (x, score) in bestOfFirst.enumerated() {
                    let ref = SentenceRef(source: i, sentence: first[x].sentence)
                    best[ref] = max(best[ref] ?? 0, score)
                }
                for (y, score) in bestOfSecond.enumerated() {
                    let ref = SentenceRef(source: j, sentence: second[y].sentence)
                    best[ref] = max(best[ref] ?? 0, score)
                }
            }
        }
        // Keep an edge when it is among the best few of either end for the other's source.
        var ranked: [SentenceRef: [Int: [Double]]] = [:]
        for edge in candidates {
            ranked[edge.a, default: [:]][edge.b.source, default: []].append(edge.match.score)
            ranked[edge.b, default: [:]][edge.a.source, default: []].append(edge.match.score)
        }
        func isTop(_ ref: SentenceRef, _ other: Int, _ score: Double) -> Bool {
            let scores = (ranked[ref]?[other] ?? []).sorted(by: >)
            return scores.prefix(SentenceAlignment.partnersPerSource).contains(score)
        }
        edges = candidates.filter { isTop($0.a, $0.b.source, $0.match.score) || isTop($0.b, $0.a.source, $0.match.score) }
        bestScore = best
        pairs = scored
        let aligned = Set(edges.map { [$0.a, $0.b] })
        contained = containing.filter { !aligned.contains([$0.a, $0.b]) }
    }

    /// Whether one side of a match is mostly found in the other while the other is mostly not.
    static func oneContainsTheOther(_ coverage: (Double, Double)) -> Bool {
        (coverage.0 >= containedCoverage && coverage.1 <= containerCoverage)
            || (coverage.1 >= containedCoverage && coverage.0 <= containerCoverage)
    }

    /// Groups of sentences that state one fact: sets of sentences every two of which (from
    /// different sources) are aligned, each in source order, with the edges inside the group.
    /// Built greedily from the strongest edge down: an edge joins a group holding one of its
    /// sentences when its other sentence is aligned with every member of other sources;
    /// otherwise it starts a group of its own. Joining groups through chains instead (a
    /// long sentence aligned with two short ones, each of which aligns with a third) would
    /// claim that sentences which share nothing state the same fact. A sentence stating two
    /// facts is in two groups.
    func groups() -> [(sentences: [SentenceRef], edges: [Edge])] {
        let linked = Set(edges.flatMap { [[$0.a, $0.b], [$0.b, $0.a]] })
        var groups: [(members: [SentenceRef], edges: [Edge])] = []
        for edge in edges.sorted(by: { ($0.match.score, $1.a, $1.b) > ($1.match.score, $0.a, $0.b) }) {
            if let g = groups.firstIndex(where: { group in
                let hasA = group.members.contains(edge.a), hasB = group.members.contains(edge.b)
                return (hasA && hasB) || (hasA && SentenceAlignment.alignedWithAll(edge.b, group.members, linked))
                    || (hasB && SentenceAlignment.alignedWithAll(edge.a, group.members, linked))
            }) {
                for ref in [edge.a, edge.b] where !groups[g].members.contains(ref) { groups[g].members.append(ref) }
                groups[g].edges.append(edge)
            } else {
                groups.append((members: [edge.a, edge.b], edges: [edge]))
            }
        }
        return groups.map { (sentences: $0.members.sorted(), edges: $0.edges) }.sorted { $0.sentences.lexicographicallyPrecedes($1.sentences) }
    }

    /// Whether `ref` is aligned with every member of `members` from another source.
    private static func alignedWithAll(_ ref: SentenceRef, _ members: [SentenceRef], _ linked: Set<[SentenceRef]>) -> Bool {
        members.allSatisfy { $0.source == ref.source || linked.contains([$0, ref]) }
    }

    var alignedSentences: Set<SentenceRef> { Set(edges.flatMap { [$0.a, $0.b] }) }
}
