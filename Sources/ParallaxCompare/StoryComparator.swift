import ParallaxAnnotate
import ParallaxCore

/// Compares the articles of one (candidate) story claim by claim.
///
/// Each article is cut into claim units (sentences, and the phrases inside them). Every
/// cross-source sentence pair is scored by IDF-weighted overlap of content words (stems,
/// spelling variants, synonyms, character trigrams), entity keys, compatible numbers and
/// overlapping resolved times. Aligned pairs become corroborated claims; sentences (or
/// phrases of shared sentences) that match nothing elsewhere become unique claims; aligned
/// pairs whose numbers or dates cannot agree become conflicts. On top of the claims: copies
/// of one text count as one source (`CopyDetector`), dated claims form a timeline
/// (`StoryTimeline`), acts between named actors form relations (`RelationFinder`), and each
/// source's omissions are the corroborated claims it lacks. See docs/report-format.md.
public struct StoryComparator: StoryComparer {
    /// A phrase of a source is its own when at most this share of its weight is found in any
    /// one sentence of another source.
    static let uniquePhraseCoverage = 0.35
    static let evidenceLimit = 12
    static let sharedLabelLimit = 8

    /// Annotates titles, whose entities join the shared-entity table: a headline is often
    /// in another language than the body ("Witte Huis" over an English text). nil: bodies only.
    let titleAnnotator: (any Annotator)?

    /// Dense sentence vectors for alignment (`SentencePairScore.dense`); nil: lexical evidence only.
    let embedder: (any TextEmbedder)?

    /// Told when the embedder fails on a story, whose comparison then falls back to lexical
    /// evidence: a user who asked for embeddings must not get a lexical report unawares.
    let embedderFailed: (@Sendable (ParallaxError) -> Void)?

    public init(titleAnnotator: (any Annotator)? = ArticleAnnotator(), embedder: (any TextEmbedder)? = nil,
                embedderFailed: (@Sendable (ParallaxError) -> Void)? = nil) {
        self.titleAnnotator = titleAnnotator
        self.embedder = embedder
        self.embedderFailed = embedderFailed
    }

    /// Reads the weekday of dates that no publication date resolved, with the same annotator;
    /// nil without one.
    var weekdays: WeekdayReader? { titleAnnotator.map { WeekdayReader(annotator: $0) } }

    /// Entity mentions of each article's title (their spans point into the title, not the text).
    private func titleEntities(_ articles: [AnnotatedArticle]) -> [[EntityMention]] {
        articles.map { annotated in
            let article = annotated.article
            guard let titleAnnotator, !article.title.isEmpty else { return [] }
            let language = article.segments.first { $0.kind == .title }?.language ?? article.language
            let title = Article(source: article.source, title: "", paragraphs: [article.title], published: article.published,
                                language: language)
            return titleAnnotator.annotate(title).entities
        }
    }

    /// One sentence pair of two sources as the alignment saw it: for
    /// `parallax compare --sentence-pairs`, which fitting the alignment model reads.
    public struct SentencePair: Sendable, Codable {
        /// The two sentences: source label and scalar offsets into its text.
        public var source1: String
        public var start1: Int
        public var end1: Int
        public var source2: String
        public var start2: Int
        public var end2: Int
        public var evidence: AlignmentEvidence
        /// With an embedder, how far the pair's cosine stands out (`SentencePairScore.denseStanding`).
        public var denseStanding: Double?
        /// The alignment model's probability that the two state one fact.
        public var probability: Double
        /// Whether the pair is aligned in the end (by the model, the dense rules or as a neighbour).
        public var aligned: Bool

        enum CodingKeys: String, CodingKey {
            case source1, start1, end1, source2, start2, end2, evidence, probability, aligned
            case denseStanding = "dense_standing"
        }
    }

