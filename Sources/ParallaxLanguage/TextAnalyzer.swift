import CStemmer
import Foundation
import ParallaxCore

/// Turns text into tokens for one language: words, numbers and symbols with their
/// case-folded form, stem and stopword flag. The stem is Snowball's where the language has
/// a stemmer, and for a few inflected languages without one, the word's first scalars.
///
/// Words keep inner apostrophes ("don't", "Trump’s") and hyphens ("face-to-face"); elided
/// articles split off where the language elides ("l’" + "homme"); initialisms stay whole
/// ("U.S."); numbers keep their separators ("1,200.50", "1.200,50"). Text in scripts written
/// without spaces (Chinese, Japanese, Thai …) becomes overlapping character bigrams, the
/// usual unit for matching such text without a dictionary. Every other non-space character
/// is a symbol token.
public struct TextAnalyzer: Sendable {
    public let language: String
    private let stopwords: Set<String>
    private let elisions: Set<String>
    private let dotlessI: Bool

    public init(language: String) {
        self.language = language
        stopwords = LanguageData.stopwords(language)
        elisions = LanguageData.elisions(language)
        dotlessI = LanguageData.dotlessILanguages.contains(LanguageData.base(language))
    }

    /// Whether the language has a Snowball stemmer (otherwise `stem` is `normalized`, or its
    /// first scalars in `LanguageData.truncatedLanguages`).
    public var hasStemmer: Bool { LanguageData.snowballNames[LanguageData.base(language)] != nil }

    /// Whether the word (in any case) is a stopword of the language.
    public func isStopword(_ word: String) -> Bool { stopwords.contains(LanguageData.fold(word, dotlessI: dotlessI)) }

