import ParallaxCore
import ParallaxLanguage

/// One sentence seen by the annotators: the letter-and-digit runs inside the analyzer's
/// tokens ("U.S." gives "U" and "S", "two‑hour" gives "two" and "hour"), with the sentence's
/// scalars kept so the punctuation between two words can be read.
///
/// Working on runs rather than on whole tokens keeps the rules independent of how the
/// tokenizer treats dots, hyphens and apostrophes inside a token.
struct SentenceWords: Sendable {
    struct Word: Sendable {
        /// The run as written.
        var text: String
        /// Lower-cased.
        var lower: String
        /// Scalar offsets into the sentence (half-open).
        var start: Int
        var end: Int
        /// The analyzer's stopword flag of the token the run belongs to.
        var isStopword: Bool

        var isDigits: Bool { text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        var isCapitalized: Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
        }
        var isAllCaps: Bool {
            text.unicodeScalars.allSatisfy { !$0.properties.isLowercase } && text.unicodeScalars.contains { $0.properties.isUppercase }
        }
    }

    let index: Int
    let language: String
    /// Offset of the sentence's first scalar in the article text.
    let base: Int
    let scalars: [Unicode.Scalar]
    let words: [Word]

    init(sentence: Sentence) {
        index = sentence.index
        language = sentence.language
        base = sentence.span.start
        let scalars = Array(sentence.text.unicodeScalars)
        self.scalars = scalars
        var words: [Word] = []
        for token in sentence.tokens {
            let lower = max(0, token.span.start - sentence.span.start)
            let upper = min(scalars.count, token.span.end - sentence.span.start)
            guard lower < upper else { continue }
            var i = lower
            while i < upper {
                guard SentenceWords.isWordScalar(scalars[i]) else { i += 1; continue }
                let start = i
                while i < upper, SentenceWords.isWordScalar(scalars[i]) { i += 1 }
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[start..<i])
                if let last = words.last, last.end > start { continue }  // overlapping tokens: keep the first
                words.append(Word(text: text, lower: text.lowercased(), start: start, end: i, isStopword: token.isStopword))
            }
        }
        self.words = words
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        if p.isAlphabetic || p.numericType == .decimal { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    // MARK: reading the text

    /// The sentence text between two local offsets.
    func text(_ start: Int, _ end: Int) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[max(0, start)..<min(scalars.count, max(start, end))])
        return s
    }

    /// Global span of a local range.
    func span(_ start: Int, _ end: Int) -> TextSpan { TextSpan(start: base + start, end: base + end) }

    /// Text and global span of words `first...last`.
    func range(_ first: Int, _ last: Int) -> (text: String, span: TextSpan) {
        (text(words[first].start, words[last].end), span(words[first].start, words[last].end))
    }

    /// The scalars between word `i` and word `i + 1` (or the sentence end).
    func gap(after i: Int) -> [Unicode.Scalar] {
        let start = words[i].end
        let end = i + 1 < words.count ? words[i + 1].start : scalars.count
        return start < end ? Array(scalars[start..<end]) : []
    }

    /// The scalars between word `i - 1` (or the sentence start) and word `i`.
    func gap(before i: Int) -> [Unicode.Scalar] {
        let start = i > 0 ? words[i - 1].end : 0
        let end = words[i].start
        return start < end ? Array(scalars[start..<end]) : []
    }

    /// Whether the gap after word `i` only holds characters that may sit inside one phrase.
    func joins(after i: Int, allowing extra: Set<Unicode.Scalar> = []) -> Bool {
        guard i + 1 < words.count else { return false }
        let range = words[i].end..<words[i + 1].start
        return !range.isEmpty && range.count <= 3
            && range.allSatisfy { Punctuation.phraseJoiners.contains(scalars[$0]) || extra.contains(scalars[$0]) }
    }

    /// Whether only spaces separate word `i` from word `i + 1`.
    func spaceOnly(after i: Int) -> Bool {
        guard i + 1 < words.count else { return false }
        let range = words[i].end..<words[i + 1].start
        return !range.isEmpty && range.count <= 2 && range.allSatisfy { scalars[$0].properties.isWhitespace }
    }

    /// Whether word `i` starts the sentence or a quotation inside it.
    func isInitial(_ i: Int) -> Bool {
        if i == 0 { return true }
        let gap = gap(before: i)
        // A quotation, a colon or a full stop inside the sentence (quoted sentences) starts afresh.
        return gap.contains { Punctuation.openingQuotes.contains($0) || Punctuation.sentenceStarters.contains($0) }
    }

    /// Matches `phrase` (lower-cased words) at word `i`, with phrase-joining gaps between
    /// the words; returns the index of the last word matched.
    func match(_ phrase: [String], at i: Int) -> Int? {
        guard !phrase.isEmpty, i + phrase.count <= words.count else { return nil }
        for (k, part) in phrase.enumerated() {
            if words[i + k].lower != part { return nil }
            if k > 0, !joins(after: i + k - 1) { return nil }
        }
        return i + phrase.count - 1
    }
}

/// Characters the annotators reason about, in one place.
enum Punctuation {
    static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}"]
    /// Spaces that may separate groups of three digits ("35 000").
    static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]
    /// Marks between groups of three digits other than the language's thousands separator.
    static let digitGroupMarks: Set<Unicode.Scalar> = groupSpaces.union(apostrophes)
    /// What may separate two words of one phrase: spaces, hyphens, apostrophes.
    static let phraseJoiners: Set<Unicode.Scalar> = {
        var set: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "\t"]
        set.formUnion(hyphens)
        set.formUnion(apostrophes)
        return set
    }()
    /// Marks after which the next word starts a sentence or a clause as if afresh.
    static let sentenceStarters: Set<Unicode.Scalar> = [":", "(", "\u{2014}", ".", "!", "?", "\n"]
    static let openingQuotes: Set<Unicode.Scalar> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\u{2018}", "\u{201A}", "\""]

    /// Splits a phrase of the data files into the word runs the matcher compares.
    static func words(_ phrase: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for s in phrase.lowercased().unicodeScalars {
            if SentenceWords.isWordScalar(s) { current.unicodeScalars.append(s) } else if !current.isEmpty { parts.append(current); current = "" }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}

extension SentenceWords {
    /// A stand-alone text split and tokenised by the language stage, for callers outside
    /// an article (tests, single sentences); offsets are into `text`.
    static func sentences(of text: String, language: String) -> [SentenceWords] {
        let splitter = SentenceSplitter(language: language)
        let analyzer = TextAnalyzer(language: language)
        return splitter.sentences(in: text).enumerated().map { index, span in
            let sentenceText = text.substring(span)
            return SentenceWords(sentence: Sentence(index: index, paragraph: 0, span: span, text: sentenceText, language: language,
                                                    tokens: analyzer.tokens(in: sentenceText, baseOffset: span.start)))
        }
    }
}