    /// Dense sentence vectors of the story, nil without an embedder or when it fails (told to
    /// `embedderFailed`).
    private func sentenceVectors(_ articles: [AnnotatedArticle], _ units: [ClaimUnits]) -> SentenceVectors? {
        guard let embedder else { return nil }
        do throws(ParallaxError) {
            // All sentences of the story in one call: an engine call costs most per batch.
            return try SentenceVectors(units: units, text: { articles[$0.source].article.text.substring($0.span) }, embedder: embedder)
        } catch {
            embedderFailed?(error)
            return nil
        }
    }

    public func compare(_ articles: [AnnotatedArticle]) -> StoryReport { compare(articles, listingPairs: false).report }

    /// The report, and every pair of sentences from two sources that shares some evidence with
    /// what the alignment read of it, from one alignment (`parallax compare --sentence-pairs`).
    public func compareListingPairs(_ articles: [AnnotatedArticle]) -> (report: StoryReport, pairs: [SentencePair]) {
        compare(articles, listingPairs: true)
    }

    private func compare(_ articles: [AnnotatedArticle], listingPairs: Bool) -> (report: StoryReport, pairs: [SentencePair]) {
        let labels = Self.labels(articles)
        let units = articles.enumerated().map { ClaimUnits($0.element, source: $0.offset) }
        let matcher = ClaimMatcher(units: units.flatMap(\.sentences))
        let alignment = SentenceAlignment(units: units, matcher: matcher, vectors: sentenceVectors(articles, units),
                                          recordingPairs: listingPairs)
        let titles = titleEntities(articles)
        let similarity = StorySimilarity(units: units, matcher: matcher, titleEntityKeys: titles.map { Set($0.map(\.key)) })

        func claim(_ source: Int, _ span: TextSpan) -> StoryReport.ClaimSentence {
            StoryReport.ClaimSentence(source: labels[source], text: articles[source].article.text.substring(span),
                                      start: span.start, end: span.end)
        }
        func unit(_ ref: SentenceAlignment.SentenceRef) -> ClaimUnit? {
            units[ref.source].sentences.first { $0.sentence == ref.sentence }
        }

        let weekdayReader = weekdays  // one reader for every aligned pair
        let articleNumbers = units.map { $0.sentences.flatMap(\.numbers) }
        let sentenceTokens = articles.map { article in Dictionary(article.sentences.map { ($0.index, $0.tokens) }) { first, _ in first } }
        func side(_ unit: ClaimUnit, text span: TextSpan) -> ConflictFinder.Side {
            .init(source: labels[unit.source], text: claim(unit.source, span).text, unit: unit, articleNumbers: articleNumbers[unit.source],
                  tokens: sentenceTokens[unit.source][unit.sentence] ?? [])
        }
        let copies = CopyDetector(articles, labels: labels)
        var corroborated: [StoryReport.Corroboration] = []
        var conflicts: [StoryReport.Conflict] = []
        var groups: [(sentences: [ClaimUnit], strength: Double)] = []
        var links = ClaimLinker()
        // Claims stated only by copies of one text: one source says them, however many print them.
        var copiedOnly: [StoryReport.ClaimSentence] = []
        for group in alignment.groups() {
            let sentences = group.sentences.compactMap(unit)
            groups.append((sentences, group.edges.map(\.match.score).max() ?? 0))
            for edge in group.edges {
                guard let a = unit(edge.a), let b = unit(edge.b) else { continue }
                let found = ConflictFinder.conflicts(
                    side(a, text: a.span), side(b, text: b.span),
                    datesComparable: edge.match.score >= SentenceAlignment.dateThreshold(a, b), weekdays: weekdayReader)
                conflicts += found
                links.recordAligned(edge, valuesDiffer: !found.isEmpty)
            }
            // A group in which every source gives one sentence states one fact, so sentences
            // that align only through a third source still fill the same slots.
            if Dictionary(grouping: sentences, by: \.source).values.allSatisfy({ $0.count == 1 }) {
                let direct = Set(group.edges.map { [$0.a.source, $0.b.source] })
                for (x, a) in sentences.enumerated() {
                    for b in sentences[(x + 1)...] where !direct.contains([a.source, b.source]) && copies.groupOf[a.source] != copies.groupOf[b.source] {
                        let found = ConflictFinder.conflicts(side(a, text: a.span), side(b, text: b.span))
                        conflicts += found
                        if !found.isEmpty {
                            links.record(.init(source: a.source, sentence: a.sentence), .init(source: b.source, sentence: b.sentence),
                                         .differentValue, score: matcher.match(a, b).score)
                        }
                    }
                }
            }
            let independent = copies.independentCount(sentences.map(\.source))
            guard independent >= 2 else {
                // A sentence stating two facts may be in two such groups: listed once.
                copiedOnly += sentences.map { claim($0.source, $0.span) }.filter { new in
                    !copiedOnly.contains { $0.source == new.source && $0.start == new.start }
                }
                continue
            }
            var seen: Set<String> = []
            let shared = group.edges.sorted { $0.match.score > $1.match.score }.flatMap(\.match.shared)
                .filter { seen.insert($0.lowercased()).inserted }
            corroborated.append(StoryReport.Corroboration(
                sentences: sentences.map { claim($0.source, $0.span) },
                score: Self.rounded(group.edges.map(\.match.score).max() ?? 0),
                shared: Array(shared.prefix(Self.sharedLabelLimit)), independentSources: independent))
        }

        let alignedPairs = Set(alignment.edges.flatMap { edge in
            [[edge.a.source, edge.a.sentence, edge.b.source, edge.b.sentence], [edge.b.source, edge.b.sentence, edge.a.source, edge.a.sentence]]
        })
        let slotConflicts = ConflictFinder.slotConflicts(
            units: units, matcher: matcher, aligned: alignedPairs, sameText: { copies.groupOf[$0] == copies.groupOf[$1] },
            side: { phrase in
                side(phrase, text: (unit(.init(source: phrase.source, sentence: phrase.sentence)) ?? phrase).span)
            })
        conflicts += slotConflicts.map(\.conflict)

        let quoteMatcher = QuoteMatcher(articles, labels: labels)
        conflicts += quoteMatcher.conflicts

        // Links between claims: the findings above, and the pairs alignment left apart
        // although one sentence states the other's fact and more.
        func score(_ a: SentenceAlignment.SentenceRef, _ b: SentenceAlignment.SentenceRef) -> Double {
            guard let x = unit(a), let y = unit(b) else { return 0 }
            return matcher.match(x, y).score
        }
        for slot in slotConflicts { links.record(slot.a, slot.b, .differentValue, score: score(slot.a, slot.b)) }
        for pair in quoteMatcher.sentencePairs {
            links.record(pair.a, pair.b, pair.differ ? .contradiction : .same, score: score(pair.a, pair.b))
        }
        for pair in alignment.contained { links.recordContained(pair) }

        let entities = Self.sharedEntities(zip(articles, titles).map { $0.entities + $1 }, labels: labels)
        var components: [StorySimilarity.Components] = []
        for i in articles.indices {
            for j in articles.indices where j > i { components.append(similarity.components(i, j, units: units, alignment: alignment)) }
        }
        let score = components.isEmpty ? 0 : components.map(\.similarity).reduce(0, +) / Double(components.count)

        let report = StoryReport(
            sources: articles.enumerated().map { index, annotated in
                StoryReport.Source(id: annotated.article.id, source: labels[index], title: annotated.article.title,
                                   headline: annotated.article.headline,
                                   language: annotated.article.language ?? "und",
                                   published: annotated.article.published.map(CalendarDay.init),
                                   words: annotated.article.wordCount)
            },
            sameStory: score >= 0.5,
            similarity: Self.rounded(score),
            evidence: Self.evidence(articles, units: units, matcher: matcher, entities: entities),
            entities: entities,
            corroborated: corroborated,
            unique: Self.inSourceOrder(uniqueClaims(units: units, titles: titles, matcher: matcher, alignment: alignment, claim: claim)
                                       + copiedOnly,
                                       labels: labels),
            conflicts: conflicts,
            quotes: quoteMatcher.quotes,
            times: articles.enumerated().flatMap { index, annotated in
                annotated.times.map { time in
                    let sentence = annotated.sentences.first { $0.index == time.sentence }
                    return StoryReport.Time(source: labels[index], text: time.text,
                                            sentence: sentence.map { annotated.article.text.substring($0.span) } ?? "",
                                            resolved: time.resolved)
                }
            },
            timeline: StoryTimeline.events(groups: groups.sorted { $0.strength > $1.strength }.map(\.sentences), units: units, label: { labels[$0] },
                                           text: { articles[$0.source].article.text.substring($0.span) }),
            relations: RelationFinder.relations(articles, titles: titles, labels: labels),
            copies: copies.groups,
            firstPublished: copies.first.map { labels[$0] },
            omissions: Self.omissions(corroborated, articles: articles, labels: labels),
            claims: links.claims(articles, units: units, labels: labels))
        return (report, listingPairs ? Self.sentencePairs(alignment, units: units, labels: labels) : [])
    }

