import ParallaxCore

/// Which sentences of different sources state the same fact.
///
/// Every cross-source sentence pair is scored by `ClaimMatcher`; a pair is aligned when it
/// shares at least `minimumShared` features (one shared name and one common word is not a
/// fact) and its score clears `threshold`, or clears `mutualThreshold` while each sentence is
/// the other's best match in its source (long sentences that carry one shared fact among
/// others score lower, but still find each other). A sentence may align with several
/// sentences of another source (a fact spread over two sentences), but only with its
/// `partnersPerSource` best. The sentences next to an aligned pair, in the same order, align
/// on weaker evidence (`neighbourThreshold`): outlets tell an event in much the same order.
struct SentenceAlignment: Sendable {
    /// Chosen for precision: pairs of sentences from unrelated news articles stay below them.
    static let threshold = 0.3
    static let mutualThreshold = 0.2
    /// Next to an aligned pair (same order in both sources), weaker evidence suffices.
    static let neighbourThreshold = 0.12
    static let neighbourShared = 2
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

    init(units: [ClaimUnits], matcher: ClaimMatcher) {
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
                let bestOfFirst = matches.map { $0.map(\.score).max() ?? 0 }
                let bestOfSecond = second.indices.map { y in matches.map { $0[y].score }.max() ?? 0 }
                var anchors: Set<[Int]> = []
                for x in first.indices {
                    for y in second.indices {
                        let match = matches[x][y]
                        guard match.matched >= SentenceAlignment.minimumShared else { continue }
                        let mutual = match.score >= bestOfFirst[x] && match.score >= bestOfSecond[y]
                        if match.score >= SentenceAlignment.threshold || (mutual && match.score >= SentenceAlignment.mutualThreshold) {
                            anchors.insert([x, y])
                        }
                    }
                }
                // Reports of one event often tell it in the same order: the sentence after (or
                // before) an aligned pair needs less evidence to align with its counterpart.
                var neighbours: Set<[Int]> = []
                for anchor in anchors {
                    for step in [-1, 1] {
                        let x = anchor[0] + step, y = anchor[1] + step
                        guard first.indices.contains(x), second.indices.contains(y), !anchors.contains([x, y]) else { continue }
                        let match = matches[x][y]
                        if match.score >= SentenceAlignment.neighbourThreshold, match.matched >= SentenceAlignment.neighbourShared {
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
        let aligned = Set(edges.map { [$0.a, $0.b] })
        contained = containing.filter { !aligned.contains([$0.a, $0.b]) }
    }

    /// Whether one side of a match is mostly found in the other while the other is mostly not.
    static func oneContainsTheOther(_ coverage: (Double, Double)) -> Bool {
        (coverage.0 >= containedCoverage && coverage.1 <= containerCoverage)
            || (coverage.1 >= containedCoverage && coverage.0 <= containerCoverage)
    }

    /// Groups of sentences joined by aligned pairs (connected components), each in source
    /// order, with the edges inside the group.
    func groups() -> [(sentences: [SentenceRef], edges: [Edge])] {
        var parent: [SentenceRef: SentenceRef] = [:]
        func root(_ ref: SentenceRef) -> SentenceRef {
            var node = ref
            while let up = parent[node], up != node { node = up }
            return node
        }
        for edge in edges {
            let ra = root(edge.a), rb = root(edge.b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: [SentenceRef: Set<SentenceRef>] = [:]
        var groupEdges: [SentenceRef: [Edge]] = [:]
        for edge in edges {
            let r = root(edge.a)
            members[r, default: []].formUnion([edge.a, edge.b])
            groupEdges[r, default: []].append(edge)
        }
        return members.map { (sentences: $0.value.sorted(), edges: groupEdges[$0.key] ?? []) }
            .sorted { $0.sentences[0] < $1.sentences[0] }
    }

    var alignedSentences: Set<SentenceRef> { Set(edges.flatMap { [$0.a, $0.b] }) }
}