    /// Tokens of `text`; spans are scalar offsets into `text` plus `baseOffset`.
    public func tokens(in text: String, baseOffset: Int = 0) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        let words = wordAnalyzer()
        return bounds(in: scalars).map { bounds in
            let surface = Self.string(scalars[bounds.start..<bounds.end])
            let span = TextSpan(start: baseOffset + bounds.start, end: baseOffset + bounds.end)
            switch bounds.kind {
            case .word:
                let word = words.analyze(surface, unspaced: bounds.unspaced)
                return Token(text: surface, normalized: word.normalized, stem: word.stem, span: span, kind: .word, isStopword: word.isStopword)
            case .number, .symbol:
                let normalized = surface.utf8.allSatisfy { $0 < 0x80 } ? surface : surface.precomposedStringWithCompatibilityMapping
                return Token(text: surface, normalized: normalized, stem: normalized, span: span, kind: bounds.kind, isStopword: false)
            }
        }
    }

    /// Where a token lies in the scanned scalars and what kind it is, before its word is
    /// analysed. `tokens(in:)` is `bounds(in:)` followed by `WordAnalyzer.analyze`; callers
    /// that meet the same words again and again (clustering a stream) scan with this and
    /// keep their own table of analysed words.
    public struct TokenBounds: Sendable, Hashable {
        /// Scalar offsets: `start..<end`.
        public var start: Int
        public var end: Int
        public var kind: Token.Kind
        /// A character bigram (or single character) of a script written without spaces: not
        /// stemmed, never a stopword.
        public var unspaced: Bool
    }

    /// The `normalized` form, stem and stopword flag of one word, as `tokens(in:)` gives them.
    public struct WordAnalysis: Sendable, Hashable {
        public var normalized: String
        public var stem: String
        public var isStopword: Bool
    }

    /// Analyses words of this language with one stemmer. Snowball stemmers keep state
    /// between calls, so an analyzer must stay on one thread (it is not `Sendable`).
    public struct WordAnalyzer {
        fileprivate let stopwords: Set<String>
        fileprivate let dotlessI: Bool
        fileprivate let stemmer: Stemmer?
        /// Where there is no stemmer but words inflect heavily, the stem is the word's first
        /// this many scalars (`LanguageData.truncatedLanguages`).
        fileprivate let truncation: Int?

        public func analyze(_ surface: String, unspaced: Bool) -> WordAnalysis {
            let normalized = LanguageData.fold(surface, dotlessI: dotlessI)
            let stem: String
            if unspaced {
                stem = normalized
            } else if let stemmer {
                stem = stemmer.stem(normalized)
            } else if let truncation {
                stem = String(normalized.unicodeScalars.prefix(truncation))
            } else {
                stem = normalized
            }
            return WordAnalysis(normalized: normalized, stem: stem, isStopword: !unspaced && stopwords.contains(normalized))
        }
    }

    public func wordAnalyzer() -> WordAnalyzer {
        let stemmer = Stemmer(language: language)
        let truncation = stemmer == nil && LanguageData.truncatedLanguages.contains(LanguageData.base(language))
            ? LanguageData.truncationLength : nil
        return WordAnalyzer(stopwords: stopwords, dotlessI: dotlessI, stemmer: stemmer, truncation: truncation)
    }

    /// The string the scalars spell, encoded straight into the string's storage (appending
    /// scalars to a view one by one was a large part of tokenising).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    /// The tokens of `scalars`, in order.
    public func bounds(in scalars: [Unicode.Scalar]) -> [TokenBounds] {
        // Each scalar is classified once; the scanners below look at neighbours repeatedly.
        let classes = scalars.map(Self.classify)
        var result: [TokenBounds] = []
        result.reserveCapacity(scalars.count / 5)
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind, unspaced: Bool = false) {
            result.append(TokenBounds(start: start, end: end, kind: kind, unspaced: unspaced))
        }
        var i = 0
        let n = scalars.count
        while i < n {
            switch classes[i] {
            case .space:
                i += 1
            case .unspacedLetter:
                var end = i
                while end < n, classes[end] == .unspacedLetter { end += 1 }
                if end - i == 1 {
                    emit(i, end, .word, unspaced: true)
                } else {
                    for start in i..<(end - 1) { emit(start, start + 2, .word, unspaced: true) }
                }
                i = end
            case .digit:
                let end = scanNumber(scalars, classes, from: i)
                if end < n, classes[end] == .letter {
                    // "20th", "5G", "G7"-like: one word.
                    let wordEnd = scanWord(scalars, classes, from: end, tokenStart: i)
                    emit(i, wordEnd, .word)
                    i = wordEnd
                } else {
                    emit(i, end, .number)
                    i = end
                }
            case .letter:
                if let initialismEnd = scanInitialism(scalars, classes, from: i) {
                    emit(i, initialismEnd, .word)
                    i = initialismEnd
                    continue
                }
                let end = scanWord(scalars, classes, from: i, tokenStart: i)
                emit(i, end, .word)
                i = end
            case .other:
                var end = i + 1
                // Modifiers and selectors attach to the symbol; a joiner also takes the next one.
                while end < n, LanguageData.isSymbolExtender(scalars[end]) {
                    end += scalars[end] == "\u{200D}" && end + 1 < n ? 2 : 1
                }
                emit(i, end, .symbol)
                i = end
            }
        }
        return result
    }

    private enum ScalarClass { case letter, unspacedLetter, digit, space, other }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x09...0x0D, 0x20: return .space
            default: return .other
            }
        }
        let script = CharacterTable.script(value)
        if script != .none { return script.isWrittenWithoutSpaces ? .unspacedLetter : .letter }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .digit }
        if properties.isWhitespace || value == 0x200B { return .space }
        return .other
    }

    /// End of a number that starts at `start`: digits, with single separators between digits.
    private func scanNumber(_ scalars: [Unicode.Scalar], _ classes: [ScalarClass], from start: Int) -> Int {
        var end = start
        let n = scalars.count
        while end < n {
            if classes[end] == .digit { end += 1; continue }
            if LanguageData.numberSeparators.contains(scalars[end]), end + 1 < n, classes[end + 1] == .digit, end > start {
                end += 2
                continue
            }
            break
        }
        return end
    }

    /// End of a word: letters, marks and digits, joined across inner apostrophes and hyphens.
    /// An elided article ("l’", "dell’") ends its own token at the apostrophe.
    private func scanWord(_ scalars: [Unicode.Scalar], _ classes: [ScalarClass], from start: Int, tokenStart: Int) -> Int {
        var end = start
        let n = scalars.count
        while end < n {
            let kind = classes[end]
            if kind == .letter || kind == .digit { end += 1; continue }
            guard end + 1 < n else { break }
            let next = classes[end + 1]
            if LanguageData.apostrophes.contains(scalars[end]), next == .letter {
                if !elisions.isEmpty, elisions.contains(LanguageData.fold(Self.string(scalars[tokenStart...end]))) { return end + 1 }
                end += 2
                continue
            }
            if LanguageData.hyphens.contains(scalars[end]), next == .letter || next == .digit {
                end += 2
                continue
            }
            break
        }
        return end
    }

    /// "U.S.", "e.g.", "U.S.A.": single letters each followed by a period, at least two.
    private func scanInitialism(_ scalars: [Unicode.Scalar], _ classes: [ScalarClass], from start: Int) -> Int? {
        var end = start
        var letters = 0
        let n = scalars.count
        while end + 1 < n, classes[end] == .letter, scalars[end + 1] == "." {
            // The letter must stand alone (not the end of a longer word).
            if end > start, classes[end - 1] == .letter { break }
            letters += 1
            end += 2
        }
        if letters >= 2, end >= n || classes[end] != .letter { return end }
        return nil
    }
}

/// One libstemmer instance. Snowball stemmers keep state between calls, so an instance is
/// made per `WordAnalyzer` (per `tokens(in:)` call) and never shared between threads.
final class Stemmer {
    private let stemmer: OpaquePointer

    init?(language: String) {
        guard let name = LanguageData.snowballNames[LanguageData.base(language)],
              let stemmer = sb_stemmer_new(name, "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    func stem(_ word: String) -> String {
        var utf8 = word
        return utf8.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
