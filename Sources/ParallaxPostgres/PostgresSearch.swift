import Foundation
import ParallaxStore

/// Full-text search on PostgreSQL, made to answer like the SQLite store's FTS5 index.
///
/// The words are cut and folded here, not by a text-search configuration: a word is a run of
/// letters and digits, compared without case and without diacritics ("zurich" finds
/// "Zürich"), as FTS5's `unicode61 remove_diacritics` tokenizer does. The folded words go to
/// `to_tsvector('simple', …)` (no stemming, no stopwords) joined by spaces, so the server
/// keeps them as they are; the `unaccent` extension (not always installable) is not needed.
/// Queries take the same syntax as the SQLite store's: words (all required), "phrases",
/// OR, NOT, prefix*; anything else in the query is read as plain words.
enum PostgresSearch {
    /// ts_rank weights for {D, C, B, A}: titles are weight A, texts B. A title word counts
    /// four times a body word, as in the SQLite store's BM25 column weights.
    static let rankWeights = "{0.1, 0.2, 0.25, 1.0}"
    /// ts_rank normalisation 1: divided by 1 + log(document length), so a long article does
    /// not win by length alone (BM25 normalises by length too).
    static let rankNormalization = 1
    /// Words of context in a snippet (the SQLite store's `snippetTokens`).
    static let snippetWords = 16
    static let ellipsis = "…"

    /// The folded words of `text`, space-separated: the input of `to_tsvector('simple', …)`.
    ///
    /// Every ASCII character but a letter or digit separates words, so the text is cut at
    /// those first: a run of ASCII letters and digits only needs lowercasing, byte by byte,
    /// and only runs holding other characters go through Foundation's folding (which cost
    /// the most of storing an article into PostgreSQL when the whole text went through it).
    static func indexText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var run: [UInt8] = []
        var runIsASCII = true
        func endRun() {
            defer {
                run.removeAll(keepingCapacity: true)
                runIsASCII = true
            }
            guard !run.isEmpty else { return }
            if runIsASCII {
                if !output.isEmpty { output.append(space) }
                output.append(contentsOf: run.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            } else {
                for word in foldedWords(String(decoding: run, as: UTF8.self)) {
                    if !output.isEmpty { output.append(space) }
                    output.append(contentsOf: word.utf8)
                }
            }
        }
        for byte in text.utf8 {
            if byte >= 0x80 {
                runIsASCII = false
                run.append(byte)
            } else if isASCIILetterOrDigit(byte) {
                run.append(byte)
            } else {
                endRun()
            }
        }
        endRun()
        return String(decoding: output, as: UTF8.self)
    }

    private static let space = UInt8(ascii: " ")

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Runs of letters and digits of `text` once folded: what `indexText` gives, the slow way.
    static func foldedWords(_ text: String) -> [Substring] {
        fold(Substring(text)).split { !($0.isLetter || $0.isNumber) }
    }

    struct Word {
        var range: Range<String.Index>
        var folded: String
    }

    /// Runs of letters and digits, each with its folded form.
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let begin = start {
                result.append(Word(range: begin..<index, folded: fold(text[begin..<index])))
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { result.append(Word(range: begin..<text.endIndex, folded: fold(text[begin...]))) }
        return result.filter { !$0.folded.isEmpty }
    }

    static func fold(_ text: Substring) -> String {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: folded.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
        return String(scalars)
    }

    // MARK: queries

    /// One term of a query: the folded words of a phrase or word (adjacent, in order), the
    /// last one a prefix when it ended in `*`.
    struct Term: Equatable {
        var words: [String]
        var prefix: Bool
    }

    /// A parsed query: terms joined by AND (`all`), alternatives by OR, and excluded terms.
    struct Query: Equatable {
        /// Alternatives (OR) of conjunctions (AND) of terms.
        var alternatives: [[Term]]
        var excluded: [Term]

        var isEmpty: Bool { alternatives.allSatisfy(\.isEmpty) }

        /// Every searched word (for marking snippets), with whether it is a prefix.
        var terms: [Term] { alternatives.flatMap { $0 } }
    }

    /// Reads what the user typed. Nil when it holds no word.
    static func parse(_ query: String) -> Query? {
        var alternatives: [[Term]] = [[]]
        var excluded: [Term] = []
        var negateNext = false
        for chunk in chunks(query) {
            switch chunk {
            case .keyword("OR"):
                if !(alternatives.last?.isEmpty ?? true) { alternatives.append([]) }
                negateNext = false
            case .keyword("NOT"):
                negateNext = true
            case .keyword:
                continue  // AND: what juxtaposition means anyway
            case .term(let term):
                if negateNext { excluded.append(term) } else { alternatives[alternatives.count - 1].append(term) }
                negateNext = false
            }
        }
        alternatives.removeAll { $0.isEmpty }
        guard !alternatives.isEmpty else { return nil }
        return Query(alternatives: alternatives, excluded: excluded)
    }

