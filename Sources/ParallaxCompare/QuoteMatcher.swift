import ParallaxCore

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
        var quote: Quote
        var words: Set<String>
        var content: Set<String>
    }

    private(set) var quotes: [StoryReport.MatchedQuote] = []
    private(set) var conflicts: [StoryReport.Conflict] = []

    init(_ articles: [AnnotatedArticle], labels: [String]) {
        var items: [Item] = []
        for (index, article) in articles.enumerated() {
            for quote in article.quotes {
                let words = Orthography.comparableWords(quote.text)
                guard !words.isEmpty else { continue }
                items.append(Item(source: labels[index], quote: quote, words: Set(words),
                                  content: Set(words.filter {
                                      !CompareLexicon.englishFunctionWords.contains($0) || CompareLexicon.negations.contains($0)
                                  })))
            }
        }
        // Single-link grouping in reading order; a group is reported when two sources share it.
        var groups: [[Item]] = []
        for item in items {
            if let g = groups.firstIndex(where: { $0.contains { QuoteMatcher.same(item, $0) } }) {
                groups[g].append(item)
            } else {
                groups.append([item])
            }
        }
        for group in groups where Set(group.map(\.source)).count >= 2 {
            var seen: Set<[String]> = []
            let variants = group.filter { seen.insert([$0.source, $0.quote.text]).inserted }
                .map { StoryReport.MatchedQuote.Variant(source: $0.source, text: $0.quote.text) }
            quotes.append(StoryReport.MatchedQuote(speaker: group.lazy.compactMap(\.quote.speaker).first, variants: variants))
            for (x, first) in group.enumerated() {
                for second in group[(x + 1)...] where second.source != first.source && QuoteMatcher.differ(first, second) {
                    conflicts.append(StoryReport.Conflict(kind: .quote, sides: [
                        .init(source: first.source, text: first.quote.text, value: first.quote.text),
                        .init(source: second.source, text: second.quote.text, value: second.quote.text),
                    ]))
                }
            }
        }
    }

    /// One quotation: similar words, and no two different known speakers.
    static func same(_ a: Item, _ b: Item) -> Bool {
        if let ka = a.quote.speakerKey, let kb = b.quote.speakerKey, ka != kb { return false }
        let shared = Double(a.words.intersection(b.words).count)
        let dice = 2 * shared / Double(a.words.count + b.words.count)
        let smaller = min(a.words.count, b.words.count)
        return dice >= sameQuote || (smaller >= fragmentWords && shared / Double(smaller) >= 0.9)
    }

    /// Materially different words from one known speaker: content words on each side the
    /// other lacks (a fragment of a longer quote is not a conflict).
    static func differ(_ a: Item, _ b: Item) -> Bool {
        guard let ka = a.quote.speakerKey, ka == b.quote.speakerKey else { return false }
        return !a.content.isSubset(of: b.content) && !b.content.isSubset(of: a.content)
    }
}
