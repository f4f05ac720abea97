import ParallaxCore
import ParallaxLanguage

/// Finds the same quotation in several sources, whatever their spelling (honour/honor),
/// dashes, quotation marks or case, and flags a speaker's quote that sources word
/// materially differently.
struct QuoteMatcher: Sendable {
    /// Dice of the folded word sets above which two quotes are one (or one quote contains
    /// the other's words: an outlet that quotes a fragment).
    static let sameQuote = 0.6
    /// A fragment must have this many words before containment counts.
    static let fragmentWords = 3

    struct Item: Sendable {
        var source: String
        var article: Int
        var quote: Quote
        var language: String
        /// Who said it, as a comparable key (see `speakerKey(of:in:)`), nil when unknown.
        var speaker: String?
        var words: Set<String>
        var content: Set<String>
        /// What the quotation names or counts (entity keys, numbers with units): these survive
        /// translation when the words do not.
        var anchors: Set<String>
        /// Meanings its content words name (`ConceptLexicon`): the same in a translation.
        var concepts: Set<Int32> = []
    }

    /// Two sentences of different sources that carry one quotation; `differ` when the
    /// speaker's words differ materially between them (a quote conflict).
    struct SentencePair: Sendable {
        var a: SentenceAlignment.SentenceRef
        var b: SentenceAlignment.SentenceRef
        var differ: Bool
    }

    private(set) var quotes: [StoryReport.MatchedQuote] = []
    private(set) var conflicts: [StoryReport.Conflict] = []
    private(set) var sentencePairs: [SentencePair] = []