    private enum Chunk {
        case term(Term)
        case keyword(String)
    }

    private static let keywords: Set<String> = ["OR", "AND", "NOT"]

    /// Phrases in double quotes, else whitespace-separated words; operators only in capitals.
    private static func chunks(_ query: String) -> [Chunk] {
        var result: [Chunk] = []
        let parts = query.split(separator: "\"", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            // Odd parts were between quotes (an unclosed quote runs to the end).
            if index % 2 == 1 {
                let folded = words(String(part)).map(\.folded)
                if !folded.isEmpty { result.append(.term(Term(words: folded, prefix: false))) }
                continue
            }
            for piece in part.split(whereSeparator: \.isWhitespace) {
                if keywords.contains(String(piece)) {
                    result.append(.keyword(String(piece)))
                    continue
                }
                let folded = words(String(piece)).map(\.folded)
                guard !folded.isEmpty else { continue }
                // "covid-19" is two words, both required, as FTS5 reads it.
                let prefix = piece.hasSuffix("*")
                for (position, word) in folded.enumerated() {
                    result.append(.term(Term(words: [word], prefix: prefix && position == folded.count - 1)))
                }
            }
        }
        return result
    }

    /// The query in `to_tsquery` syntax. Every word is quoted and made only of letters and
    /// digits, so no input can make it invalid.
    static func tsquery(_ query: Query) -> String {
        func term(_ term: Term) -> String {
            let parts = term.words.enumerated().map { index, word in
                "'\(word)'" + (term.prefix && index == term.words.count - 1 ? ":*" : "")
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " <-> ") + ")"
        }
        var expression = query.alternatives.map { "(" + $0.map(term).joined(separator: " & ") + ")" }.joined(separator: " | ")
        if !query.excluded.isEmpty {
            expression = "(" + expression + ")" + query.excluded.map { " & !" + term($0) }.joined()
        }
        return expression
    }

    // MARK: snippets

    /// A few words around the best cluster of matches in the title or the text, matches
    /// between `SearchHit.matchStart` and `matchEnd`, `…` where the text was cut: the shape
    /// of FTS5's `snippet()`.
    static func snippet(title: String, text: String, query: Query) -> String {
        let candidates = [title, text].map { column -> (String, [Word], Range<Int>, Int) in
            let columnWords = words(column)
            let matched = columnWords.map { matches($0.folded, query.terms) }
            let (window, score) = bestWindow(matched)
            return (column, columnWords, window, score)
        }
        // The column with more distinct matches; the text on a tie (it gives more context).
        let best = candidates[0].3 > candidates[1].3 ? candidates[0] : candidates[1]
        return render(best.0, words: best.1, window: best.2, terms: query.terms)
    }

    private static func matches(_ word: String, _ terms: [Term]) -> String? {
        for term in terms {
            for (index, searched) in term.words.enumerated() {
                let isPrefix = term.prefix && index == term.words.count - 1
                if isPrefix ? word.hasPrefix(searched) : word == searched { return searched }
            }
        }
        return nil
    }

    /// The `snippetWords`-long window with the most distinct matched words (the earliest
    /// on a tie), and that count. Windows open a few words before a match, for context.
    private static func bestWindow(_ matched: [String?]) -> (Range<Int>, Int) {
        guard matched.count > snippetWords else {
            return (0..<matched.count, Set(matched.compactMap { $0 }).count)
        }
        var best = (0..<snippetWords, -1)
        for position in matched.indices where position == 0 || matched[position] != nil {
            let start = max(0, min(position - contextBeforeMatch, matched.count - snippetWords))
            let window = start..<(start + snippetWords)
            let distinct = Set(matched[window].compactMap { $0 }).count
            if distinct > best.1 { best = (window, distinct) }
        }
        return best
    }

    /// Words shown before the first match of a snippet.
    static let contextBeforeMatch = 3

    private static func render(_ column: String, words: [Word], window: Range<Int>, terms: [Term]) -> String {
        guard !window.isEmpty else { return "" }
        var out = window.lowerBound > 0 ? ellipsis : ""
        var cursor = words[window.lowerBound].range.lowerBound
        for word in words[window] {
            out += column[cursor..<word.range.lowerBound]
            let text = column[word.range]
            out += matches(word.folded, terms) != nil ? SearchHit.matchStart + text + SearchHit.matchEnd : String(text)
            cursor = word.range.upperBound
        }
        if window.upperBound < words.count { out += ellipsis }
        return out
    }
}