    /// The scored pairs an alignment recorded, with their sentences' offsets.
    private static func sentencePairs(_ alignment: SentenceAlignment, units: [ClaimUnits], labels: [String]) -> [SentencePair] {
        let aligned = Set(alignment.edges.map { [$0.a, $0.b] })
        func span(_ ref: SentenceAlignment.SentenceRef) -> TextSpan {
            units[ref.source].sentences.first { $0.sentence == ref.sentence }?.span ?? TextSpan(start: 0, end: 0)
        }
        return alignment.pairs.map { pair in
            let a = span(pair.a), b = span(pair.b)
            return SentencePair(source1: labels[pair.a.source], start1: a.start, end1: a.end,
                                source2: labels[pair.b.source], start2: b.start, end2: b.end,
                                evidence: pair.evidence, denseStanding: pair.denseStanding,
                                probability: pair.probability, aligned: aligned.contains([pair.a, pair.b]))
        }
    }

    /// Claims in the order of the sources given, then of their text.
    static func inSourceOrder(_ claims: [StoryReport.ClaimSentence], labels: [String]) -> [StoryReport.ClaimSentence] {
        let order = Dictionary(labels.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return claims.enumerated().sorted {
            (order[$0.element.source] ?? 0, $0.element.start, $0.offset) < (order[$1.element.source] ?? 0, $1.element.start, $1.offset)
        }.map(\.element)
    }

    /// For each source, the corroborated claims none of its sentences states. Each claim is
    /// shown by one of its sentences, in the omitting source's language when a source of that
    /// language states it, and not already shown for another claim: a long sentence stating
    /// several facts sits in several claims, and was listed once for each. A claim all of
    /// whose sentences are listed already is not listed again.
    static func omissions(_ corroborated: [StoryReport.Corroboration], articles: [AnnotatedArticle],
                          labels: [String]) -> [StoryReport.Omission] {
        let language = Dictionary(zip(labels, articles.map { $0.article.language ?? "und" }), uniquingKeysWith: { a, _ in a })
        return labels.compactMap { label in
            var shown: Set<[String]> = []
            let missing = corroborated.filter { !$0.sentences.contains { $0.source == label } }.compactMap { claim -> StoryReport.ClaimSentence? in
                let fresh = claim.sentences.filter { !shown.contains([$0.source, String($0.start)]) }
                guard let pick = fresh.first(where: { language[$0.source] == language[label] }) ?? fresh.first else { return nil }
                shown.insert([pick.source, String(pick.start)])
                return pick
            }
            return missing.isEmpty ? nil : StoryReport.Omission(source: label, claims: missing)
        }
    }

    /// Sentences that match nothing in any other source, and phrases of the other sentences
    /// that add something no other source has.
    /// - Parameter titles: each source's title entities. A name another source gives only in
    ///   its headline ("Witte Huis" over an English text that says "Oval Office") is no new
    ///   fact of a sentence that names it.
    private func uniqueClaims(units: [ClaimUnits], titles: [[EntityMention]], matcher: ClaimMatcher, alignment: SentenceAlignment,
                              claim: (Int, TextSpan) -> StoryReport.ClaimSentence) -> [StoryReport.ClaimSentence] {
        let aligned = alignment.alignedSentences
        var unique: [StoryReport.ClaimSentence] = []
        for (source, article) in units.enumerated() {
            let others = units.enumerated().filter { $0.offset != source }.flatMap(\.element.sentences)
            let otherWords = others.flatMap(\.words)
            let otherTitles = titles.enumerated().filter { $0.offset != source }.flatMap(\.element).map(\.key)
            let otherEntities = Set(others.flatMap(\.entities.keys) + otherTitles)
            let otherNumbers = others.flatMap(\.numbers)
            let otherTimes = others.flatMap(\.resolvedTimes)
            let otherForms = Set(otherWords.map(\.form)), otherStems = Set(otherWords.map(\.stem))
            // A word is new when no other source has it, nor (in another language) a translation of it.
            func isNew(_ word: ContentWord, in unit: ClaimUnit) -> Bool {
                !otherForms.contains(word.form) && !otherStems.contains(word.stem)
                    && !others.contains { other in
                        let across = ClaimMatcher.crossLanguage(unit, other)
                        return other.words.contains { matcher.wordMatch(word, $0, acrossLanguages: across) > 0 }
                    }
            }
            // A name another source writes is no new fact, even where that source's recogniser
            // did not take it for one (a lone capitalised German word: "ein Krankenhaus in
            // Bremerhaven").
            func isNewName(_ key: String) -> Bool {
                !otherEntities.contains(key) && !key.split(separator: " ").allSatisfy { otherForms.contains(String($0)) }
            }
            for (index, sentence) in article.sentences.enumerated() {
                let ref = SentenceAlignment.SentenceRef(source: source, sentence: sentence.sentence)
                let isAligned = aligned.contains(ref)
                if !isAligned, (alignment.bestScore[ref] ?? 0) < SentenceAlignment.nothingThreshold {
                    if sentence.hasFact { unique.append(claim(source, sentence.span)) }
                    continue
                }
                // A phrase is its own when no sentence elsewhere covers much of it and it brings
                // something new; inside a corroborated sentence, only a new name, number or date
                // counts (the rest is wording).
                let own = article.phrases[index].filter { phrase in
                    // A fragment must name, count or date something to stand on its own.
                    guard !phrase.entities.isEmpty || !phrase.numbers.isEmpty || !phrase.times.isEmpty else { return false }
                    let newFact = phrase.entities.keys.contains(where: isNewName)
                        || phrase.numbers.contains { number in
                            // A person's age another source gives otherwise is a conflict, not a new fact.
                            number.unit != nil && !otherNumbers.contains { $0.agrees(with: number) || ConflictFinder.sameHolder($0, number) }
                        }
                        || phrase.resolvedTimes.contains { time in !otherTimes.contains { $0.overlaps(time) } }
                    guard newFact || (!isAligned && phrase.words.contains { isNew($0, in: phrase) }) else { return false }
                    let covered = others.map { matcher.match(phrase, $0).coverage.0 }.max() ?? 0
                    return covered <= Self.uniquePhraseCoverage
                }
                // A sentence no other source states is reported whole when any phrase of it is
                // its own: a part alone ("said senior prosecutor Annette Kühl.") loses what the
                // sentence says, and nothing else in the report shows the rest.
                if !isAligned, !own.isEmpty, sentence.hasFact {
                    unique.append(claim(source, sentence.span))
                } else {
                    // An aligned sentence is listed among the corroborated claims: its own part
                    // is listed when it is a part, never the whole sentence twice over.
                    unique += own.filter { !isAligned || $0.span != sentence.span }.map { claim(source, $0.span) }
                }
            }
        }
        return unique
    }

    /// Entities named by two or more sources (in body or title), with every form each source used.
    static func sharedEntities(_ mentions: [[EntityMention]], labels: [String]) -> [StoryReport.Entity] {
        struct Gathered {
            var names: [String] = []
            var kinds: [EntityMention.Kind: Int] = [:]
            var forms: [String: Set<Int>] = [:]
            var sources: Set<Int> = []
            var mentions = 0
        }
        var byKey: [String: Gathered] = [:]
        var order: [String] = []
        for (index, article) in mentions.enumerated() {
            for mention in article {
                if byKey[mention.key] == nil { order.append(mention.key) }
                var entry = byKey[mention.key, default: Gathered()]
                entry.names.append(mention.name)
                entry.kinds[mention.kind, default: 0] += 1
                entry.forms[mention.text, default: []].insert(index)
                entry.sources.insert(index)
                entry.mentions += 1
                byKey[mention.key] = entry
            }
        }
        let shared = order.compactMap { key -> (entity: StoryReport.Entity, mentions: Int)? in
            guard let entry = byKey[key], entry.sources.count >= 2 else { return nil }
            let name = entry.names.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? key
            let kind = entry.kinds.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? .other
            let variants = entry.forms.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
                .map { StoryReport.Entity.Variant(text: $0.key, sources: $0.value.sorted().map { labels[$0] }) }
            return (StoryReport.Entity(name: name, kind: kind, variants: variants, sources: entry.sources.sorted().map { labels[$0] }),
                    entry.mentions)
        }
        return shared.sorted {
            $0.entity.sources.count != $1.entity.sources.count ? $0.entity.sources.count > $1.entity.sources.count : $0.mentions > $1.mentions
        }.map(\.entity)
    }

    /// What the articles share: entities, distinctive terms, numbers, dates.
    static func evidence(_ articles: [AnnotatedArticle], units: [ClaimUnits], matcher: ClaimMatcher,
                         entities: [StoryReport.Entity]) -> StoryReport.Evidence {
        // Terms: stems used by two or more articles, ranked by the smaller article's weight.
        var perArticle: [[String: (count: Int, text: String)]] = []
        for article in units {
            var counts: [String: (count: Int, text: String)] = [:]
            for word in article.sentences.flatMap(\.words) where !word.isNumber {
                counts[word.stem] = ((counts[word.stem]?.count ?? 0) + 1, counts[word.stem]?.text ?? word.text.lowercased())
            }
            perArticle.append(counts)
        }
        var termScores: [String: (score: Double, text: String)] = [:]
        for (i, a) in perArticle.enumerated() {
            for (j, b) in perArticle.enumerated() where j > i {
                for (stem, entry) in a {
                    guard let other = b[stem] else { continue }
                    let score = Double(min(entry.count, other.count)) * matcher.idf(stem)
                    if score > termScores[stem]?.score ?? 0 { termScores[stem] = (score, entry.text) }
                }
            }
        }
        let terms = termScores.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
            .prefix(evidenceLimit).map(\.value.text)

        var numbers: [String] = []
        var dates: [String] = []
        for (i, a) in articles.enumerated() {
            for b in articles[(i + 1)...] {
                for number in a.numbers where b.numbers.contains(where: { $0.agrees(with: number) }) {
                    let label = ReportFormatting.number(number)
                    if !numbers.contains(label) { numbers.append(label) }
                }
                for time in a.times {
                    guard let interval = time.resolved, b.times.contains(where: { $0.resolved?.overlaps(interval) ?? false }) else { continue }
                    let label = ReportFormatting.interval(interval)
                    if !dates.contains(label) { dates.append(label) }
                }
            }
        }
        return StoryReport.Evidence(sharedEntities: Array(entities.prefix(evidenceLimit).map(\.name)), sharedTerms: Array(terms),
                                    sharedNumbers: Array(numbers.prefix(evidenceLimit)), sharedDates: Array(dates.prefix(evidenceLimit)))
    }

    /// One label per source: its path or URL, numbered when two sources share one.
    static func labels(_ articles: [AnnotatedArticle]) -> [String] {
        var used: [String: Int] = [:]
        return articles.map { annotated in
            let base = annotated.article.source
            used[base, default: 0] += 1
            return used[base]! == 1 ? base : "\(base)#\(used[base]!)"
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
