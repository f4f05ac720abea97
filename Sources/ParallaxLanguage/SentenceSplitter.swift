import ParallaxCore

/// Splits text into sentences.
///
/// A sentence ends at . ! ? … (and their CJK, Arabic and Indic forms) followed by a space or
/// the end of the text, with closing quotes and brackets after the mark kept in the
/// sentence. A period does not end a sentence after an abbreviation of the language that is
/// always followed by a name ("Dr.", "Mr.", "St."), after an initial ("Donald J. Trump"),
/// after an ordinal number where the language writes them with a period ("5. Februar"), or
/// when the next word starts in lower case. After an abbreviation that can also end a
/// sentence ("etc.", "U.S.") the sentence ends only when the next word is a capitalised
/// stopword ("The", "Er"), i.e. looks like a sentence start. Inside an open quotation no
/// split is made, unless the quotation is still open at the end of its paragraph or runs on
/// for too long: then its opening mark was stray and is ignored. A blank line always ends a
/// sentence.
public struct SentenceSplitter: Sendable {
    public let language: String
    private let abbreviations: LanguageData.Abbreviations
    private let stopwords: Set<String>
    private let ordinalPeriods: Bool

    /// An unbalanced quotation mark must not swallow the rest of a long text.
    static let longestQuotation = 600

    public init(language: String) {
        self.language = language
        abbreviations = LanguageData.abbreviations(language)
        stopwords = LanguageData.stopwords(language)
        ordinalPeriods = LanguageData.ordinalPeriodLanguages.contains(LanguageData.base(language))
    }

    /// Sentence spans as scalar offsets into `text`, leading and trailing spaces trimmed.
    public func sentences(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var spans: [TextSpan] = []
        var start = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { spans.append(TextSpan(start: s, end: e)) }
            start = end
        }