    init(_ articles: [AnnotatedArticle], labels: [String]) {
        var items: [Item] = []
        for (index, article) in articles.enumerated() {
            for quote in article.quotes {
                let words = Orthography.comparableWords(quote.text)
                guard !words.isEmpty else { continue }
                let sentence = article.sentences.first { $0.index == quote.sentence }
                let language = sentence?.language ?? article.article.language ?? "und"
                let anchors = Set(article.entities.filter { quote.span.contains($0.span) }.map { "e:" + $0.key }
                                  + article.numbers.filter { quote.span.contains($0.span) }.map { "n:" + ReportFormatting.number($0) })
                let concepts = Set((sentence?.tokens ?? []).filter { $0.isContent && quote.span.contains($0.span) }
                    .flatMap { ConceptLexicon.shared.concepts(ofStem: $0.stem, language: language) })
                let speaker = QuoteMatcher.speakerKey(of: quote, in: article)
                var named = quote
                if named.speaker == nil, let key = speaker {
                    named.speaker = article.entities.first { $0.key == key }?.name
                }
                items.append(Item(source: labels[index], article: index, quote: named, language: language,
                                  speaker: speaker.map(QuoteMatcher.comparableSpeaker), words: Set(words),
                                  content: Set(words.filter {
                                      !CompareLexicon.englishFunctionWords.contains($0) || CompareLexicon.negations.contains($0)
                                  }), anchors: anchors, concepts: concepts))
            }
        }
        QuoteMatcher.nameKnownSpeakers(&items, articles: articles)
        var parent = Array(items.indices)
        func root(_ i: Int) -> Int {
            var node = i
            while parent[node] != node { node = parent[node] }
            return node
        }
        func union(_ a: Int, _ b: Int) {
            let ra = root(a), rb = root(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Same words (after folding): single-link in reading order.
        for j in items.indices {
            for i in 0..<j where QuoteMatcher.same(items[i], items[j]) { union(i, j) }
        }
        // Translations: same speaker, different languages.
        var translatedPairs: [(Int, Int)] = []
        for (i, j) in QuoteMatcher.translations(items) {
            translatedPairs.append((i, j))
            union(i, j)
        }
        let translatedRoots = Set(translatedPairs.map { root($0.0) })
        var members: [Int: [Int]] = [:]
        for i in items.indices { members[root(i), default: []].append(i) }
        for r in members.keys.sorted() {
            let group = members[r]!.map { items[$0] }
            guard Set(group.map(\.source)).count >= 2 else { continue }
            var seen: Set<[String]> = []
            let variants = group.filter { seen.insert([$0.source, $0.quote.text]).inserted }
                .map { StoryReport.MatchedQuote.Variant(source: $0.source, text: $0.quote.text) }
            quotes.append(StoryReport.MatchedQuote(speaker: group.lazy.compactMap(\.quote.speaker).first, variants: variants,
                                                   translated: translatedRoots.contains(r)
                                                       && Set(group.map(\.language)).count >= 2))
            for (x, first) in group.enumerated() {
                for second in group[(x + 1)...] where second.article != first.article {
                    // In one language only a quotation whose words match the other's is the same
                    // quotation, or the same given otherwise: two quotations of one speaker joined
                    // through translations of each in a third source ("gültig" and "ein
                    // zerbrechlicher Zwischenerfolg", each the one quotation of its speaker in its
                    // article) are two quotations, neither one nor a conflict.
                    let sameLanguage = first.language == second.language
                    if sameLanguage, !QuoteMatcher.same(first, second) { continue }
                    let differ = sameLanguage && QuoteMatcher.differ(first, second)
                    sentencePairs.append(SentencePair(a: .init(source: first.article, sentence: first.quote.sentence),
                                                      b: .init(source: second.article, sentence: second.quote.sentence),
                                                      differ: differ))
                    guard differ, second.source != first.source else { continue }
                    conflicts.append(StoryReport.Conflict(kind: .quote, sides: [
                        .init(source: first.source, text: first.quote.text, value: first.quote.text),
                        .init(source: second.source, text: second.quote.text, value: second.quote.text),
                    ]))
                }
            }
        }
    }

    /// Fewest concepts two quotations must share to pair as translations by meaning.
    static let sharedConcepts = 2

    /// Pairs of quotations that are one quotation in two languages. Words cannot tell (they
    /// are translated), so: the same known speaker in two articles of different languages, and
    /// either the same names and numbers inside both quotations, or, when neither names or
    /// counts anything, the speaker quoted once in each article (nothing else to pair with), or
    /// each quotation the other's one best by the meanings their words name, with at least
    /// `sharedConcepts` of them (a speaker quoted several times in each article).
    static func translations(_ items: [Item]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var bySpeaker: [String: [Int: [Int]]] = [:]
        for (i, item) in items.enumerated() {
            guard let key = item.speaker else { continue }
            bySpeaker[key, default: [:]][item.article, default: []].append(i)
        }
        for (_, articles) in bySpeaker {
            let order = articles.keys.sorted()
            for (x, a) in order.enumerated() {
                for b in order[(x + 1)...] {
                    let left = articles[a]!, right = articles[b]!
                    // Concepts two quotations share; the best partner of each by them, when it is the only best.
                    func shared(_ i: Int, _ j: Int) -> Int { items[i].concepts.intersection(items[j].concepts).count }
                    func best(_ i: Int, among candidates: [Int]) -> Int? {
                        let scored = candidates.filter { items[$0].language != items[i].language }.map { ($0, shared(i, $0)) }
                        guard let top = scored.map(\.1).max(), top >= sharedConcepts,
                              scored.filter({ $0.1 == top }).count == 1 else { return nil }
                        return scored.first { $0.1 == top }?.0
                    }
                    for i in left {
                        for j in right where items[i].language != items[j].language {
                            let sameAnchors = !items[i].anchors.isEmpty && items[i].anchors == items[j].anchors
                            let onlyOnes = left.count == 1 && right.count == 1 && items[i].anchors.isEmpty && items[j].anchors.isEmpty
                            let sameMeaning = best(i, among: right) == j && best(j, among: left) == i
                            if sameAnchors || onlyOnes || sameMeaning { pairs.append((i, j)) }
                        }
                    }
                }
            }
        }
        return pairs
    }

    /// One quotation: similar words, and no two different known speakers.
    static func same(_ a: Item, _ b: Item) -> Bool {
        if let ka = a.speaker, let kb = b.speaker, ka != kb { return false }
        let shared = Double(a.words.intersection(b.words).count)
        let dice = 2 * shared / Double(a.words.count + b.words.count)
        let smaller = min(a.words.count, b.words.count)
        return dice >= sameQuote || (smaller >= fragmentWords && shared / Double(smaller) >= 0.9)
    }

    /// Materially different words from one known speaker: content words on each side the
    /// other lacks (a fragment of a longer quote is not a conflict).
    static func differ(_ a: Item, _ b: Item) -> Bool {
        guard let ka = a.speaker, ka == b.speaker else { return false }
        return !a.content.isSubset(of: b.content) && !b.content.isSubset(of: a.content)
    }

    /// Words of a speaker key compared across articles: the last ones, so a title the
    /// annotator kept in one article's key ("fire officer jonas brettschneider") and not in
    /// another's ("jonas brettschneider") does not split one speaker in two.
    static let speakerKeyWords = 2

    static func comparableSpeaker(_ key: String) -> String {
        key.split(separator: " ").suffix(speakerKeyWords).joined(separator: " ")
    }

    /// The speaker's entity key: the annotator's, else the one person the quote's sentence
    /// names outside the quotation ("Jonas Brettschneider described the first minutes: „…“").
    static func speakerKey(of quote: Quote, in article: AnnotatedArticle) -> String? {
        if let key = quote.speakerKey { return key }
        let persons = Set(article.entities.filter {
            $0.sentence == quote.sentence && $0.kind == .person && !quote.span.overlaps($0.span)
        }.map(\.key))
        return persons.count == 1 ? persons.first : nil
    }

    /// Gives a quote without a speaker the speaker another source names for its quotes, when
    /// the quote's sentence carries that speaker's surname outside the quotation and no other
    /// known speaker's: the annotator may miss a name in one language ("Kreisbrandmeister
    /// Jonas Brettschneider schilderte …: „…“") that it finds in another.
    static func nameKnownSpeakers(_ items: inout [Item], articles: [AnnotatedArticle]) {
        var known: [String: String] = [:]  // comparable key → display name
        for item in items {
            if let key = item.speaker { known[key] = known[key] ?? item.quote.speaker }
        }
        let surnames = Dictionary(grouping: known.keys, by: { String($0.split(separator: " ").last ?? "") })
        for index in items.indices where items[index].speaker == nil {
            let item = items[index]
            guard let sentence = articles[item.article].sentences.first(where: { $0.index == item.quote.sentence }) else { continue }
            let words = Set(sentence.tokens.filter { $0.kind == .word && !item.quote.span.overlaps($0.span) }.map(\.normalized))
            let candidates = Set(surnames.filter { words.contains($0.key) }.flatMap(\.value))
            guard candidates.count == 1, let key = candidates.first else { continue }
            items[index].speaker = key
            if items[index].quote.speaker == nil { items[index].quote.speaker = known[key] ?? nil }
        }
    }
}
