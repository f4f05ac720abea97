import ParallaxCore

/// Turns what the comparator found about pairs of sentences into `Claim`s and the links
/// between them.
///
/// The comparator reports each finding as it makes it: an aligned pair (`same`), an aligned
/// or slot-sharing pair whose numbers or dates cannot agree (`differentValue`), two sentences
/// carrying one quotation (`same`, or `contradiction` when the speaker's words differ), a
/// pair, aligned or not, in which one sentence states the other's fact and more
/// (`elaboration`). A pair keeps its strongest finding (contradiction, then different value,
/// then same, then elaboration).
/// When the claims are built, a `same` pair of one language that states nearly the same
/// thing (each sentence covers `negationCoverage` of the other) and of which only one
/// sentence is negated becomes a `contradiction`: the same words, and one says the opposite.
/// A negation in a sentence that shares only part of its content may negate something else.
struct ClaimLinker: Sendable {
    typealias Ref = SentenceAlignment.SentenceRef

    private struct Finding: Sendable {
        var kind: Claim.Link.Kind
        var score: Double
        /// The smaller share of either sentence's feature weight found in the other.
        var coverage: Double
        /// For an elaboration: the sentence that says more.
        var fuller: Ref?
    }

    /// Share of each sentence's feature weight the other must cover before a negation on one
    /// side only reads as the opposite statement.
    static let negationCoverage = 0.7

    /// Findings by pair, the pair in order (`[a, b]` with `a < b`).
    private var findings: [[Ref]: Finding] = [:]

    /// Strength of a finding: a stronger one replaces a weaker one on the same pair.
    private static func rank(_ kind: Claim.Link.Kind) -> Int {
        switch kind {
        case .contradiction: return 3
        case .differentValue: return 2
        case .same: return 1
        case .elaboration, .elaboratedBy: return 0
        }
    }

    /// An aligned pair: `differentValue` when its numbers or dates conflict; else an
    /// `elaboration` when one sentence contains the other (`SentenceAlignment.oneContainsTheOther`:
    /// most of one is found in the other, at most half of the other in it), else `same`.
    /// Alignment scores a pair by what both share (a Dice), which a short sentence inside a
    /// long one clears easily; "the same fact" also needs the long one to say little more.
    mutating func recordAligned(_ edge: SentenceAlignment.Edge, valuesDiffer: Bool) {
        let match = edge.match
        let coverage = min(match.coverage.0, match.coverage.1)
        if valuesDiffer {
            record(edge.a, edge.b, .differentValue, score: match.score, coverage: coverage)
        } else if SentenceAlignment.oneContainsTheOther(match.coverage) {
            recordContained(edge)
        } else {
            record(edge.a, edge.b, .same, score: match.score, coverage: coverage)
        }
    }

    /// A pair of which one sentence states the other's fact and more: the fuller one is the
    /// one whose own weight is less covered.
    mutating func recordContained(_ edge: SentenceAlignment.Edge) {
        let fuller = edge.match.coverage.0 >= edge.match.coverage.1 ? edge.b : edge.a
        record(edge.a, edge.b, .elaboration, score: edge.match.score, coverage: min(edge.match.coverage.0, edge.match.coverage.1),
               fuller: fuller)
    }

    /// Records `kind` for the pair, with its match score and the smaller of its two coverages
    /// (see `ClaimMatch`); `fuller` names the sentence that elaborates the other.
    mutating func record(_ x: Ref, _ y: Ref, _ kind: Claim.Link.Kind, score: Double, coverage: Double = 0, fuller: Ref? = nil) {
        guard x.source != y.source else { return }
        let key = [min(x, y), max(x, y)]
        guard let old = findings[key] else {
            findings[key] = Finding(kind: kind, score: score, coverage: coverage, fuller: fuller)
            return
        }
        var merged = ClaimLinker.rank(kind) > ClaimLinker.rank(old.kind) ? Finding(kind: kind, score: score, coverage: coverage, fuller: fuller) : old
        merged.score = max(score, old.score)
        merged.coverage = max(coverage, old.coverage)
        findings[key] = merged
    }

    /// The claims of the articles: every sentence that states a fact or is linked, in article
    /// then sentence order, with its annotations and links (strongest kind first, then score).
    func claims(_ articles: [AnnotatedArticle], units: [ClaimUnits], labels: [String]) -> [Claim] {
        var links: [Ref: [Claim.Link]] = [:]
        func id(_ ref: Ref) -> String { Claim.id(articleID: articles[ref.source].article.id, sentence: ref.sentence) }
        for (pair, finding) in findings {
            let a = pair[0], b = pair[1]
            var kind = finding.kind
            if kind == .same, finding.coverage >= ClaimLinker.negationCoverage, ClaimLinker.negatedOnOneSide(a, b, articles) {
                kind = .contradiction
            }
            let score = StoryComparator.rounded(finding.score)
            if kind == .elaboration {
                let fuller = finding.fuller ?? a, other = fuller == a ? b : a
                links[fuller, default: []].append(Claim.Link(claim: id(other), kind: .elaboration, score: score))
                links[other, default: []].append(Claim.Link(claim: id(fuller), kind: .elaboratedBy, score: score))
            } else {
                links[a, default: []].append(Claim.Link(claim: id(b), kind: kind, score: score))
                links[b, default: []].append(Claim.Link(claim: id(a), kind: kind, score: score))
            }
        }
        var claims: [Claim] = []
        for (source, annotated) in articles.enumerated() {
            let article = annotated.article
            let facts = Set(units[source].sentences.filter(\.hasFact).map(\.sentence))
            for sentence in annotated.sentences {
                let ref = Ref(source: source, sentence: sentence.index)
                let linked = links[ref] ?? []
                guard facts.contains(sentence.index) || !linked.isEmpty else { continue }
                let language = ClaimLinker.language(sentence, article)
                claims.append(Claim(
                    id: id(ref), articleID: article.id, source: labels[source], sentence: sentence.index,
                    text: article.text.substring(sentence.span), start: sentence.span.start, end: sentence.span.end,
                    language: language,
                    entities: annotated.entities.filter { $0.sentence == sentence.index },
                    numbers: annotated.numbers.filter { $0.sentence == sentence.index },
                    times: annotated.times.filter { $0.sentence == sentence.index },
                    quotes: annotated.quotes.filter { $0.sentence == sentence.index },
                    links: linked.sorted {
                        (ClaimLinker.rank($0.kind), $0.score, $1.claim) > (ClaimLinker.rank($1.kind), $1.score, $0.claim)
                    }))
            }
        }
        return claims
    }

    /// Two sentences of one language of which exactly one carries a negation
    /// (`CompareLexicon.negations`). Across languages the lists cannot tell.
    static func negatedOnOneSide(_ a: Ref, _ b: Ref, _ articles: [AnnotatedArticle]) -> Bool {
        func sentence(_ ref: Ref) -> Sentence? { articles[ref.source].sentences.first { $0.index == ref.sentence } }
        guard let x = sentence(a), let y = sentence(b) else { return false }
        let language = (ClaimLinker.language(x, articles[a.source].article), ClaimLinker.language(y, articles[b.source].article))
        guard language.0 == language.1, language.0 != "und" else { return false }
        func negated(_ s: Sentence) -> Bool { s.tokens.contains { CompareLexicon.negations.contains($0.normalized) } }
        return negated(x) != negated(y)
    }

    /// The sentence's language, the article's where the sentence's is unknown.
    static func language(_ sentence: Sentence, _ article: Article) -> String {
        sentence.language == "und" ? (article.language ?? "und") : sentence.language
    }
}