        var quoteOpenedAt: Int? = nil
        // Marks that turned out to open nothing: read again as plain characters.
        var strayQuotes: Set<Int> = []
        var i = 0
        while i <= n {
            // The second newline of a blank line starting at `i`, if one does.
            let blankLineEnd = i < n && scalars[i] == "\n"
                ? nextNonSpace(scalars, after: i, stopAtNewline: true).flatMap { scalars[$0] == "\n" ? $0 : nil } : nil
            // A quotation still open at the end of its paragraph or of the text, or after
            // `longestQuotation` characters, was a stray mark ("U.K.'s", a cut text): the text
            // after it is read again with the mark ignored, so its sentences are split.
            if let opened = quoteOpenedAt, i == n || blankLineEnd != nil || i - opened > Self.longestQuotation {
                strayQuotes.insert(opened)
                quoteOpenedAt = nil
                i = opened + 1
                continue
            }
            guard i < n else { break }
            let c = scalars[i]
            if let next = blankLineEnd {
                emit(i)
                i = next + 1
                continue
            }
            switch strayQuotes.contains(i) ? .none : quoteRole(scalars, at: i, isOpen: quoteOpenedAt != nil) {
            case .opening: quoteOpenedAt = i
            case .closing: quoteOpenedAt = nil
            case .none: break
            }
            guard Self.terminators.contains(c) else { i += 1; continue }

            // The mark, any further marks ("?!", "..."), then closing quotes and brackets.
            var end = i + 1
            while end < n, Self.terminators.contains(scalars[end]) { end += 1 }
            var closedQuote = false
            while end < n, Self.closers.contains(scalars[end]) || (Self.quoteMarks.contains(scalars[end]) && quoteOpenedAt != nil) {
                if !Self.brackets.contains(scalars[end]) { closedQuote = true }
                end += 1
            }
            if closedQuote { quoteOpenedAt = nil }
            let followedBySpace = end >= n || scalars[end].properties.isWhitespace
            let fullWidth = Self.fullWidthTerminators.contains(c)
            if (followedBySpace || fullWidth), quoteOpenedAt == nil, endsSentence(scalars, markAt: i, after: end) {
                emit(end)
            }
            i = end
        }
        emit(n)
        return spans
    }

    static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0E}", "\u{061F}", "\u{06D4}", "\u{0964}", "\u{0965}", "\u{037E}"]
    /// CJK marks end a sentence without a following space.
    static let fullWidthTerminators: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF01}", "\u{FF1F}"]
    static let closers: Set<Unicode.Scalar> = [")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}", "\u{FF09}"]
    static let brackets: Set<Unicode.Scalar> = [")", "]", "}", "\u{FF09}"]
    static let quoteMarks: Set<Unicode.Scalar> = ["\"", "'"]
    static let openers: Set<Unicode.Scalar> = ["\u{201C}", "\u{2018}", "\u{00AB}", "\u{201E}", "\u{201A}", "\u{300C}", "\u{300E}"]

    private enum QuoteRole { case opening, closing, none }

    /// Whether the mark at `i` opens or closes a quotation. ’ and ' are apostrophes between
    /// letters; « » may be used either way round (German »…«).
    private func quoteRole(_ scalars: [Unicode.Scalar], at i: Int, isOpen: Bool) -> QuoteRole {
        let c = scalars[i]
        let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
        let after: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
        func isLetter(_ s: Unicode.Scalar?) -> Bool { s.map { CharacterTable.isLetter($0.value) } ?? false }
        if c == "\u{2019}" || c == "'" {
            if isLetter(before) && isLetter(after) { return .none }
            // An opening mark stands at the start of a word: "U.K.'s" and "1990's" open nothing.
            if c == "'" && !isOpen && isLetter(after) && before.map({ $0.properties.isWhitespace || Self.openers.contains($0) || $0 == "(" }) ?? true {
                return .opening
            }
            return isOpen && !isLetter(after) ? .closing : .none
        }
        if c == "\"" { return isOpen ? .closing : .opening }
        if c == "\u{00BB}" || c == "\u{00AB}" { return isOpen ? .closing : .opening }
        if Self.openers.contains(c) {
            // „…“ : the German closing mark is the English opening one.
            if c == "\u{201C}" && isOpen { return .closing }
            return .opening
        }
        // A bracket inside a quotation ("he'd [Assange] die") closes nothing.
        if Self.closers.contains(c) && !Self.brackets.contains(c) && isOpen { return .closing }
        return .none
    }

    /// Whether the terminator at `mark` ends a sentence, given the text after `after`.
    private func endsSentence(_ scalars: [Unicode.Scalar], markAt mark: Int, after: Int) -> Bool {
        guard let next = nextNonSpace(scalars, after: after - 1, stopAtNewline: false) else { return true }
        let nextScalar = scalars[next]
        let nextScript = CharacterTable.script(nextScalar.value)
        // A lower-case continuation is never a new sentence in a cased script.
        if nextScript.isCased, CharacterTable.lowercased(nextScalar.value) == nextScalar.value, !Self.openers.contains(nextScalar) {
            return false
        }
        let c = scalars[mark]
        guard c == "." else { return true }
        // The word before the period, back to a space.
        var wordStart = mark
        while wordStart > 0, !scalars[wordStart - 1].properties.isWhitespace, !Self.openers.contains(scalars[wordStart - 1]),
              scalars[wordStart - 1] != "(" { wordStart -= 1 }
        guard wordStart < mark else { return true }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[wordStart..<mark])
        let word = String(view)
        // An initial: one capital letter.
        if mark - wordStart == 1 {
            let letter = scalars[wordStart].value
            if CharacterTable.script(letter).isCased, CharacterTable.lowercased(letter) != letter { return false }
        }
        if ordinalPeriods, word.unicodeScalars.count <= 2, word.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }) {
            return false
        }
        let key = LanguageData.abbreviationKey(word)
        if abbreviations.prenominal.contains(key) { return false }
        if abbreviations.other.contains(key) || isInitialism(word) {
            return startsLikeSentence(scalars, at: next)
        }
        return true
    }

    /// "U.S", "e.g": single letters separated by periods.
    private func isInitialism(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.unicodeScalars.count == 1 && CharacterTable.isLetter($0.unicodeScalars.first!.value) }
    }

    /// Whether the word at `index` is a capitalised stopword ("The", "Sie") or opens a quotation.
    private func startsLikeSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        if Self.openers.contains(scalars[index]) || Self.quoteMarks.contains(scalars[index]) { return true }
        var end = index
        while end < scalars.count, CharacterTable.isLetter(scalars[end].value) || LanguageData.apostrophes.contains(scalars[end]) { end += 1 }
        guard end > index else { return false }  // "Jan. 5", "U.S. $3 billion"
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[index..<end])
        return stopwords.contains(LanguageData.fold(String(view)))
    }

    private func nextNonSpace(_ scalars: [Unicode.Scalar], after index: Int, stopAtNewline: Bool) -> Int? {
        var j = index + 1
        while j < scalars.count {
            if stopAtNewline && scalars[j] == "\n" { return j }
            if !scalars[j].properties.isWhitespace { return j }
            j += 1
        }
        return nil
    }
}
